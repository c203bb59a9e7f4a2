/**
 * Above the grid: how many items match, the query as the engine understood it, its notes,
 * and the type facets of the result as filters to add.
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineSentence } from '../../ui/EngineSentence';
import type { SearchFacets } from '../../../../shared/search';
import { formatCount } from '../../format/numbers';
import { useLocale } from '../../i18n/useLocale';

export interface SearchSummaryProps {
  readonly query: string;
  readonly total: number;
  readonly understood: string;
  readonly notes: readonly string[];
  readonly facets: SearchFacets | null;
  readonly onFilter: (field: string, value: string) => void;
}

const TYPE_KEYS = { photo: 'search.types.photo', video: 'search.types.video', other: 'search.types.other' } as const;

export function SearchSummary({ query, total, understood, notes, facets, onFilter }: SearchSummaryProps): JSX.Element {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="search-summary">
      <span role="status">{query === '' ? t('search.all', { count: total, formatted: formatCount(total, locale) }) : t('search.matches', { count: total, formatted: formatCount(total, locale) })}</span>
      {query !== '' && (
        <span className="field-hint">
          {t('search.understood')} <code>{understood === '' ? query : understood}</code>
        </span>
      )}
      {(facets?.types ?? []).length > 1 &&
        facets?.types.map((facet) => (
          <button key={facet.value} type="button" className="button button-small" onClick={() => onFilter('type', facet.value)}>
            {t(TYPE_KEYS[facet.value as keyof typeof TYPE_KEYS] ?? 'search.types.other')} ({formatCount(facet.count, locale)})
          </button>
        ))}
      {notes.map((note) => (
        <span key={note} className="note note-warning">
          <EngineSentence text={note} group="searchNote" />
        </span>
      ))}
    </div>
  );
}
