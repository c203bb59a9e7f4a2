/**
 * The status bar: always says that the vault is unlocked, which vault, who is at the
 * keyboard (the operator, as they stated it), how many items, its key fingerprint, the
 * auto-lock time, any running import with its progress, (quietly, when there are
 * any) the seals waiting for a timestamp, and the vault's last copy.
 */
import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CODE_MARK, SentenceWithCode } from '../../ui/SentenceWithCode';
import { useLocale } from '../../i18n/useLocale';
import type { VaultInfo } from '../../../../shared/api';
import type { VaultSettings } from '../../../../shared/session';
import { formatCount } from '../../format/numbers';
import { operatorText } from '../../../../shared/operator';
import { CopyButton } from '../../ui/CopyButton';
import { StatusBadge } from '../../ui/StatusBadge';
import type { ImportState } from '../import/useImport';

export interface StatusBarProps {
  readonly info: VaultInfo;
  readonly settings: VaultSettings;
  readonly importState: ImportState;
  /** How many items have an unsaved description (kept until the vault locks). */
  readonly drafts?: number;
  /** "Locks when the import finishes", after Finish first (features/lock), or nothing. */
  readonly lockAfterWork?: ReactNode;
  /** The trusted-time line (features/timestamps/TimestampLine), or nothing. */
  readonly timestamps?: ReactNode;
  /** The copy line (features/copies/CopyLine), or nothing. */
  readonly copies?: ReactNode;
}

function folderName(path: string): string {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? path;
}

export function StatusBar({ info, settings, importState, drafts = 0, lockAfterWork, timestamps, copies }: StatusBarProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = importState.phase === 'running' ? importState.progress : null;
  const fingerprint = info.keyFingerprint;
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-item" title={info.path}>
        {t('status.vault', { name: folderName(info.path) })}
      </span>
      <StatusBadge tone="safe" icon="unlock" label={t('status.unlocked')} />
      {info.readOnly && (
        <span className="status-item" data-testid="status-read-only" title={t('status.readOnlyTitle')}>
          <StatusBadge tone="warning" icon="lock" label={t('status.readOnly')} />
        </span>
      )}
      <span
        className="status-item status-operator"
        data-testid="status-operator"
        title={info.operator === null ? t('operator.none') : t('operator.statusTitle', { operator: operatorText(info.operator) })}
      >
        {info.operator === null ? t('operator.statusNone') : t('operator.status', { name: info.operator.name })}
      </span>
      <span className="status-item" data-testid="item-count">
        {t('status.items', { count: info.itemCount, formatted: formatCount(info.itemCount, locale) })}
      </span>
      <span className="status-item">
        <SentenceWithCode sentence={t('status.key', { short: CODE_MARK })} code={`${fingerprint.slice(0, 4)}…${fingerprint.slice(-4)}`} />
        <CopyButton value={fingerprint} label={t('vault.copyFingerprint')} />
      </span>
      <span className="status-item">{t('status.autoLock', { count: settings.autoLockMinutes })}</span>
      {drafts > 0 && (
        <span className="status-item" data-testid="status-drafts">
          <StatusBadge tone="warning" label={t('drafts.status', { count: drafts })} />
        </span>
      )}
      {lockAfterWork}
      {timestamps}
      {copies}
      <span className="status-item" role="status" aria-live="polite">
        {importState.phase === 'running' &&
          (progress === null || progress.phase === 'scanning'
            ? t('import.scanning')
            : t('status.importing', { done: progress.filesDone, total: progress.filesTotal, percent: Math.floor((100 * progress.bytesDone) / Math.max(1, progress.bytesTotal)) }))}
      </span>
    </footer>
  );
}
