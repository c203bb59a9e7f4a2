/**
 * searchItems: a query string to a page of results, the total, facet counts, the next
 * cursor and the query as understood. Parse (parse.ts) → compile (compile.ts) → collect
 * the matching docs once (hits.ts) → page by keyset (page.ts) → load the page's rows
 * (result-rows.ts) → count facets (facets.ts; for the empty query, whole-vault.ts).
 *
 * Nothing SQLite says ever reaches the caller as such: the SQL is built from the tree,
 * every value bound, every FTS term escaped, so a failure here is a bug, reported as
 * INTERNAL without the statement (which could hold the user's words).
 */
import { TamgaError } from '../../../shared/errors';
import type { SearchRequest, SearchResult, SearchSort } from '../../../shared/search';
import type { IndexDb } from '../db/open-index';
import { compileQuery } from './compile';
import { decodeCursor, encodeCursor } from './cursor';
import { facetIndex } from './facet-index';
import { facetCounts } from './facets';
import { collectHits, withHits } from './hits';
import { pageRows } from './page';
import { parseQuery } from './parse';
import { checkRequest } from './request';
import { searchItemsByIds } from './result-rows';
import { understoodQuery } from './understood';
import { wholeVault } from './whole-vault';
import { vaultVocabulary } from './vocabulary';

function withoutSqliteDetail<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof TamgaError) throw err;
    throw new TamgaError('INTERNAL', 'The search failed inside the index; the query was not at fault. Please report this.', {
      sqlite: (err as { code?: string }).code ?? null,
    });
  }
}

export function searchItems(db: IndexDb, request: SearchRequest): SearchResult {
  const req = checkRequest(request);
  const parsed = parseQuery(req.query);
  const compiled = compileQuery(parsed.root, vaultVocabulary(db));
  const notes = [...parsed.notes, ...compiled.notes];
  let sort: SearchSort = req.sort;
  if (sort === 'relevance' && compiled.match === null) {
    sort = 'captured';
    notes.push('Sorted by capture time: relevance needs words to rank by, outside any OR with other filters.');
  }
  const order = sort === 'relevance' ? 'asc' : req.order;
  const understood = understoodQuery(parsed.root);
  const after = req.cursor === null ? null : decodeCursor(req.cursor, understood, sort, order);

  // One read transaction: the hits, the page, the rows and the counts see the same
  // snapshot even when the search runs between the transactions of an import.
  return withoutSqliteDetail(() =>
    db.transaction((): SearchResult => {
      // Every item (the empty query): counted from the index's own counts, so the first
      // search after opening does not wait for the facet index to be built (whole-vault.ts).
      const whole = parsed.root === null ? wholeVault(db) : null;
      const index = whole === null ? facetIndex(db) : null;
      const hits = index === null ? null : collectHits(db, compiled, index.kindOf.length - 1);
      const bounds = sort === 'imported' ? compiled.bounds.imported : compiled.bounds.captured;
      const page = withHits(db, hits, () =>
        pageRows(db, { sort, order, limit: req.limit, after, offset: req.offset, match: compiled.match, hits, bounds }),
      );
      const last = page.rows.at(-1);
      return {
        items: searchItemsByIds(db, page.rows.map((r) => r.id)),
        total: hits === null ? (whole?.itemCount ?? 0) : hits.docs.length,
        nextCursor: page.more && last !== undefined ? encodeCursor(understood, sort, order, { key: last.k, doc: last.doc }) : null,
        understood,
        notes,
        sort,
        order,
        facets: !req.facets ? null : index === null ? (whole?.facets ?? null) : facetCounts(index, hits),
      };
    })(),
  );
}
