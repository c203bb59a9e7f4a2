/**
 * Page cursors: opaque to callers, a keyset position inside (the last item's sort key
 * and doc number) so that the next page starts exactly after it even while items are added. A
 * cursor names the query and sort it came from; handed to another search it is refused
 * rather than silently skipping to a wrong place.
 */
import { createHash } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import type { SearchSort, SortOrder } from '../../../shared/search';

/** Where the previous page ended: the sort key (a time, or a relevance score) and the item's doc number. */
export interface KeysetPosition {
  readonly key: string | number;
  readonly doc: number;
}

interface CursorPayload {
  readonly v: 1;
  readonly q: string;
  readonly k: string | number;
  readonly d: number;
}

function fingerprint(query: string, sort: SearchSort, order: SortOrder): string {
  return createHash('sha256').update(JSON.stringify([query, sort, order])).digest('base64url').slice(0, 16);
}

export function encodeCursor(query: string, sort: SearchSort, order: SortOrder, position: KeysetPosition): string {
  const payload: CursorPayload = { v: 1, q: fingerprint(query, sort, order), k: position.key, d: position.doc };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const NOT_OURS = 'The page cursor is not one this search gave out; start again from the first page.';

export function decodeCursor(cursor: string, query: string, sort: SearchSort, order: SortOrder): KeysetPosition {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new TamgaError('INVALID_ARGUMENT', NOT_OURS);
  }
  const p = payload as Partial<CursorPayload> | null;
  const keyOk = typeof p?.k === 'string' || (typeof p?.k === 'number' && Number.isFinite(p.k));
  if (typeof p !== 'object' || p === null || p.v !== 1 || !Number.isSafeInteger(p.d) || !keyOk || p.k === undefined) {
    throw new TamgaError('INVALID_ARGUMENT', NOT_OURS);
  }
  if (p.q !== fingerprint(query, sort, order)) {
    throw new TamgaError('INVALID_ARGUMENT', 'The page cursor belongs to another query or sort order; start again from the first page.');
  }
  return { key: p.k, doc: p.d as number };
}
