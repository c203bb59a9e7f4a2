/** Every time this content came into the vault: from where, when, and the file's own times. */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import type { Acquisition } from '../../../../shared/items';
import { formatInstant } from '../../format/dates';

export function Acquisitions({ acquisitions }: { readonly acquisitions: readonly Acquisition[] }): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className="acquisitions">
      {acquisitions.map((a, index) => (
        <li key={`${a.acquiredAt}-${index}`}>
          <code className="path">{a.sourcePath}</code>
          <span>{t('detail.acquiredAt', { date: formatInstant(a.acquiredAt, locale) })}</span>
          <span className="field-hint">
            {t('detail.fileModified', { date: a.fileModified === null ? t('detail.unknown') : formatInstant(a.fileModified, locale) })}
          </span>
        </li>
      ))}
    </ol>
  );
}
