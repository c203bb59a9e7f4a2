/**
 * Loads what a result page shows for its items: the summary, title, place, tags and
 * cases. The ids travel as one JSON parameter, so the three statements are prepared once
 * per connection instead of once per page (preparing them cost more than running them).
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { SearchItem } from '../../../shared/search';
import type { IndexDb } from '../db/open-index';

type SummaryRow = Omit<SearchItem, 'tags' | 'cases'>;
type Pair = { readonly itemId: string; readonly value: string };

interface Statements {
  readonly items: Statement<[string], SummaryRow>;
  readonly tags: Statement<[string], Pair>;
  readonly cases: Statement<[string], Pair>;
}

const prepared = new WeakMap<IndexDb, Statements>();

function statements(db: IndexDb): Statements {
  let s = prepared.get(db);
  if (s === undefined) {
    const ids = 'SELECT value FROM json_each(?)';
    s = {
      items: db.prepare(
        `SELECT id, sha256, size, kind, format, original_name AS originalName, imported_at AS importedAt,
           captured_local AS capturedLocal, captured_utc AS capturedUtc, capture_source AS captureSource,
           thumb_status AS thumbStatus, title, place
         FROM items WHERE id IN (${ids})`,
      ),
      tags: db.prepare(`SELECT item_id AS itemId, tag AS value FROM item_tags WHERE item_id IN (${ids}) ORDER BY tag`),
      cases: db.prepare(
        `SELECT ci.item_id AS itemId, c.name AS value FROM case_items ci JOIN cases c ON c.id = ci.case_id
         WHERE ci.item_id IN (${ids}) ORDER BY c.name`,
      ),
    };
    prepared.set(db, s);
  }
  return s;
}

function grouped(rows: readonly Pair[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { itemId, value } of rows) map.set(itemId, [...(map.get(itemId) ?? []), value]);
  return map;
}

/** The items with these ids, in the order given (ids no longer present are left out). */
export function searchItemsByIds(db: IndexDb, ids: readonly string[]): SearchItem[] {
  if (ids.length === 0) return [];
  const s = statements(db);
  const list = JSON.stringify(ids);
  const byId = new Map(s.items.all(list).map((r) => [r.id, r]));
  const tags = grouped(s.tags.all(list));
  const cases = grouped(s.cases.all(list));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row === undefined ? [] : [{ ...row, tags: tags.get(id) ?? [], cases: cases.get(id) ?? [] }];
  });
}
