/**
 * The items a bulk request names (ids or SHA-256 prefixes), resolved to ids: checked,
 * each named item found, repeats dropped, the order kept.
 */
import { TamgaError } from '../../../shared/errors';
import { MAX_BULK_ITEMS } from '../../../shared/organise';
import type { IndexDb } from '../db/open-index';
import { resolveItem } from '../items/item-view';

export function resolveSelection(db: IndexDb, refs: unknown): string[] {
  if (!Array.isArray(refs) || refs.length === 0 || !refs.every((r) => typeof r === 'string')) {
    throw new TamgaError('INVALID_ARGUMENT', 'items must be a non-empty list of item ids or SHA-256 prefixes.');
  }
  if (refs.length > MAX_BULK_ITEMS) {
    throw new TamgaError('INVALID_ARGUMENT', `One request may name at most ${MAX_BULK_ITEMS} items; split the selection.`);
  }
  return [...new Set((refs as string[]).map((ref) => resolveItem(db, ref).id))];
}
