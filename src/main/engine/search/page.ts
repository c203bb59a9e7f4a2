/**
 * One page of matching items in sort order, by keyset: the next page starts after the
 * last (key, doc) of the previous one, so paging never skips or repeats an item and costs
 * the same on page 1 and page 1 000. A jump into the list (an offset, for the window's
 * grid dragged far down) passes over that many rows in the same order instead: SQLite
 * steps through them in the index, which at 100 000 items is a few milliseconds. The matches are already known (hits.ts); only narrow
 * search_items rows are read here, and result-rows.ts then loads what the page shows.
 *
 * Three roads to the same page for a time sort (measured at 100 000 items):
 * - lookup: fetch each hit by doc and sort them, ~0.7 µs a hit. Best for a few hundred.
 * - probe: walk the (key, doc) index in order and keep entries whose doc is in the hits,
 *   handed to SQLite as a JSON list it turns into a native lookup table (~0.3 µs a hit to
 *   build, ~0.07 µs an entry to walk). At most ~8 ms even when every hit sits at the far
 *   end of the order (`imported:2019-06` sorted by capture time clusters that way).
 * - walk: the same walk asking search_hit(doc) (a bitmap, ~0.3 µs an entry), with no table
 *   to build: for many hits, whose page is found after a few hundred entries. It gets a
 *   budget; a walk that runs out (the hits cluster) is finished by the probe instead.
 * Every road stays within the query's own date bounds for the sort key. Relevance ranks
 * the FTS5 matches among the hits with bm25 (lower is better).
 */
import type { SearchSort, SortOrder } from '../../../shared/search';
import type { IndexDb } from '../db/open-index';
import type { DateBounds } from './ast';
import type { KeysetPosition } from './cursor';
import { FTS_COLUMNS, FTS_WEIGHTS } from './fts';
import { withinBudget, WalkTooLong, type Hits } from './hits';
import { joinSql, sql, type Sql } from './sql';

export interface PagePlan {
  readonly sort: SearchSort;
  readonly order: SortOrder;
  readonly limit: number;
  readonly after: KeysetPosition | null;
  /** Rows to pass over first (a jump into the list; 0 when paging by keyset). */
  readonly offset?: number;
  /** The FTS5 expression to rank by (relevance only). */
  readonly match: string | null;
  /** The matches; null when the query matches everything. */
  readonly hits: Hits | null;
  /** What the query's date filters allow for the sort key. */
  readonly bounds: DateBounds;
  /** Index entries a walk may pass; WALK_BUDGET unless a test wants the fallback. */
  readonly walkBudget?: number;
}

export interface PageRow {
  readonly id: string;
  readonly doc: number;
  readonly k: string | number;
}

export type Road = 'lookup' | 'probe' | 'walk';

const LOOKUP_UP_TO = 1000;
const PROBE_UP_TO = 15_000;
/** Index entries a walk may pass (~6 ms) before the probe takes over. */
export const WALK_BUDGET = 20_000;

export function roadFor(hits: Hits | null): Road {
  if (hits === null) return 'walk';
  const n = hits.docs.length;
  return n <= LOOKUP_UP_TO ? 'lookup' : n <= PROBE_UP_TO ? 'probe' : 'walk';
}

