/**
 * How an import ended: what came in (new items, duplicates that became acquisitions),
 * every file skipped or failed and why, and the metadata warnings, by file. Paths and
 * warnings come from evidence and the engine: text only.
 */
import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { ImportSummary } from '../../../../shared/import';
import { isErrorCode } from '../../../../shared/errors';
import { formatBytes } from '../../format/numbers';
import { EngineSentence } from '../../ui/EngineSentence';
import { StatusBadge } from '../../ui/StatusBadge';

export function ImportSummaryView({ summary, onClose }: { readonly summary: ImportSummary; readonly onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  const { counts } = summary;
  const troubled = counts.failed > 0 || counts.skipped > 0;
  const warned = summary.imported.filter((file) => file.warnings.length > 0);
  // The summary opens at its headline: focus goes to the heading, not to Close at the
  // bottom, whose focus scrolled a long summary past what the import came to.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="import-summary">
      <h2 className="panel-title" ref={heading} tabIndex={-1}>
        {summary.stopped !== null ? (
          <StatusBadge tone="failed" label={t('import.stopped')} />
        ) : (
          <StatusBadge tone={summary.cancelled ? 'warning' : troubled ? 'warning' : 'safe'} label={summary.cancelled ? t('import.cancelled') : t('import.finished')} />
        )}
      </h2>
      {summary.stopped !== null && (
        <p className="note note-warning" role="alert">
          {isErrorCode(summary.stopped.code) ? t(`errors.${summary.stopped.code}`) : summary.stopped.message} {t('import.notImported', { count: summary.notImported.length })}
        </p>
      )}
      {summary.stopped === null && summary.cancelled && summary.notImported.length > 0 && <p className="note note-warning">{t('import.notImported', { count: summary.notImported.length })}</p>}
      <ul className="summary-counts" aria-label={t('import.summary')}>
        <li>{t('import.newItems', { count: counts.newItems })}</li>
        <li>{t('import.duplicates', { count: counts.duplicates })}</li>
        <li>{t('import.skipped', { count: counts.skipped })}</li>
        <li>{t('import.failed', { count: counts.failed })}</li>
        <li>{t('import.withWarnings', { count: counts.withWarnings })}</li>
        <li>{t('import.bytesStored', { size: formatBytes(counts.bytes, locale) })}</li>
      </ul>
      {summary.skipped.filter((s) => s.reason !== 'os-junk').length > 0 && (
        <section aria-label={t('import.skippedFiles')}>
          <h3>{t('import.skippedFiles')}</h3>
          <ul className="file-list">
            {summary.skipped
              .filter((s) => s.reason !== 'os-junk')
              .map((s) => (
                <li key={s.path}>
                  <code className="path">{s.path}</code> — {t(`import.skipReasons.${s.reason}`)}
                </li>
              ))}
          </ul>
        </section>
      )}
      {counts.junk > 0 && <p className="field-hint">{t('import.junk', { count: counts.junk })}</p>}
      {summary.notImported.length > 0 && (
        // Which files to import again after a cancel or a stop: the count alone left people guessing.
        <section aria-label={t('import.notImportedFiles', { count: summary.notImported.length })}>
          <h3>{t('import.notImportedFiles', { count: summary.notImported.length })}</h3>
          <ul className="file-list">
            {summary.notImported.map((path) => (
              <li key={path}>
                <code className="path">{path}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.failed.length > 0 && (
        <section aria-label={t('import.failedFiles')}>
          <h3>{t('import.failedFiles')}</h3>
          <ul className="file-list">
            {summary.failed.map((f) => (
              <li key={f.path}>
                <code className="path">{f.path}</code> — {isErrorCode(f.code) ? t(`errors.${f.code}`) : f.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {warned.length > 0 && (
        <section aria-label={t('import.warnings')}>
          <h3>{t('import.warnings')}</h3>
          <p className="field-hint">{t('import.warningsHint')}</p>
          <ul className="file-list">
            {warned.map((file) => (
              <li key={file.path}>
                <code className="path">{file.path}</code>
                <ul>
                  {file.warnings.map((warning) => (
                    <li key={warning}>
                      <EngineSentence text={warning} group="metadataProblem" />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
      <button type="button" className="button button-primary" onClick={onClose}>
        {t('common.close')}
      </button>
    </div>
  );
}
