/**
 * Said once after an unlock: what the lock before it stopped or discarded. An import
 * stopped by the lock: how many of its files are archived in full and which were not
 * imported, with "Import again" for exactly those (tagged as the first run was); an export
 * it stopped (nothing of it was kept); descriptions it discarded unasked (an automatic lock
 * saves nothing on its own). Names and paths come from evidence: text only.
 */
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterruptedWork } from '../../../../shared/import';
import type { LockReason } from '../../../../shared/session';
import { tamga } from '../../api';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { StatusBadge } from '../../ui/StatusBadge';

export interface StoppedByLockProps {
  readonly work: InterruptedWork | null;
  /** Items whose unsaved description the lock discarded. */
  readonly discardedDrafts: readonly string[];
  readonly importing: boolean;
  readonly onImportAgain: (paths: readonly string[], tags: readonly string[]) => void;
  readonly onDismiss: () => void;
}

const REASONS = {
  user: 'lockStopped.reasons.user',
  idle: 'lockStopped.reasons.idle',
  'idle-after-work': 'lockStopped.reasons.idle',
  suspend: 'lockStopped.reasons.suspend',
  shutdown: 'lockStopped.reasons.shutdown',
  'engine-stopped': 'lockStopped.reasons.engineStopped',
  'window-crashed': 'lockStopped.reasons.windowCrashed',
} as const satisfies Record<LockReason, string>;

/** The names of the items, as far as this vault has them (a draft of another vault's item is only counted). */
function useItemNames(ids: readonly string[]): readonly string[] {
  const [names, setNames] = useState<readonly string[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(ids.map((id) => tamga.getItem(id).then((item) => item.originalName, () => null))).then((found) => {
      if (current) setNames(found.filter((n): n is string => n !== null));
    });
    return () => {
      current = false;
    };
  }, [ids]);
  return names;
}

export function StoppedByLock({ work, discardedDrafts, importing, onImportAgain, onDismiss }: StoppedByLockProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useItemNames(discardedDrafts);
  const stopped = work?.import ?? null;
  if (stopped === null && work?.export == null && discardedDrafts.length === 0) return null;
  const reason = work === null ? null : t(REASONS[work.reason]);
  const n = (value: number): string => formatCount(value, locale);
  return (
    <section className="panel stopped-by-lock" aria-label={t('lockStopped.label')} data-testid="stopped-by-lock">
      {stopped !== null && (
        <div className="stopped-import">
          <h2 className="panel-title">
            <StatusBadge tone="warning" label={t('lockStopped.importTitle')} />
          </h2>
          <p role="alert" data-testid="stopped-import-line">
            {t('lockStopped.importLine', {
              archived: n(stopped.archived.length),
              total: n(stopped.filesTotal),
              count: stopped.filesTotal,
              missing: n(stopped.notImported.length),
            })}{' '}
            {reason}
          </p>
          {stopped.failed + stopped.skipped > 0 && <p className="field-hint">{t('lockStopped.notListed', { count: stopped.failed + stopped.skipped })}</p>}
          {stopped.notImported.length > 0 && (
            <>
              <h3>{t('lockStopped.notImported', { count: stopped.notImported.length })}</h3>
              <ul className="file-list" aria-label={t('lockStopped.notImported', { count: stopped.notImported.length })}>
                {stopped.notImported.map((path) => (
                  <li key={path}>
                    <code className="path">{path}</code>
                  </li>
                ))}
              </ul>
              <p className="field-hint">{t('lockStopped.importAgainHint')}</p>
            </>
          )}
        </div>
      )}
      {work?.export != null && (
        <p className="note note-warning" data-testid="stopped-export-line">
          {t('lockStopped.export', { path: work.export.outPath })} {reason}
        </p>
      )}
      {discardedDrafts.length > 0 && (
        <p className="note note-warning" data-testid="discarded-drafts">
          {names.length > 0 ? t('lockStopped.draftsNamed', { count: discardedDrafts.length, names: names.join(', ') }) : t('lockStopped.drafts', { count: discardedDrafts.length })}
        </p>
      )}
      <div className="button-row">
        {stopped !== null && stopped.notImported.length > 0 && (
          <button type="button" className="button button-primary" disabled={importing} onClick={() => onImportAgain(stopped.notImported, stopped.tags)}>
            {t('lockStopped.importAgain', { count: stopped.notImported.length, formatted: n(stopped.notImported.length) })}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
