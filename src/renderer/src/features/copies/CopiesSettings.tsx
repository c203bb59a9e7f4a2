/**
 * Settings → Copies: the vault's replicas, off-site copies that hold only ciphertext (a
 * folder on a USB disk or a share, or an S3 bucket). Each with what it has of the vault and
 * its actions; "Copy now" to all; the running push with objects and bytes and Cancel; the
 * last push's outcome; and "Add a copy…". The push state comes from useCopies (held by the
 * workspace, as the status bar shows it too); a check's state is this screen's own.
 */
import { useCallback, useEffect, useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import type { ReplicaConfig } from '../../../../shared/replica';
import { asTamgaError, onEngineEvent, shell, tamga } from '../../api';
import { formatBytes, formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { AddCopyForm } from './AddCopyForm';
import { ReplicaRow, type CheckState } from './ReplicaRow';
import type { Copies } from './useCopies';

export interface CopiesSettingsProps {
  readonly copies: Copies;
  readonly now: number;
  readonly readOnly: boolean;
}

export function CopiesSettings({ copies, now, readOnly }: CopiesSettingsProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const id = useId();
  const [checks, setChecks] = useState<ReadonlyMap<string, CheckState>>(new Map());
  const [removeErrors, setRemoveErrors] = useState<ReadonlyMap<string, TamgaError>>(new Map());
  const setCheck = useCallback((name: string, state: CheckState) => setChecks((current) => new Map(current).set(name, state)), []);
  const { replicas, running, outcome, refresh } = copies;

  useEffect(
    () =>
      onEngineEvent('replicaProgress', (event) => {
        if (event.progress.phase !== 'check' || event.replica === null) return;
        const name = event.replica;
        setChecks((current) => (current.get(name)?.phase === 'running' ? new Map(current).set(name, { phase: 'running', progress: event.progress }) : current));
      }),
    [],
  );

  const check = (name: string, sample?: number): void => {
    setCheck(name, { phase: 'running', progress: null });
    void tamga.verifyReplica(sample === undefined ? { name } : { name, sample }).then(
      (report) => {
        setCheck(name, { phase: 'done', report });
        copies.setChecked(name, report.ok);
      },
      (error: unknown) => setCheck(name, { phase: 'failed', error: asTamgaError(error) }),
    );
  };
  const remove = (name: string): void =>
    void tamga.removeReplica(name).then(
      () => {
        setRemoveErrors((current) => new Map([...current].filter(([n]) => n !== name)));
        // What the status bar said of it (a failed push, a damaged check) goes with it.
        if (copies.outcome?.kind === 'failed' && copies.outcome.replica === name) copies.dismiss();
        copies.setChecked(name, true);
        refresh();
      },
      (error: unknown) => setRemoveErrors((current) => new Map(current).set(name, asTamgaError(error))),
    );
  const add = async (name: string, config: ReplicaConfig): Promise<TamgaError | null> => {
    try {
      await tamga.addReplica({ name, config });
      refresh();
      return null;
    } catch (error) {
      return asTamgaError(error);
    }
  };

  const progress = running?.progress ?? null;
  return (
    <section aria-labelledby={`${id}-title`} className="copies-settings" data-testid="copies-settings">
      <h3 id={`${id}-title`}>{t('copies.settingsTitle')}</h3>
      <p className="field-hint">{t('copies.intro')}</p>
      {copies.listError !== null && <ErrorNotice error={copies.listError} />}
      {replicas !== null && replicas.length === 0 && <p data-testid="replicas-empty">{t('copies.none')}</p>}
      {replicas !== null && replicas.length > 0 && (
        <>
          <ul className="replica-list" aria-label={t('copies.listLabel')}>
            {replicas.map((replica) => (
              <ReplicaRow
                key={replica.id}
                replica={replica}
                now={now}
                readOnly={readOnly}
                pushing={running !== null}
                check={checks.get(replica.name) ?? null}
                removeError={removeErrors.get(replica.name) ?? null}
                onPush={() => copies.push(replica.name)}
                onCheck={(sample) => check(replica.name, sample)}
                onRemove={() => remove(replica.name)}
              />
            ))}
          </ul>
          {replicas.length > 1 && (
            <button type="button" className="button" onClick={() => copies.push()} disabled={readOnly}>
              {t('copies.copyAll')}
            </button>
          )}
        </>
      )}
      {running !== null && (
        <div className="notice" role="status" data-testid="push-progress">
          <div>
            <p className="notice-text">
              {running.replica === null ? t('copies.status.copyingAll') : t('copies.status.copying', { name: running.replica })}{' '}
              {progress !== null &&
                progress.phase !== 'snapshot' &&
                t('copies.pushProgress', {
                  done: formatCount(progress.objectsDone, locale),
                  total: formatCount(progress.objectsTotal, locale),
                  bytesDone: formatBytes(progress.bytesDone, locale),
                  bytesTotal: formatBytes(progress.bytesTotal, locale),
                })}
            </p>
            {progress !== null && progress.bytesTotal > 0 && <progress max={progress.bytesTotal} value={progress.bytesDone} aria-label={t('copies.progressLabel')} />}
            <button type="button" className="button" onClick={copies.cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {outcome?.kind === 'failed' && <ErrorNotice error={outcome.error} />}
      {outcome?.kind === 'done' && (
        <div className="notice" role="status" data-testid="push-done">
          <div>
            {outcome.results.map((r) => (
              <p key={r.name} className="notice-text">
                {t('copies.pushed', { name: r.name, number: r.number, objects: formatCount(r.objectCount, locale), sent: formatCount(r.uploadedObjects, locale), bytes: formatBytes(r.uploadedBytes, locale) })}
                {r.abortedUploads > 0 && ` ${t('copies.abortedUploads', { count: r.abortedUploads })}`}
                {r.uploadsUnlisted !== null && ` ${t('copies.uploadsUnlisted')}`}
              </p>
            ))}
            <button type="button" className="button button-small" onClick={copies.dismiss}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
      <AddCopyForm readOnly={readOnly} onAdd={add} onChooseFolder={() => shell.chooseFolder({ title: t('copies.chooseFolderTitle') }).catch(() => null)} />
    </section>
  );
}
