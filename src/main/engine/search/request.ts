/**
 * Checks a SearchRequest as it arrives (from IPC, the CLI or a test) and fills in the
 * defaults, so that the rest of the search code handles only well-formed requests.
 */
import { TamgaError } from '../../../shared/errors';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, type SearchRequest, type SearchSort, type SortOrder } from '../../../shared/search';

export interface CheckedRequest {
  readonly query: string;
  readonly sort: SearchSort;
  readonly order: SortOrder;
  readonly limit: number;
  readonly cursor: string | null;
  readonly offset: number;
  readonly facets: boolean;
}

const SORTS: readonly SearchSort[] = ['captured', 'imported', 'relevance'];
const ORDERS: readonly SortOrder[] = ['asc', 'desc'];

function invalid(message: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', message);
}

export function checkRequest(request: SearchRequest): CheckedRequest {
  if (typeof request !== 'object' || request === null) throw invalid('A search needs a request object with a query.');
  const { query, sort = 'captured', order = 'desc', limit = SEARCH_DEFAULT_LIMIT, cursor, offset = 0, facets } = request;
  if (typeof query !== 'string') throw invalid('The search query must be a string ("" lists everything).');
  if (!SORTS.includes(sort)) throw invalid(`sort must be one of ${SORTS.join(', ')}.`);
  if (!ORDERS.includes(order)) throw invalid('order must be asc or desc.');
  if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_MAX_LIMIT) throw invalid(`limit must be a whole number from 1 to ${SEARCH_MAX_LIMIT}.`);
  if (cursor !== undefined && cursor !== null && typeof cursor !== 'string') throw invalid('cursor must be the nextCursor string of a previous page.');
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalid('offset must be a whole number, 0 or more.');
  if (facets !== undefined && typeof facets !== 'boolean') throw invalid('facets must be true or false.');
  const pageCursor = typeof cursor === 'string' && cursor !== '' ? cursor : null;
  if (pageCursor !== null && offset > 0) throw invalid('Give a cursor or an offset, not both.');
  return { query, sort, order, limit, cursor: pageCursor, offset, facets: facets ?? (pageCursor === null && offset === 0) };
}
