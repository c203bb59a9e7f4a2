/**
 * The search bar: the query language typed freely (applied on Enter, or when typing
 * pauses), its terms as removable chips, the sort order, and the query as the engine
 * understood it, with any notes on what it read differently.
 */
import { forwardRef, useEffect, useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../ui/icons';
import { queryTerms, withoutTerm } from './query-terms';
import { SORT_CHOICES, isSortChoice, type SortChoice } from './sort-options';

export interface SearchBarProps {
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly sort: SortChoice;
  readonly onSort: (sort: SortChoice) => void;
}

const SORT_KEYS = {
  'captured-desc': 'search.sort.capturedDesc',
  'captured-asc': 'search.sort.capturedAsc',
  'imported-desc': 'search.sort.importedDesc',
  'imported-asc': 'search.sort.importedAsc',
  relevance: 'search.sort.relevance',
} as const;

export const SearchBar = forwardRef<HTMLInputElement, SearchBarProps>(function SearchBar({ query, onQuery, sort, onSort }, ref): JSX.Element {
  const { t } = useTranslation();
  const [text, setText] = useState(query);
  const inputId = useId();
  const sortId = useId();
  useEffect(() => setText(query), [query]);
  useEffect(() => {
    if (text === query) return;
    const timer = setTimeout(() => onQuery(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text, query, onQuery]);

  return (
    <div className="search" role="search">
      <div className="search-row">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          ref={ref}
          id={inputId}
          type="search"
          className="search-input"
          value={text}
          placeholder={t('search.placeholder')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && onQuery(text.trim())}
          spellCheck={false}
          autoComplete="off"
          aria-keyshortcuts="Control+F"
        />
        <label htmlFor={sortId} className="visually-hidden">
          {t('search.sortLabel')}
        </label>
        <select id={sortId} value={sort} onChange={(e) => isSortChoice(e.target.value) && onSort(e.target.value)}>
          {SORT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(SORT_KEYS[choice])}
            </option>
          ))}
        </select>
      </div>
      {query !== '' && (
        <ul className="chips search-chips" aria-label={t('search.terms')}>
          {queryTerms(query).map((term, index) => (
            <li key={`${index}-${term}`} className="chip chip-removable">
              <span translate="no">{term}</span>
              <button type="button" className="chip-remove" aria-label={t('search.removeTerm', { term })} onClick={() => onQuery(withoutTerm(query, index))}>
                <Icon name="cross" size={12} />
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="button button-small" onClick={() => onQuery('')}>
              {t('search.clear')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
});
