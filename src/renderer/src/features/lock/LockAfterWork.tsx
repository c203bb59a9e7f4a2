/** In the status bar after "Finish first": the vault will lock when the work ends, with Lock now and Cancel. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunningWork } from './LockDialog';

export function LockAfterWork({ work, onLockNow, onCancel }: { readonly work: RunningWork; readonly onLockNow: () => void; readonly onCancel: () => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <span className="status-item" data-testid="lock-after-work">
      {work?.kind === 'export' ? t('lockAsk.locksAfterExport') : t('lockAsk.locksAfterImport')}
      <button type="button" className="button button-small" onClick={onLockNow}>
        {t('lockAsk.stopNow')}
      </button>
      <button type="button" className="button button-small" onClick={onCancel}>
        {t('lockAsk.stayUnlocked')}
      </button>
    </span>
  );
}
