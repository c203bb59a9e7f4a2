/**
 * The export's last step before anything is written: what leaves the vault in plaintext.
 * The originals unencrypted (anyone holding the bundle can open them), how many carry a GPS
 * position, which texts people wrote go with them, where the files were copied from and
 * the custody records, and what never leaves (notes, private descriptions). Counted by the
 * engine from what the export would write (previewExport), with the exhibits in the order
 * they will be numbered: exactly what will be sealed.
 */
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '../../../../shared/bundle';
import type { TamgaError } from '../../../../shared/errors';
import { asTamgaError, tamga } from '../../api';
import { formatBytes, formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusBadge } from '../../ui/StatusBadge';

export function useExportPreview(items: readonly string[] | null): { preview: ExportPreview | null; error: TamgaError | null } {
  const [state, setState] = useState<{ preview: ExportPreview | null; error: TamgaError | null }>({ preview: null, error: null });
  const key = items?.join(',') ?? null;
  useEffect(() => {
    setState({ preview: null, error: null });
    if (key === null) return;
    let current = true;
    tamga.previewExport({ kind: 'items', items: key.split(',') }).then(
      (preview) => current && setState({ preview, error: null }),
      (error: unknown) => current && setState({ preview: null, error: asTamgaError(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}

export function ExportSummary({ preview, error, format }: { readonly preview: ExportPreview | null; readonly error: TamgaError | null; readonly format: 'zip' | 'directory' }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  if (error !== null) return <ErrorNotice error={error} />;
  if (preview === null) return <p className="field-hint">{t('exportSummary.counting')}</p>;
  const n = (value: number): string => formatCount(value, locale);
  const total = preview.exhibits.length;
  return (
    <div className="export-summary" data-testid="export-summary">
      <h3>
        <StatusBadge tone="warning" icon="unlock" label={t('exportSummary.title')} />
      </h3>
      <ul className="plaintext-list" aria-label={t('exportSummary.title')}>
        <li data-fact="originals">{t(format === 'zip' ? 'exportSummary.originalsZip' : 'exportSummary.originals', { count: total, formatted: n(total), size: formatBytes(preview.bytes, locale) })}</li>
        <li data-fact="gps">{preview.withGps === 0 ? t('exportSummary.noGps') : t('exportSummary.gps', { count: preview.withGps, formatted: n(preview.withGps), total: n(total) })}</li>
        <li data-fact="texts">
          {t('exportSummary.texts', { titles: n(preview.withTitle), descriptions: n(preview.withDescription), places: n(preview.withPlace), tags: n(preview.withTags) })}
        </li>
        <li data-fact="sources">{t('exportSummary.sources', { count: preview.acquisitions, formatted: n(preview.acquisitions) })}</li>
        <li data-fact="private">{t('exportSummary.never', { notes: n(preview.withNotes), descriptions: n(preview.privateDescriptions) })}</li>
        <li data-fact="seal">{t('exportSummary.seal')}</li>
      </ul>
      <h3>{t('exportSummary.exhibits', { count: total, formatted: n(total) })}</h3>
      <ol className="file-list" aria-label={t('exportSummary.exhibits', { count: total, formatted: n(total) })} data-testid="export-summary-exhibits">
        {preview.exhibits.map((exhibit, i) => (
          <li key={exhibit.itemId}>
            <span className="exhibit-number">E{String(i + 1).padStart(4, '0')}</span> <code className="path">{exhibit.name}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}
