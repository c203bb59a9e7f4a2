/**
 * The library's items as pages of a search: the first page with the total, the facets
 * and the query as understood, then further pages as the grid scrolls to them
 * (`ensure(index)`). When `version` changes (an import, a tag) the pages loaded so far
 * are read again and swapped in at once, so the grid does not jump. An answer to an
 * older query is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import { SEARCH_MAX_LIMIT, type SearchFacets, type SearchItem, type SearchResult } from '../../../../shared/search';
import { asTamgaError, tamga } from '../../api';
import { sortOf, type SortChoice } from './sort-options';

export interface SearchState {
  readonly items: readonly SearchItem[];
  readonly total: number;
  readonly understood: string;
  readonly notes: readonly string[];
  readonly facets: SearchFacets | null;
  readonly loaded: boolean;
  readonly error: TamgaError | null;
}

const EMPTY: SearchState = { items: [], total: 0, understood: '', notes: [], facets: null, loaded: false, error: null };

export function useSearch(query: string, sortChoice: SortChoice, version: number) {
  const [state, setState] = useState<SearchState>(EMPTY);
  const cursor = useRef<string | null>(null);
  const generation = useRef(0);
  const busy = useRef(false);
  const loadedCount = useRef(0);
  /** The furthest index the grid asked for: pages keep loading until it is there. */
  const wanted = useRef(0);
  const key = `${query}\u0000${sortChoice}`;
  const lastKey = useRef(key);

  const page = useCallback(
    (after: string | null): Promise<SearchResult> => tamga.searchItems({ query, ...sortOf(sortChoice), limit: SEARCH_MAX_LIMIT, ...(after === null ? { facets: true } : { cursor: after }) }),
    [query, sortChoice],
  );

  useEffect(() => {
    const mine = ++generation.current;
    // The same query read again keeps as many items as were loaded; a new query starts over.
    const keep = lastKey.current === key ? loadedCount.current : 0;
    lastKey.current = key;
    busy.current = true;
    void (async () => {
      try {
        const first = await page(null);
        let items = [...first.items];
        let next = first.nextCursor;
        while (next !== null && items.length < keep && generation.current === mine) {
          const more = await page(next);
          items = items.concat(more.items);
          next = more.nextCursor;
        }
        if (generation.current !== mine) return;
        cursor.current = next;
        loadedCount.current = items.length;
        setState({ items, total: first.total, understood: first.understood, notes: first.notes, facets: first.facets, loaded: true, error: null });
      } catch (error) {
        if (generation.current === mine) setState({ ...EMPTY, loaded: true, error: asTamgaError(error) });
      } finally {
        if (generation.current === mine) busy.current = false;
      }
    })();
  }, [key, version, page]);

  /**
   * Loads pages until item `index` is there (or there are no more). Cheap to call on every
   * scroll step: it only notes the index when a page is already on its way.
   */
  const ensure = useCallback(
    (index: number) => {
      wanted.current = index;
      if (busy.current || cursor.current === null || index < loadedCount.current) return;
      const mine = generation.current;
      busy.current = true;
      void page(cursor.current)
        .then((more) => {
          if (generation.current !== mine) return;
          cursor.current = more.nextCursor;
          loadedCount.current += more.items.length;
          setState((s) => ({ ...s, items: s.items.concat(more.items) }));
        })
        .catch(() => undefined)
        .finally(() => {
          if (generation.current !== mine) return;
          busy.current = false;
          if (wanted.current >= loadedCount.current) ensure(wanted.current);
        });
    },
    [page],
  );

  return { ...state, ensure };
}
