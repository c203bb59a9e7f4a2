/**
 * One replica in Settings → Copies: its name, where it is, its last finished copy (relative
 * and absolute time, the manifest number), the items not yet sent, and its actions: Copy
 * now, Check this copy (every object read and hashed, originals and thumbnails decrypted),
 * and Remove, which asks first and says that the files stay where they are.
 */
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { TamgaError } from '../../../../shared/errors';
import type { ReplicaCheckReport, ReplicaProgress, ReplicaStatus } from '../../../../shared/replica';
import { formatInstant } from '../../format/dates';
import { formatCount } from '../../format/numbers';
import { formatRelative } from '../../format/relative-time';
import { relativeWords } from './relative-words';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CheckReport } from './CheckReport';

/** How many originals and thumbnails a sample check reads whole (as `tamga replica verify --sample 200`). */
const SAMPLE = 200;

export type CheckState =
  | { readonly phase: 'running'; readonly progress: ReplicaProgress | null }
  | { readonly phase: 'done'; readonly report: ReplicaCheckReport }
  | { readonly phase: 'failed'; readonly error: TamgaError }
  | null;

export interface ReplicaRowProps {
  readonly replica: ReplicaStatus;
  readonly now: number;
  readonly readOnly: boolean;
  /** A push is running (to this replica or another): nothing else may start here. */
  readonly pushing: boolean;
  readonly check: CheckState;
  readonly removeError: TamgaError | null;
  readonly onPush: () => void;
  /** Every object read whole; with `sample`, only that many originals and thumbnails (the next ones after the last sample), the rest by size. */
  readonly onCheck: (sample?: number) => void;
  readonly onRemove: () => void;
}

export function ReplicaRow({ replica, now, readOnly, pushing, check, removeError, onPush, onCheck, onRemove }: ReplicaRowProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const [confirming, setConfirming] = useState(false);
  const last = replica.lastManifest;
  const checking = check?.phase === 'running';
  return (
    <li className="replica" data-testid="replica" data-name={replica.name}>
      <h4 className="replica-name" translate="no">
        {replica.name}
      </h4>
      <dl className="facts">
        <div className="fact">
          <dt>{t('copies.where')}</dt>
          <dd>
            <code className="path">{replica.description}</code>
          </dd>
        </div>
        <div className="fact">
          <dt>{t('copies.lastCopy')}</dt>
          <dd data-testid="replica-last">
            {last === null
              ? t('copies.never')
              : t('copies.lastCopyLine', { ago: formatRelative(last.pushedAt, now, locale, relativeWords(t)) ?? last.pushedAt, at: formatInstant(last.pushedAt, locale), number: last.number })}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('copies.waitingLabel')}</dt>
          <dd data-testid="replica-waiting">
            {replica.pendingItems === 0
              ? t('copies.nothingWaiting')
              : t('copies.waiting', { count: replica.pendingItems, formatted: formatCount(replica.pendingItems, locale), objects: formatCount(replica.pendingObjects, locale) })}
          </dd>
        </div>
      </dl>
      <div className="button-row">
        <button type="button" className="button" onClick={onPush} disabled={readOnly || checking}>
          {t('copies.copyNow')}
        </button>
        <button type="button" className="button" onClick={() => onCheck()} disabled={pushing || checking}>
          {t('copies.checkNow')}
        </button>
        <button type="button" className="button" onClick={() => onCheck(SAMPLE)} disabled={pushing || checking}>
          {t('copies.checkSample', { count: SAMPLE })}
        </button>
        <button type="button" className="button" onClick={() => setConfirming(true)} disabled={readOnly || pushing || checking}>
          {t('copies.remove')}
        </button>
      </div>
      {confirming && (
        <div className="notice" role="alertdialog" aria-label={t('copies.removeTitle', { name: replica.name })}>
          <div>
            <p className="notice-text">{t('copies.removeConfirm', { name: replica.name, where: replica.description })}</p>
            <div className="button-row">
              <button type="button" className="button button-primary" onClick={() => (setConfirming(false), onRemove())}>
                {t('copies.removeYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)} autoFocus>
                {t('copies.removeNo')}
              </button>
            </div>
          </div>
        </div>
      )}
      {removeError !== null && <ErrorNotice error={removeError} />}
      {checking && (
        <p role="status" data-testid="replica-checking">
          {check.progress === null || check.progress.objectsTotal === 0
            ? t('copies.checking')
            : t('copies.checkingProgress', { done: formatCount(check.progress.objectsDone, locale), total: formatCount(check.progress.objectsTotal, locale) })}
        </p>
      )}
      {check?.phase === 'done' && <CheckReport report={check.report} name={replica.name} />}
      {check?.phase === 'failed' && <ErrorNotice error={check.error} />}
    </li>
  );
}
