/** The import panel beside the library: progress while an import runs, then its summary. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { ImportProgressView } from './ImportProgressView';
import { ImportSummaryView } from './ImportSummaryView';
import type { ImportState } from './useImport';

export interface ImportPanelProps {
  readonly state: ImportState;
  readonly onCancel: () => void;
  readonly onClose: () => void;
}

export function ImportPanel({ state, onCancel, onClose }: ImportPanelProps): JSX.Element | null {
  const { t } = useTranslation();
  if (state.phase === 'idle') return null;
  return (
    <section className="panel import-panel" aria-label={t('import.panel')}>
      {state.phase === 'running' && <ImportProgressView progress={state.progress} samples={state.samples} cancelling={state.cancelling} onCancel={onCancel} />}
      {state.phase === 'done' && <ImportSummaryView summary={state.summary} onClose={onClose} />}
      {state.phase === 'failed' && (
        <>
          <ErrorNotice error={state.error} />
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </>
      )}
    </section>
  );
}
