/**
 * The library's items as the pages of a search (result-pages.ts): the first page with the
 * total, the facets and the query as understood, then the pages the grid scrolls to
 * (`show(from, to)`) and those a selection needs (`items(from, to)`). When `version`
 * changes (an import, a tag) the first page and the pages on screen are read again and
 * swapped in at once, so the grid does not jump; pages further away are read again when
 * they are shown. An answer to an older query is dropped.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { SearchFacets, SearchItem, SearchResult } from '../../../../shared/search';
import { asTamgaError, tamga } from '../../api';
import { itemIn, PAGE_SIZE, ResultPages, type PageAt, type Pages } from './result-pages';
import { sortOf, type SortChoice } from './sort-options';

export interface SearchState {
  readonly pages: Pages;
  readonly total: number;
  readonly understood: string;
  readonly notes: readonly string[];
  readonly facets: SearchFacets | null;
  readonly loaded: boolean;
  readonly error: TamgaError | null;
}

const EMPTY: SearchState = { pages: new Map(), total: 0, understood: '', notes: [], facets: null, loaded: false, error: null };

export function useSearch(query: string, sortChoice: SortChoice, version: number) {
  const [state, setState] = useState<SearchState>(EMPTY);
  const loader = useRef<ResultPages | null>(null);
  const generation = useRef(0);
  /** The range the grid last showed, handed to each new reading of the search. */
  const shown = useRef<readonly [number, number]>([0, 0]);
  const key = `${query}\u0000${sortChoice}`;
  const lastKey = useRef(key);

  const fetchPage = useCallback(
    (at: PageAt, facets = false): Promise<SearchResult> => tamga.searchItems({ query, ...sortOf(sortChoice), limit: PAGE_SIZE, facets, ...at }),
    [query, sortChoice],
  );

  useEffect(() => {
    const mine = ++generation.current;
    // The same search read again keeps the pages on screen; a new one starts at the top.
    const again = lastKey.current === key ? (loader.current?.visiblePages() ?? []) : [];
    if (lastKey.current !== key) shown.current = [0, 0];
    lastKey.current = key;
    void (async () => {
      try {
        const first = await fetchPage({ offset: 0 }, true);
        const pages = new Map<number, readonly SearchItem[]>([[0, first.items]]);
        for (const page of again) {
          if (page === 0 || page * PAGE_SIZE >= first.total || generation.current !== mine) continue;
          pages.set(page, (await fetchPage({ offset: page * PAGE_SIZE })).items);
        }
        if (generation.current !== mine) return;
        loader.current?.stop();
        const next = new ResultPages(fetchPage, first.total, pages, (changed) => {
          if (generation.current === mine) setState((s) => ({ ...s, pages: changed }));
        });
        loader.current = next;
        setState({ pages: next.snapshot(), total: first.total, understood: first.understood, notes: first.notes, facets: first.facets, loaded: true, error: null });
        next.show(...shown.current);
      } catch (error) {
        if (generation.current === mine) setState({ ...EMPTY, loaded: true, error: asTamgaError(error) });
      }
    })();
  }, [key, version, fetchPage]);

  useEffect(() => () => loader.current?.stop(), []);

  const show = useCallback((from: number, to: number) => {
    shown.current = [from, to];
    loader.current?.show(from, to);
  }, []);
  const items = useCallback((from: number, to: number): Promise<SearchItem[] | null> => loader.current?.items(from, to) ?? Promise.resolve(null), []);
  const { pages } = state;
  const itemAt = useCallback((index: number) => itemIn(pages, index), [pages]);

  return useMemo(() => ({ ...state, itemAt, show, items }), [state, itemAt, show, items]);
}
