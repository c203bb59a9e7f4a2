/**
 * A search query as an exhibit selection: every matching item, page after page, oldest
 * capture first (a court reads evidence in the order it happened; the search's own default
 * is newest first), then the items whose files state no capture time, in the search's order
 * (they sort first in the index, and a file time must not pass for the earliest evidence).
 * Stops past MAX_EXHIBITS, which the selection then refuses.
 */
import { MAX_EXHIBITS } from '../../../../shared/bundle';
import { SEARCH_MAX_LIMIT } from '../../../../shared/search';
import type { IndexDb } from '../../db/open-index';
import { searchItems } from '../../search';
import type { QueryItems } from './selection';

export function queryItems(db: IndexDb): QueryItems {
  return async (query) => {
    const dated: string[] = [];
    const undated: string[] = [];
    let cursor: string | null = null;
    do {
      const page = searchItems(db, { query, sort: 'captured', order: 'asc', limit: SEARCH_MAX_LIMIT, facets: false, ...(cursor === null ? {} : { cursor }) });
      for (const item of page.items) (item.capturedLocal === null && item.capturedUtc === null ? undated : dated).push(item.id);
      cursor = page.nextCursor;
    } while (cursor !== null && dated.length + undated.length <= MAX_EXHIBITS);
    return [...dated, ...undated];
  };
}
