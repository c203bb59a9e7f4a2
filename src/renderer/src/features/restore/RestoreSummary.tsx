/**
 * How a restore ended, plainly: restored N of M objects from manifest K, the audit passed or
 * its problems (each missing item named), each replica problem in words; or "Nothing was
 * restored: …" with the engine's reason and, when the engine found one, the offer to restore
 * the newest whole manifest before the damaged one.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineWords } from '../../ui/ErrorNotice';
import { formatBytes, formatCount } from '../../format/numbers';
import { formatInstant } from '../../format/dates';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';
import { ProblemList } from '../copies/ProblemList';
import type { RestoreState } from './useRestore';

/** The audit problems said in words (an item's original or thumbnail missing or damaged); the rest by code and the engine's message. */
const ITEM_PROBLEMS = ['BLOB_MISSING', 'BLOB_CORRUPT', 'BLOB_HASH_MISMATCH', 'THUMB_MISSING', 'THUMB_CORRUPT'] as const;
const isItemProblem = (code: string): code is (typeof ITEM_PROBLEMS)[number] => (ITEM_PROBLEMS as readonly string[]).includes(code);

export interface RestoreSummaryProps {
  readonly state: RestoreState;
  readonly onPrevious: () => void;
  readonly onOpen: () => void;
  /** Open the rebuilt, locked vault with its recovery key instead. */
  readonly onRecoveryKey: () => void;
}

export function RestoreSummary({ state, onPrevious, onOpen, onRecoveryKey }: RestoreSummaryProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = (value: number): string => formatCount(value, locale);
  switch (state.phase) {
    case 'idle':
    case 'recover':
      return null;
    case 'running': {
      const p = state.progress;
      return (
        <p role="status" data-testid="restore-progress">
          {state.step === 'fetch'
            ? p === null || p.objectsTotal === 0
              ? t('restore.fetching')
              : t('restore.fetchingProgress', { done: n(p.objectsDone), total: n(p.objectsTotal), bytes: formatBytes(p.bytesDone, locale) })
            : state.step === 'unlock'
              ? t('restore.unlocking')
              : t('restore.auditing')}
        </p>
      );
    }
    case 'failed':
      return <ErrorNotice error={state.error} />;
    case 'refused': {
      const refused = state.result.refused;
      return (
        <div className="notice notice-failed" role="alert" data-testid="restore-summary" data-ok="false">
          <div>
            <p className="notice-text">{t('restore.nothing', { reason: refused?.reason ?? t('restore.noManifest') })}</p>
            <ProblemList problems={state.result.problems} />
            {refused !== null && refused.previous !== null && (
              <>
                <p className="notice-text">{t('restore.previousOffer', { number: refused.previous })}</p>
                <button type="button" className="button" onClick={onPrevious}>
                  {t('restore.previous', { number: refused.previous })}
                </button>
              </>
            )}
          </div>
        </div>
      );
    }
    case 'locked':
      return (
        <div className="notice notice-failed" role="alert" data-testid="restore-summary" data-ok="false">
          <div>
            <p className="notice-text">{t('restore.notUnlocked', { path: state.result.target })}</p>
            {state.error !== null && <ErrorNotice error={state.error} />}
            <button type="button" className="button" onClick={onRecoveryKey}>
              {t('restore.recoverInstead')}
            </button>
          </div>
        </div>
      );
    case 'done': {
      const { result, audit, problems, names } = state;
      const itemLabel = (id: string | null): string => (id === null ? '?' : names.has(id) ? `“${names.get(id) ?? ''}” (${id})` : id);
      const m = result.manifest;
      const ok = result.ok && problems.length === 0 && audit.ok;
      return (
        <section className="notice" aria-labelledby="restore-done" data-testid="restore-summary" data-ok={ok}>
          <div>
            <h2 id="restore-done">
              <StatusBadge tone={ok ? 'safe' : 'failed'} label={ok ? t('restore.done') : t('restore.doneWithProblems')} />
            </h2>
            <p className="notice-text">
              {t('restore.restored', {
                path: result.target,
                done: n(result.restoredObjects),
                total: n(m?.objectCount ?? 0),
                bytes: formatBytes(result.restoredBytes, locale),
                number: m?.number ?? 0,
                at: m === null ? '' : formatInstant(m.createdAt, locale),
              })}
            </p>
            <p className="notice-text">
              {audit.ok
                ? t('restore.auditPassed', { count: audit.checkedItems, items: n(audit.checkedItems), events: n(audit.checkedEvents) })
                : t('restore.auditProblems', { count: audit.problems.length, formatted: n(audit.problems.length), items: n(audit.checkedItems) })}
            </p>
            {audit.problems.length > 0 && (
              <ul className="problem-list" data-testid="restore-audit-problems">
                {audit.problems.map((p, index) => (
                  <li key={`${p.code}-${index}`} data-code={p.code}>
                    {isItemProblem(p.code) ? (
                      t(`restore.audit.${p.code}`, { item: itemLabel(p.itemId) })
                    ) : (
                      <EngineWords code={p.code} message={p.message} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            <ProblemList problems={problems} />
            {result.ignored.length > 0 && <p className="field-hint">{t('copies.check.ignored', { count: result.ignored.length, formatted: n(result.ignored.length) })}</p>}
            <button type="button" className="button button-primary" onClick={onOpen}>
              {t('vault.openVault')}
            </button>
          </div>
        </section>
      );
    }
  }
}