function byTime(plan: PagePlan, road: Road): Sql {
  const key = plan.sort === 'imported' ? sql`s.imported_at` : sql`s.captured_at`;
  const desc = plan.order === 'desc';
  const direction = desc ? sql` DESC` : sql``;
  const conditions: Sql[] = [];
  const k = plan.after?.key;
  if (plan.after !== null) {
    const position = sql`(${plan.after.key}, ${plan.after.doc})`;
    conditions.push(desc ? sql`(${key}, s.doc) < ${position}` : sql`(${key}, s.doc) > ${position}`);
  }
  // A bound the keyset already implies is left out, so that SQLite starts the walk at the
  // keyset (where the previous page ended), not at the start of the range.
  const { from, to } = plan.bounds;
  if (from !== null && !(typeof k === 'string' && !desc && k >= from)) conditions.push(sql`${key} >= ${from}`);
  if (to !== null && !(typeof k === 'string' && desc && k < to)) conditions.push(sql`${key} < ${to}`);
  const docs = JSON.stringify(plan.hits?.docs ?? []);
  if (plan.hits !== null && road === 'walk') conditions.push(sql`search_hit(s.doc)`);
  // Unary + keeps SQLite from turning the list into lookups: the index order is the point.
  if (plan.hits !== null && road === 'probe') conditions.push(sql`+s.doc IN (SELECT value FROM json_each(${docs}))`);
  const where = conditions.length === 0 ? sql`` : sql`WHERE ${joinSql(conditions, ' AND ')}`;
  const from_ = road === 'lookup' && plan.hits !== null ? sql`json_each(${docs}) j CROSS JOIN search_items s ON s.doc = j.value` : sql`search_items s`;
  return sql`SELECT s.item_id AS id, s.doc AS doc, ${key} AS k FROM ${from_} ${where}
    ORDER BY ${key}${direction}, s.doc${direction} LIMIT ${plan.limit + 1} OFFSET ${plan.offset ?? 0}`;
}

function byRelevance(plan: PagePlan, match: string): Sql {
  const weights = joinSql(FTS_COLUMNS.map((c) => sql`${FTS_WEIGHTS[c]}`), ', ');
  const after = plan.after === null ? sql`` : sql`WHERE (ranked.rank, ranked.doc) > (${plan.after.key}, ${plan.after.doc})`;
  const filter = plan.hits === null ? sql`` : sql`WHERE search_hit(rowid)`;
  return sql`WITH ranked AS MATERIALIZED (
      SELECT rowid AS doc, bm25(search_fts, ${weights}) AS rank FROM search_fts(${match}) ${filter})
    SELECT s.item_id AS id, s.doc AS doc, ranked.rank AS k FROM ranked JOIN search_items s ON s.doc = ranked.doc
    ${after} ORDER BY ranked.rank, ranked.doc LIMIT ${plan.limit + 1} OFFSET ${plan.offset ?? 0}`;
}

/** The SQL for one page (exported for the query-plan tests). */
export function pageSql(plan: PagePlan, road: Road = roadFor(plan.hits)): Sql {
  return plan.sort === 'relevance' && plan.match !== null ? byRelevance(plan, plan.match) : byTime(plan, road);
}

function run(db: IndexDb, plan: PagePlan, statement: Sql): { rows: PageRow[]; more: boolean } {
  const rows = db.prepare(statement.text).all(...statement.params) as PageRow[];
  return { rows: rows.slice(0, plan.limit), more: rows.length > plan.limit };
}

/** Up to `limit` rows, and whether more follow. Run inside withHits (hits.ts). */
export function pageRows(db: IndexDb, plan: PagePlan): { rows: PageRow[]; more: boolean } {
  const road = roadFor(plan.hits);
  if (plan.hits === null || road !== 'walk' || (plan.sort === 'relevance' && plan.match !== null)) return run(db, plan, pageSql(plan, road));
  const budget = plan.walkBudget ?? WALK_BUDGET;
  // A jump deep into the results passes `offset` matches first: when that alone needs more
  // index entries than the walk may pass (matches are a share of all entries), the walk
  // would spend its whole budget only to hand over to the probe, so the probe goes first.
  const entriesNeeded = ((plan.offset ?? 0) + plan.limit + 1) * (plan.hits.bitmap.length / Math.max(1, plan.hits.docs.length));
  if (entriesNeeded > budget) return run(db, plan, pageSql(plan, 'probe'));
  try {
    return withinBudget(db, budget, () => run(db, plan, pageSql(plan, 'walk')));
  } catch (err) {
    if (!(err instanceof WalkTooLong)) throw err;
    return run(db, plan, pageSql(plan, 'probe'));
  }
}
