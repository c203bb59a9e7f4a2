/** Steps 4 and 5: the export's progress, then the bundle written and its own verification. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { VerifyReportView } from '../verify/VerifyReportView';
import type { ExportState } from './useExport';

export function ExportRunning({ state, onCancel }: { readonly state: ExportState; readonly onCancel: () => void }): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  switch (state.phase) {
    case 'idle':
      return null;
    case 'exporting': {
      const p = state.progress;
      return (
        <div>
          <label className="progress-label">
            <span role="status">
              {p === null ? t('export.preparing') : t('export.progress', { done: p.exhibitsDone, total: p.exhibitsTotal, bytes: formatBytes(p.bytesDone, locale), totalBytes: formatBytes(p.bytesTotal, locale) })}
            </span>
            <progress max={Math.max(1, p?.bytesTotal ?? 1)} value={p?.bytesDone ?? 0} aria-label={t('export.progressLabel')} />
          </label>
          <button type="button" className="button" onClick={onCancel}>
            {t('export.cancel')}
          </button>
        </div>
      );
    }
    case 'verifying':
      return <p role="status">{t('export.verifying', { path: state.result.outPath })}</p>;
    case 'done':
      return (
        <div>
          <p>{t('export.written', { path: state.result.outPath, count: state.result.exhibits.length })}</p>
          {!state.result.recorded && <p className="note note-warning">{t('export.notRecorded')}</p>}
          <VerifyReportView report={state.report} />
        </div>
      );
    case 'failed':
      return <ErrorNotice error={state.error} />;
  }
}
