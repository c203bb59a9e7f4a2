// The query plans of the hot searches, pinned: a change of index, of SQL shape or of the
// SQLite version that turns a lookup into a scan of every item shows up here, on a real
// (encrypted) vault with 2 000 synthetic items, before users feel it at 100 000.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSyntheticItems } from '../../bench/synthetic-vault';
import { compileQuery } from '../../src/main/engine/search/compile';
import { hitsSql, withHits, type Hits } from '../../src/main/engine/search/hits';
import { pageSql, type PagePlan, type Road } from '../../src/main/engine/search/page';
import { parseQuery } from '../../src/main/engine/search/parse';
import type { Sql } from '../../src/main/engine/search/sql';
import { vaultVocabulary } from '../../src/main/engine/search/vocabulary';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import { makeVault, PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';

let vault: OpenVault;

beforeAll(async () => {
  vault = await unlockVault(await makeVault(), PASSPHRASE);
  addSyntheticItems(vault.db, { count: 2000, seed: 3 });
}, 120_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

function plan(statement: Sql): string[] {
  return (vault.db.prepare(`EXPLAIN QUERY PLAN ${statement.text}`).all(...statement.params) as Array<{ detail: string }>).map((r) => r.detail);
}

function hitsPlan(query: string): string[] {
  const compiled = compileQuery(parseQuery(query).root, vaultVocabulary(vault.db));
  return plan(hitsSql(compiled));
}

/** A full pass over the items or their search rows: what these plans must never contain. */
const FULL_SCAN = /^SCAN (s|h|x|items|search_items)\b(?! USING INDEX search_items_(captured|imported))/;

describe('finding the matches', () => {
  it.each([
    ['tag:police', ['SEARCH search_tags USING PRIMARY KEY (tag=?)']],
    ['tag:p*', ['SEARCH search_tags USING PRIMARY KEY (tag=?)', 'USE TEMP B-TREE FOR DISTINCT']],
    ['case:"Almaty kettling 2021-01-10"', ['SEARCH search_cases USING PRIMARY KEY (case_id=?)']],
    ['taken:2021-01-10', ['SEARCH s USING COVERING INDEX search_items_captured (captured_at>? AND captured_at<?)']],
    ['after:2020 before:2021-06', ['SEARCH s USING COVERING INDEX search_items_captured (captured_at>? AND captured_at<?)']],
    ['imported:2024-03', ['SEARCH s USING COVERING INDEX search_items_imported (imported_at>? AND imported_at<?)']],
    ['sha256:ab', ['SEARCH h USING COVERING INDEX items_sha256_id (sha256>? AND sha256<?)', 'SEARCH x USING COVERING INDEX sqlite_autoindex_search_items_1 (item_id=?)']],
    [
      'sha256:ab has:gps',
      [
        'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
        'LIST SUBQUERY 1',
        'SEARCH h USING COVERING INDEX items_sha256_id (sha256>? AND sha256<?)',
        'SEARCH x USING COVERING INDEX sqlite_autoindex_search_items_1 (item_id=?)',
      ],
    ],
    ['near:54.87,69.16,5', ['SEARCH s USING COVERING INDEX search_items_gps (gps_lat>? AND gps_lat<?)']],
    ['type:video near:54.87,69.16,5', ['SEARCH s USING INDEX search_items_gps (gps_lat>? AND gps_lat<?)']],
    ['type:video', ['SEARCH s USING COVERING INDEX search_items_kind (kind=?)']],
    ['petropavlovsk', ['SCAN search_fts VIRTUAL TABLE INDEX 0:M7']],
    ['tag:police taken:2021-01', ['SEARCH s USING INTEGER PRIMARY KEY (rowid=?)', 'LIST SUBQUERY 1', 'SEARCH search_tags USING PRIMARY KEY (tag=?)']],
  ])('%s', (query, expected) => {
    const actual = hitsPlan(query);
    expect(actual).toEqual(expected);
    expect(actual.filter((step) => FULL_SCAN.test(step))).toEqual([]);
  });

  it('looks words up in the full-text index, never by reading every item', () => {
    // FTS5 reports its own index lookup as "SCAN … VIRTUAL TABLE INDEX 0:M…" (M = MATCH).
    expect(hitsPlan('petropavlovsk tag:police')).toEqual([
      'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
      'LIST SUBQUERY 1',
      'SEARCH search_tags USING PRIMARY KEY (tag=?)',
      'LIST SUBQUERY 2',
      'SCAN search_fts VIRTUAL TABLE INDEX 0:M7',
      'CREATE BLOOM FILTER',
    ]);
  });
});

describe('reading one page', () => {
  const everyDoc: Hits = { docs: Array.from({ length: 2000 }, (_, i) => i + 1), bitmap: new Uint8Array(2001).fill(1) };
  const base: PagePlan = { sort: 'captured', order: 'desc', limit: 100, after: null, match: null, hits: everyDoc, bounds: { from: null, to: null } };
  const pagePlan = (p: Partial<PagePlan>, road: Road): string[] => withHits(vault.db, everyDoc, () => plan(pageSql({ ...base, ...p }, road)));
  const january = (): PagePlan['bounds'] => compileQuery(parseQuery('taken:2021-01').root, vaultVocabulary(vault.db)).bounds.captured;

  it('walks the capture-time index from where the last page ended, within the date range', () => {
    expect(pagePlan({ after: { key: '2021-01-20', doc: 5 }, bounds: january() }, 'walk')).toEqual(['SEARCH s USING INDEX search_items_captured (captured_at>? AND captured_at<?)']);
    expect(pagePlan({ after: { key: '2021-01-20', doc: 5 } }, 'walk')).toEqual(['SEARCH s USING INDEX search_items_captured (captured_at<?)']);
  });

  it('probes the same walk against a native table of the hits', () => {
    expect(pagePlan({ bounds: january() }, 'probe')).toEqual([
      'SEARCH s USING INDEX search_items_captured (captured_at>? AND captured_at<?)',
      'LIST SUBQUERY 1',
      'SCAN json_each VIRTUAL TABLE INDEX 1:',
      'CREATE BLOOM FILTER',
    ]);
  });

  it('walks the import-time index in order for everything (no sort of all items)', () => {
    expect(pagePlan({ sort: 'imported', order: 'asc', hits: null }, 'walk')).toEqual(['SCAN s USING INDEX search_items_imported']);
  });

  it('looks a few matches up one by one and sorts only them', () => {
    expect(pagePlan({ hits: { docs: [1, 2, 3], bitmap: new Uint8Array(4) } }, 'lookup')).toEqual([
      'SCAN j VIRTUAL TABLE INDEX 1:',
      'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });

  it('ranks by relevance over the full-text matches only', () => {
    expect(pagePlan({ sort: 'relevance', order: 'asc', match: '"petro"*' }, 'walk')).toEqual([
      'MATERIALIZE ranked',
      'SCAN search_fts VIRTUAL TABLE INDEX 0:M7',
      'SCAN ranked',
      'SEARCH s USING INTEGER PRIMARY KEY (rowid=?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ]);
  });
});
