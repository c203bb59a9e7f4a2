/**
 * An independent reading of what a query should find, for the search tests: every item
 * loaded from the tables the importer and the organising code write (never from the
 * search index), and plain JavaScript predicates for words, phrases, dates and distance.
 * The engine's answer must equal the oracle's for each query the tests ask.
 */
import type { IndexDb } from '../../src/main/engine/db/open-index';
import { searchItems } from '../../src/main/engine/search/run-search';
import type { SearchRequest } from '../../src/shared/search';

export interface OracleItem {
  readonly id: string;
  readonly kind: string;
  readonly sha256: string;
  /** UTC when known, else the local clock time, else ''. */
  readonly capturedAt: string;
  readonly importedAt: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly texts: { readonly title: string; readonly description: string; readonly notes: string; readonly name: string; readonly camera: string; readonly place: string };
  readonly tags: readonly string[];
  readonly cases: readonly string[];
}

interface Row {
  id: string;
  kind: string;
  sha256: string;
  capturedAt: string;
  importedAt: string;
  lat: number | null;
  lon: number | null;
  title: string;
  description: string;
  notes: string;
  name: string;
  camera: string;
  place: string;
}

export function loadOracle(db: IndexDb): OracleItem[] {
  const rows = db
    .prepare(
      `SELECT id, kind, sha256, coalesce(captured_utc, captured_local, '') AS capturedAt, imported_at AS importedAt,
         gps_lat AS lat, gps_lon AS lon, title, description, notes, original_name AS name,
         trim(coalesce(make, '') || ' ' || coalesce(model, '')) AS camera, place FROM items`,
    )
    .all() as Row[];
  const tags = db.prepare('SELECT item_id AS id, tag FROM item_tags').all() as Array<{ id: string; tag: string }>;
  const cases = db.prepare('SELECT ci.item_id AS id, c.name FROM case_items ci JOIN cases c ON c.id = ci.case_id').all() as Array<{ id: string; name: string }>;
  return rows.map(({ title, description, notes, name, camera, place, ...r }) => ({
    ...r,
    texts: { title, description, notes, name, camera, place },
    tags: tags.filter((t) => t.id === r.id).map((t) => t.tag),
    cases: cases.filter((c) => c.id === r.id).map((c) => c.name),
  }));
}

/**
 * Lower case, no accents, ё as е, split on anything that is not a letter or digit. Й
 * keeps its mark: SQLite's unicode61 tokenizer treats it as a letter of its own.
 */
export function words(text: string): string[] {
  return text
    .replace(/[йЙ]/g, '\uE000')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replaceAll('\uE000', 'й')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function fold(text: string): string {
  return words(text).join(' ');
}

type Field = keyof OracleItem['texts'] | 'tags';

function fieldTexts(item: OracleItem, field: Field | 'any'): string[] {
  if (field === 'tags') return [item.tags.join(' ')];
  if (field === 'any') return [...Object.values(item.texts), item.tags.join(' ')];
  return [item.texts[field]];
}

/** A word as the engine matches it: some word of the field starts with it. */
export function hasWord(item: OracleItem, word: string, field: Field | 'any' = 'any'): boolean {
  const [wanted] = words(word);
  return wanted !== undefined && fieldTexts(item, field).some((t) => words(t).some((w) => w.startsWith(wanted)));
}

/** A phrase: its words, in order, next to each other in one field. */
export function hasPhrase(item: OracleItem, phrase: string): boolean {
  const wanted = words(phrase);
  return fieldTexts(item, 'any').some((t) => {
    const have = words(t);
    return have.some((_, i) => wanted.every((w, j) => have[i + j] === w));
  });
}

export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = (d: number): number => (d * Math.PI) / 180;
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Every id the engine finds for a request, following the cursor through all pages. */
export function allIds(db: IndexDb, request: SearchRequest): string[] {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = searchItems(db, { limit: 500, ...request, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((i) => i.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
}

export function idsWhere(items: readonly OracleItem[], predicate: (item: OracleItem) => boolean): string[] {
  return items.filter(predicate).map((i) => i.id).sort();
}
