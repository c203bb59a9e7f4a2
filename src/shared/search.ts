/**
 * Search as the window and the CLI see it: one query string in, a page of items out,
 * with the total, the facet counts for the whole result, a cursor for the next page,
 * and the query as the engine understood it. Also "do we hold this exact file?".
 * Plain data only (no Node): the renderer builds requests and shows results.
 *
 * The query language (DESIGN "Search"; parsed by src/main/engine/search/parse.ts):
 *   words and "phrases"          over title, description, notes, original name, tags,
 *                                camera and place; words match as prefixes (petro → Petropavlovsk)
 *   tag:T  case:C                exact name, ignoring case and accents; T* for a prefix
 *   type:photo|video|other       has:gps|title|description|notes|place|tags|case
 *   after:D  before:D  taken:D   capture date; D is YYYY, YYYY-MM or YYYY-MM-DD, both ends
 *   taken:D..D  imported:D..D    included; either end of a range may be left out; an item
 *   modified:D..D                with no capture time never matches taken:, after: or before:;
 *                                modified: is the file's modification time (a file time)
 *   near:LAT,LON[,KM]            within KM (default 1) kilometres of a point
 *   camera:W  place:W  name:W    words in that field only
 *   sha256:HEX                   content hash prefix
 *   -X  NOT X  X OR Y  ( … )     negation, alternatives, grouping; AND is implied
 */
import type { Acquisition, ItemSummary } from './items';

/** `captured`: capture time; `imported`: import time; `relevance`: best match first (needs words). */
export type SearchSort = 'captured' | 'imported' | 'relevance';
export type SortOrder = 'asc' | 'desc';

export const SEARCH_DEFAULT_LIMIT = 100;
export const SEARCH_MAX_LIMIT = 500;

export interface SearchRequest {
  /** The query; '' lists everything. */
  readonly query: string;
  /** Default 'captured'. */
  readonly sort?: SearchSort;
  /** Default 'desc' (newest first). Ignored for relevance, which is always best first. */
  readonly order?: SortOrder;
  /** Items per page, 1–500; default 100. */
  readonly limit?: number;
  /** `nextCursor` of the previous page of the same query and sort; absent for the first page. */
  readonly cursor?: string;
  /**
   * Instead of a cursor: the page starting at this position of the results (0 is the
   * first), for jumping into a long list (the window's grid dragged to its end). Paging on
   * by cursor from there never skips or repeats; pages fetched by offset while items are
   * added may overlap by as many.
   */
  readonly offset?: number;
  /** Facet counts; by default computed for a first page only (later pages have the same). */
  readonly facets?: boolean;
}

/** An item as a result lists it: the summary plus what people wrote about it. */
export interface SearchItem extends ItemSummary {
  readonly title: string;
  readonly place: string;
  /** Names of the cases the item belongs to. */
  readonly cases: readonly string[];
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

/** Counts over all matching items (not only this page); tags and cases, most frequent first. */
export interface SearchFacets {
  readonly types: readonly FacetCount[];
  readonly tags: readonly FacetCount[];
  readonly cases: readonly FacetCount[];
}

export interface SearchResult {
  readonly items: readonly SearchItem[];
  /** How many items match in all. */
  readonly total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  /** The query as the engine read it, in the query language itself (shown as "searching for …"). */
  readonly understood: string;
  /** Plain sentences on what was read differently from how it was typed (an open quote, an unknown tag …). */
  readonly notes: readonly string[];
  /** The sort applied (relevance falls back to capture time when the query has no words). */
  readonly sort: SearchSort;
  readonly order: SortOrder;
  /** Null when not asked for (see SearchRequest.facets). */
  readonly facets: SearchFacets | null;
}

/** The answer to "does the vault hold this exact file?" (matched by SHA-256 of its bytes). */
export interface FindByFileResult {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
  /** Null when the vault does not hold these bytes. */
  readonly item: FoundItem | null;
}

export interface FoundItem {
  readonly id: string;
  readonly originalName: string;
  readonly importedAt: string;
  /** Every name the content was acquired under, first acquisition first, without repeats. */
  readonly names: readonly string[];
  readonly acquisitions: readonly Acquisition[];
  readonly tags: readonly string[];
  readonly cases: readonly string[];
}
