/**
 * The total and the facet counts of the empty query (every item: what the window shows
 * first after unlocking) from counts the index keeps, without building the facet index
 * (facet-index.ts), whose build reads every tag and case row into memory: over a second
 * at a million items, which would land on the first query after opening. Here the kinds
 * are counted in their index, the tags read from tag_counts (kept by the triggers of
 * migration 5) and the cases counted per case in search_cases. Cached per search_version,
 * as the facet index is.
 */
import type { SearchFacets } from '../../../shared/search';
import type { IndexDb } from '../db/open-index';
import { KINDS } from './facet-index';
import { FACET_LIMIT, ranked } from './facets';

export interface WholeVault {
  readonly itemCount: number;
  readonly facets: SearchFacets;
}

const cache = new WeakMap<IndexDb, { version: number; whole: WholeVault }>();

/** Call inside a read transaction, so that the version and the counts agree. */
export function wholeVault(db: IndexDb): WholeVault {
  const version = db.prepare('SELECT version FROM search_version').pluck().get() as number;
  const hit = cache.get(db);
  if (hit !== undefined && hit.version === version) return hit.whole;
  const byKind = new Map(db.prepare('SELECT kind, count(*) FROM search_items GROUP BY kind').raw().all() as Array<[string, number]>);
  const tags = db.prepare('SELECT tag, items FROM tag_counts').raw().all() as Array<[string, number]>;
  const cases = db.prepare('SELECT c.name, count(*) FROM search_cases sc JOIN cases c ON c.id = sc.case_id GROUP BY sc.case_id').raw().all() as Array<[string, number]>;
  const whole: WholeVault = {
    itemCount: KINDS.reduce((n, kind) => n + (byKind.get(kind) ?? 0), 0),
    facets: {
      types: ranked(KINDS.map((kind) => [kind, byKind.get(kind) ?? 0]), KINDS.length),
      tags: ranked(tags, FACET_LIMIT),
      cases: ranked(cases, FACET_LIMIT),
    },
  };
  cache.set(db, { version, whole });
  return whole;
}
