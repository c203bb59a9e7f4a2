/**
 * An in-memory map of which docs carry which tag, belong to which case and are of which
 * type, so that facet counts over a result are a pass over a few typed arrays instead
 * of one B-tree probe per matching item per table. SQLite has no merge join, and probing
 * item_tags for each of 35 000 matches costs tens of milliseconds on an encrypted index;
 * with this map the counts cost well under one.
 *
 * It holds ids and names the index already holds (nothing leaves the process), and is
 * rebuilt when `search_version` moved: the triggers of migration 5 bump it on every
 * change to items, tags, case membership or case names, by this connection or another.
 * A rebuild reads the doc-keyed tag and case tables once (tens of milliseconds at
 * 100 000 items).
 */
import type { MediaKind } from '../../../shared/metadata';
import type { IndexDb } from '../db/open-index';

export const KINDS: readonly MediaKind[] = ['photo', 'video', 'other'];

export interface FacetIndex {
  /** How many items the vault has. */
  readonly itemCount: number;
  /** Index into KINDS per doc (255 for a doc that does not exist). */
  readonly kindOf: Uint8Array;
  readonly tagDocs: ReadonlyMap<string, Int32Array>;
  readonly caseDocs: ReadonlyMap<string, Int32Array>;
}

const cache = new WeakMap<IndexDb, { version: number; index: FacetIndex }>();

function versionOf(db: IndexDb): number {
  return db.prepare('SELECT version FROM search_version').pluck().get() as number;
}

function grouped(rows: ReadonlyArray<readonly [number, string]>): Map<string, Int32Array> {
  const lists = new Map<string, number[]>();
  for (const [doc, key] of rows) {
    const list = lists.get(key);
    if (list === undefined) lists.set(key, [doc]);
    else list.push(doc);
  }
  return new Map([...lists].map(([key, docs]) => [key, Int32Array.from(docs)]));
}

function build(db: IndexDb): FacetIndex {
  const maxDoc = (db.prepare('SELECT max(doc) FROM search_items').pluck().get() as number | null) ?? 0;
  const kindOf = new Uint8Array(maxDoc + 1).fill(255);
  const docsOfKind = db.prepare('SELECT doc FROM search_items WHERE kind = ?').pluck();
  let itemCount = 0;
  KINDS.forEach((kind, k) => {
    const docs = docsOfKind.all(kind) as number[];
    for (const doc of docs) kindOf[doc] = k;
    itemCount += docs.length;
  });
  const tagRows = db.prepare('SELECT doc, tag FROM search_tags').raw().all() as Array<[number, string]>;
  const caseRows = db.prepare('SELECT sc.doc, c.name FROM search_cases sc JOIN cases c ON c.id = sc.case_id').raw().all() as Array<[number, string]>;
  return { itemCount, kindOf, tagDocs: grouped(tagRows), caseDocs: grouped(caseRows) };
}

/** Call inside a read transaction, so that the version and the tables read agree. */
export function facetIndex(db: IndexDb): FacetIndex {
  const version = versionOf(db);
  const hit = cache.get(db);
  if (hit !== undefined && hit.version === version) return hit.index;
  const index = build(db);
  cache.set(db, { version, index });
  return index;
}
