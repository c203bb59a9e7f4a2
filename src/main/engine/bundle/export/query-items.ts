/**
 * A search query as an exhibit selection: every matching item, page after page, oldest
 * capture first (a court reads evidence in the order it happened; the search's own default
 * is newest first). Stops past MAX_EXHIBITS, which the selection then refuses.
 */
import { MAX_EXHIBITS } from '../../../../shared/bundle';
import { SEARCH_MAX_LIMIT } from '../../../../shared/search';
import type { IndexDb } from '../../db/open-index';
import { searchItems } from '../../search';
import type { QueryItems } from './selection';

export function queryItems(db: IndexDb): QueryItems {
  return async (query) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = searchItems(db, { query, sort: 'captured', order: 'asc', limit: SEARCH_MAX_LIMIT, facets: false, ...(cursor === null ? {} : { cursor }) });
      for (const item of page.items) ids.push(item.id);
      cursor = page.nextCursor;
    } while (cursor !== null && ids.length <= MAX_EXHIBITS);
    return ids;
  };
}
