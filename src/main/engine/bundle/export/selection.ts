/**
 * Which items an export takes, in exhibit order: named items in the order given, a case's
 * items in the order they were added to it, or a query's results in the search's order.
 * Refuses an empty selection, an item named twice and more than MAX_EXHIBITS items, so that
 * exhibit numbers always mean one thing.
 */
import { MAX_EXHIBITS, type ExportSelection } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import type { IndexDb } from '../../db/open-index';
import { getItem, type ItemRow } from '../../items/item-rows';
import { resolveItem } from '../../items/item-view';
import { resolveCase } from '../../organise/cases';

/** Runs a search query and answers every matching item id, in the search's order. */
export type QueryItems = (query: string) => Promise<readonly string[]>;

export interface CaseInfo {
  readonly id: string;
  readonly name: string;
  readonly description: string;
}

export interface Selection {
  readonly rows: readonly ItemRow[];
  /** The case, when the selection is one. */
  readonly case: CaseInfo | null;
}

/** A case by id or name, ignoring case and accents (organise's rule), with its description. */
export function findCase(db: IndexDb, ref: string): CaseInfo {
  const found = resolveCase(db, ref);
  const description = db.prepare('SELECT description FROM cases WHERE id = ?').pluck().get(found.id) as string | undefined;
  return { id: found.id, name: found.name, description: description ?? '' };
}

function caseRows(db: IndexDb, caseId: string): ItemRow[] {
  const ids = db.prepare('SELECT item_id FROM case_items WHERE case_id = ? ORDER BY added_at, item_id').pluck().all(caseId) as string[];
  return ids.map((id) => {
    const row = getItem(db, id);
    if (row === null) throw new TamgaError('CORRUPT', `Case member ${id} is not an item of this vault.`, { itemId: id });
    return row;
  });
}

function checkRows(rows: readonly ItemRow[], refs: readonly string[] | null): void {
  if (rows.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Nothing to export: the selection holds no items.');
  if (rows.length > MAX_EXHIBITS) {
    throw new TamgaError('INVALID_ARGUMENT', `A bundle holds at most ${MAX_EXHIBITS} exhibits; the selection has ${rows.length}.`);
  }
  const first = new Map<string, number>();
  rows.forEach((row, i) => {
    const earlier = first.get(row.id);
    if (earlier !== undefined) {
      const names = refs === null ? '' : ` (as "${refs[earlier] ?? ''}" and "${refs[i] ?? ''}")`;
      throw new TamgaError('INVALID_ARGUMENT', `Item ${row.id} is named twice${names}; each item can be one exhibit only.`, { itemId: row.id });
    }
    first.set(row.id, i);
  });
}

export async function selectItems(db: IndexDb, selection: ExportSelection, search: QueryItems | null): Promise<Selection> {
  switch (selection.kind) {
    case 'items': {
      const rows = selection.items.map((ref) => resolveItem(db, ref));
      checkRows(rows, selection.items);
      return { rows, case: null };
    }
    case 'case': {
      const found = findCase(db, selection.case);
      const rows = caseRows(db, found.id);
      if (rows.length === 0) throw new TamgaError('INVALID_ARGUMENT', `Nothing to export: case "${found.name}" has no items.`);
      checkRows(rows, null);
      return { rows, case: found };
    }
    case 'query': {
      if (search === null) {
        throw new TamgaError('INVALID_ARGUMENT', 'Exporting by query is not available yet (search is not built); select items by id or by case.');
      }
      const ids = await search(selection.query);
      const rows = ids.map((id) => resolveItem(db, id));
      checkRows(rows, null);
      return { rows, case: null };
    }
  }
}
