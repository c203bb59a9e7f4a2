/**
 * The set of docs a query matches, read once per search (one integer column, ~0.1 µs a
 * row) and kept as a bitmap that the page, the total and the facets all use. Before,
 * each of them evaluated the query again, and a broad word search paid for its
 * full-text lookup three times; copying the docs into a temporary table instead cost
 * more than the lookups it saved (~1 µs a row).
 *
 * The page walks an index in sort order and keeps the rows whose doc is in the bitmap,
 * through `search_hit(doc)`: a function registered on the connection that reads the
 * bitmap of the search in progress. Searches are synchronous, so there is only ever one.
 * A walk can be given a budget of index entries; past it, search_hit throws
 * WalkTooLong, which ends the statement (page.ts then takes the other road).
 */
import type { IndexDb } from '../db/open-index';
import type { CompiledQuery } from './compile';
import { sql, SQL_TRUE, type Sql } from './sql';

export interface Hits {
  /** Matching docs, in no particular order. */
  readonly docs: readonly number[];
  /** 1 at each matching doc. */
  readonly bitmap: Uint8Array;
}

/** Thrown by search_hit when a walk has passed more index entries than it was allowed. */
export class WalkTooLong extends Error {}

interface HitState {
  bitmap: Uint8Array | null;
  /** Calls left before the walk is abandoned; Infinity when unbounded. */
  left: number;
}

const current = new WeakMap<IndexDb, HitState>();

function state(db: IndexDb): HitState {
  let s = current.get(db);
  if (s === undefined) {
    const created: HitState = { bitmap: null, left: Infinity };
    // directOnly: usable in this connection's own statements, never from a trigger or view.
    db.function('search_hit', { deterministic: false, directOnly: true }, (doc: unknown) => {
      created.left -= 1;
      if (created.left < 0) throw new WalkTooLong();
      return typeof doc === 'number' && created.bitmap !== null && created.bitmap[doc] === 1 ? 1 : 0;
    });
    current.set(db, created);
    s = created;
  }
  return s;
}

/** The SQL for the matching docs (exported for the query-plan tests). */
export function hitsSql(query: Pick<CompiledQuery, 'where' | 'match' | 'docs'>): Sql {
  const { where, match, docs } = query;
  // One tag, case or hash prefix: its own index lists the docs.
  if (docs !== null) return docs;
  // Text alone: the FTS rowids are the docs, no need to visit search_items at all.
  if (where === SQL_TRUE && match !== null) return sql`SELECT rowid FROM search_fts(${match})`;
  const condition = match === null ? where : sql`${where} AND s.doc IN (SELECT rowid FROM search_fts(${match}))`;
  return sql`SELECT s.doc FROM search_items s WHERE ${condition}`;
}

export function collectHits(db: IndexDb, query: Pick<CompiledQuery, 'where' | 'match' | 'docs'>, maxDoc: number): Hits {
  const statement = hitsSql(query);
  const docs = db.prepare(statement.text).pluck().all(...statement.params) as number[];
  const bitmap = new Uint8Array(maxDoc + 1);
  for (const doc of docs) bitmap[doc] = 1;
  return { docs, bitmap };
}

/** Runs `work` with `search_hit(doc)` answering from these hits. */
export function withHits<T>(db: IndexDb, hits: Hits | null, work: () => T): T {
  const s = state(db);
  s.bitmap = hits?.bitmap ?? null;
  try {
    return work();
  } finally {
    s.bitmap = null;
    s.left = Infinity;
  }
}

/** Runs one walk (inside withHits) that may pass at most `entries` index entries. */
export function withinBudget<T>(db: IndexDb, entries: number, work: () => T): T {
  const s = state(db);
  s.left = entries;
  try {
    return work();
  } finally {
    s.left = Infinity;
  }
}
