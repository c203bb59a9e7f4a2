/** What is selected (and how much of it the search does not show), and what can be done with it. */
import type { JSX, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export interface SelectionBarProps {
  readonly count: number;
  /** Selected items outside the current results (null while not known). */
  readonly outside: number | null;
  readonly onClear: () => void;
  readonly children?: ReactNode;
}

export function SelectionBar({ count, outside, onClear, children }: SelectionBarProps): JSX.Element | null {
  const { t } = useTranslation();
  const locale = useLocale();
  if (count === 0) return null;
  return (
    <div className="selection-bar" role="region" aria-label={t('library.selection')}>
      <span role="status" data-testid="selection-count">
        {outside === null || outside === 0
          ? t('library.selected', { count, formatted: formatCount(count, locale) })
          : t('library.selectedOutside', { count, formatted: formatCount(count, locale), outside: formatCount(outside, locale) })}
      </span>
      {children}
      <button type="button" className="button button-small" onClick={onClear}>
        {t('library.clearSelection')}
      </button>
    </div>
  );
}
