/**
 * The facet counts (per type, tag and case) over every item a query matches, for the
 * filter chips beside the results: the matching docs (hits.ts) counted against the
 * facet index (facet-index.ts).
 */
import type { FacetCount, SearchFacets } from '../../../shared/search';
import { KINDS, type FacetIndex } from './facet-index';
import type { Hits } from './hits';

/** How many tags and cases a facet list shows, most frequent first. */
export const FACET_LIMIT = 50;

export function ranked(counts: Iterable<[string, number]>, limit: number): FacetCount[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, limit);
}

/** The counts over every item change only with the index: worked out once per version. */
const everything = new WeakMap<FacetIndex, SearchFacets>();

/** Facet counts over the hits; null: over every item. */
export function facetCounts(index: FacetIndex, hits: Hits | null): SearchFacets {
  if (hits === null) {
    const known = everything.get(index);
    if (known !== undefined) return known;
    const counted = count(index, null);
    everything.set(index, counted);
    return counted;
  }
  return count(index, hits);
}

function count(index: FacetIndex, hits: Hits | null): SearchFacets {
  const docs = hits?.docs ?? null;
  const member = hits?.bitmap ?? new Uint8Array(index.kindOf.length).fill(1);
  const kinds = [0, 0, 0];
  const add = (k: number | undefined): void => {
    if (k !== undefined && k !== 255) kinds[k] = (kinds[k] ?? 0) + 1;
  };
  if (docs === null) for (const k of index.kindOf) add(k);
  else for (const doc of docs) add(index.kindOf[doc]);
  const overlap = (lists: ReadonlyMap<string, Int32Array>): Array<[string, number]> =>
    [...lists].map(([key, list]) => {
      let n = 0;
      for (const doc of list) n += member[doc] ?? 0;
      return [key, n];
    });
  return {
    types: ranked(KINDS.map((kind, k) => [kind, kinds[k] ?? 0]), KINDS.length),
    tags: ranked(overlap(index.tagDocs), FACET_LIMIT),
    cases: ranked(overlap(index.caseDocs), FACET_LIMIT),
  };
}
