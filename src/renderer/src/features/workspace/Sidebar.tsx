/**
 * The places of the workspace (the library, verify, settings), then the vault's cases and
 * tags with their item counts: choosing one searches for it. The current place is marked
 * for screen readers (aria-current).
 */
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/organise';
import type { FacetCount } from '../../../../shared/search';
import { Icon, type IconName } from '../../ui/icons';
import { filterTerm } from '../search/query-terms';

export type Route = 'library' | 'verify' | 'settings';

const PLACES: ReadonlyArray<{ route: Route; icon: IconName; key: 'nav.library' | 'nav.verify' | 'nav.settings' }> = [
  { route: 'library', icon: 'grid', key: 'nav.library' },
  { route: 'verify', icon: 'check', key: 'nav.verify' },
  { route: 'settings', icon: 'settings', key: 'nav.settings' },
];

export interface SidebarProps {
  readonly route: Route;
  readonly query: string;
  readonly onNavigate: (route: Route) => void;
  readonly onSearch: (query: string) => void;
  readonly cases: readonly CaseSummary[];
  readonly tags: readonly FacetCount[];
}

const MAX_TAGS = 30;

export function Sidebar({ route, query, onNavigate, onSearch, cases, tags }: SidebarProps): JSX.Element {
  const { t } = useTranslation();
  const link = (label: string, count: number, term: string): JSX.Element => (
    <li key={term}>
      <button type="button" className="nav-item nav-sub" aria-current={route === 'library' && query === term ? 'page' : undefined} onClick={() => onSearch(term)}>
        <span className="nav-label">{label}</span>
        <span className="nav-count">{count}</span>
      </button>
    </li>
  );
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {PLACES.map((place) => (
          <li key={place.route}>
            <button
              type="button"
              className="nav-item"
              aria-current={route === place.route && (place.route !== 'library' || query === '') ? 'page' : undefined}
              onClick={() => (place.route === 'library' ? onSearch('') : onNavigate(place.route))}
            >
              <Icon name={place.icon} />
              <span>{t(place.key)}</span>
            </button>
          </li>
        ))}
      </ul>
      <h2 className="nav-heading">{t('organise.cases')}</h2>
      {cases.length === 0 ? <p className="field-hint nav-empty">{t('organise.noCasesYet')}</p> : <ul>{cases.map((c) => link(c.name, c.itemCount, filterTerm('case', c.name)))}</ul>}
      <h2 className="nav-heading">{t('detail.tags')}</h2>
      {tags.length === 0 ? <p className="field-hint nav-empty">{t('organise.noTagsYet')}</p> : <ul>{tags.slice(0, MAX_TAGS).map((tag) => link(tag.value, tag.count, filterTerm('tag', tag.value)))}</ul>}
    </nav>
  );
}
