/** The window's own words for "now", "2 hours ago", "in 5 minutes", for an Intl without the language's (format/relative-time.ts). */
import type { TFunction } from 'i18next';
import type { RelativeWords } from '../../format/relative-time';

export function relativeWords(t: TFunction): RelativeWords {
  return (value, unit) => {
    if (value === 0) return t('relative.now');
    const count = Math.abs(value);
    const key = `relative.${value < 0 ? 'ago' : 'in'}.${unit.replace(/s$/, '')}`;
    return t(key as 'relative.now', { count });
  };
}
