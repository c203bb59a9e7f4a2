/** What is selected, and what can be done with it. */
import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export function SelectionBar({ count, onClear, children }: { readonly count: number; readonly onClear: () => void; readonly children?: ReactNode }): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="region" aria-label={t('library.selection')}>
      <span role="status">{t('library.selected', { count, formatted: formatCount(count, locale) })}</span>
      {children}
      <button type="button" className="button button-small" onClick={onClear}>
        {t('library.clearSelection')}
      </button>
    </div>
  );
}
