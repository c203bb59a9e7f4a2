/** What the last bulk action did, said once: how many items changed, and how many already were so; while a select-all is tagged, how far it is. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';
import type { SelectionProgress } from '../../../../shared/organise';
import type { BulkOutcome } from '../organise/useBulkActions';

export function BulkOutcomeNote({ outcome, progress, onDismiss }: { readonly outcome: BulkOutcome; readonly progress?: SelectionProgress | null; readonly onDismiss: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  if (progress) {
    return (
      <div className="bulk-outcome" role="status">
        <progress max={progress.total} value={progress.done} aria-label={t('organise.tagging', { done: progress.done, total: progress.total })} />
        <span>{t('organise.tagging', { done: progress.done, total: progress.total })}</span>
      </div>
    );
  }
  if (outcome === null) return null;
  return (
    <div className="bulk-outcome" role="status">
      {outcome.kind === 'done' ? (
        <StatusBadge tone="safe" label={t('organise.outcome', { changed: outcome.result.changed, unchanged: outcome.result.unchanged })} />
      ) : (
        <ErrorNotice error={outcome.error} />
      )}
      <button type="button" className="button button-small" onClick={onDismiss}>
        {t('common.close')}
      </button>
    </div>
  );
}
