/**
 * A selection held as a query (select-all in the window): resolved in the engine, never
 * shipped as ids. The query is evaluated once, when the action starts, into a bitmap over
 * doc numbers (one byte per doc of the vault: 1 MB at a million items, whatever the
 * selection's size); the items are then visited in doc order in batches read by keyset,
 * so the memory an action needs does not grow with the selection. Items imported after
 * the start are past the bitmap and not selected; items that stop matching while the
 * action runs (tagging `-tag:x` with x) stay selected: the selection is what the user saw.
 */
import { TamgaError } from '../../../shared/errors';
import { MAX_SELECTION_ADJUSTMENTS, type QuerySelection } from '../../../shared/organise';
import type { IndexDb } from '../db/open-index';
import { resolveItem } from '../items/item-view';
import { compileQuery } from '../search/compile';
import { hitsSql } from '../search/hits';
import { parseQuery } from '../search/parse';
import { vaultVocabulary } from '../search/vocabulary';

export interface SelectionSnapshot {
  /** How many items the selection holds. */
  readonly total: number;
  /** The selected items in batches of at most `size` ids, in doc order, then the additions. */
  batches(size: number): Generator<string[]>;
}

function refList(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((r) => typeof r === 'string')) throw new TamgaError('INVALID_ARGUMENT', `${field} must be a list of item ids or SHA-256 prefixes.`);
  if (value.length > MAX_SELECTION_ADJUSTMENTS) throw new TamgaError('INVALID_ARGUMENT', `${field} may name at most ${MAX_SELECTION_ADJUSTMENTS} items.`);
  return value as string[];
}

/** Checks a QuerySelection as it arrives (IPC, CLI, tests). */
export function checkQuerySelection(selection: unknown): { query: string; except: string[]; also: string[] } {
  if (typeof selection !== 'object' || selection === null) throw new TamgaError('INVALID_ARGUMENT', 'selection must be an object with a query.');
  const s = selection as Partial<QuerySelection>;
  if (typeof s.query !== 'string') throw new TamgaError('INVALID_ARGUMENT', 'selection.query must be a string ("" selects every item).');
  return { query: s.query, except: refList(s.except, 'selection.except'), also: refList(s.also, 'selection.also') };
}

/** One byte per doc: 1 where the query matches (every existing doc for the empty query). */
function matchBitmap(db: IndexDb, query: string): Uint8Array {
  const maxDoc = (db.prepare('SELECT max(doc) FROM search_items').pluck().get() as number | null) ?? 0;
  const bitmap = new Uint8Array(maxDoc + 1);
  const parsed = parseQuery(query);
  const statement = parsed.root === null ? { text: 'SELECT doc FROM search_items', params: [] as unknown[] } : hitsSql(compileQuery(parsed.root, vaultVocabulary(db)));
  for (const doc of db.prepare(statement.text).pluck().iterate(...statement.params) as IterableIterator<number>) bitmap[doc] = 1;
  return bitmap;
}

function docOf(db: IndexDb, itemId: string): number | null {
  return (db.prepare('SELECT doc FROM search_items WHERE item_id = ?').pluck().get(itemId) as number | undefined) ?? null;
}

/**
 * Evaluates the selection now (one read transaction) and answers its size and a way to
 * walk it. Exceptions and additions are resolved first: one that names no item is
 * NOT_FOUND, as with a list of ids.
 */
export function snapshotSelection(db: IndexDb, selection: unknown): SelectionSnapshot {
  const { query, except, also } = checkQuerySelection(selection);
  return db.transaction((): SelectionSnapshot => {
    const bitmap = matchBitmap(db, query);
    let total = 0;
    for (let doc = 0; doc < bitmap.length; doc++) total += bitmap[doc] ?? 0;
    // Exceptions: cleared from the bitmap (those not matching anyway change nothing).
    for (const ref of except) {
      const doc = docOf(db, resolveItem(db, ref).id);
      if (doc !== null && bitmap[doc] === 1) {
        bitmap[doc] = 0;
        total -= 1;
      }
    }
    // Additions: those the query does not match already, each once.
    const extra = new Set<string>();
    for (const ref of also) {
      const id = resolveItem(db, ref).id;
      const doc = docOf(db, id);
      if (doc === null || bitmap[doc] !== 1) extra.add(id);
    }
    total += extra.size;
    const page = db.prepare('SELECT doc, item_id AS id FROM search_items WHERE doc > ? ORDER BY doc LIMIT ?');
    return {
      total,
      *batches(size: number): Generator<string[]> {
        let after = -1;
        let ids: string[] = [];
        for (;;) {
          const rows = page.all(after, 4 * size) as Array<{ doc: number; id: string }>;
          if (rows.length === 0) break;
          for (const row of rows) {
            if (bitmap[row.doc] === 1) ids.push(row.id);
            if (ids.length === size) {
              yield ids;
              ids = [];
            }
          }
          after = rows.at(-1)?.doc ?? after;
          if (after >= bitmap.length - 1) break;
        }
        for (const id of extra) {
          ids.push(id);
          if (ids.length === size) {
            yield ids;
            ids = [];
          }
        }
        if (ids.length > 0) yield ids;
      },
    };
  })();
}

/** How many items a query selection holds now (the window's "N selected"). */
export function countSelection(db: IndexDb, selection: unknown): number {
  return snapshotSelection(db, selection).total;
}
