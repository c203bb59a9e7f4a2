// What a search answers besides the matches: pages that follow each other exactly, the
// sort orders, facet counts for the whole result, the query as understood, and calm
// answers to hostile or broken input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { searchItems } from '../../src/main/engine/search/run-search';
import { unlockVault, type OpenVault } from '../../src/main/engine/vault/vault';
import type { SearchResult } from '../../src/shared/search';
import { allIds, loadOracle, type OracleItem } from '../helpers/search-oracle';
import { buildSearchVault, type SearchVault } from '../helpers/search-vault';
import { PASSPHRASE, removeTempDirs } from '../helpers/temp-vault';

let fixture: SearchVault;
let vault: OpenVault;
let items: OracleItem[];

beforeAll(async () => {
  fixture = await buildSearchVault({ synthetic: 2000 });
  vault = await unlockVault(fixture.root, PASSPHRASE, { readonly: true });
  items = loadOracle(vault.db);
}, 180_000);

afterAll(async () => {
  vault.close();
  await removeTempDirs();
});

const search = (query: string, more: Partial<Parameters<typeof searchItems>[1]> = {}): SearchResult => searchItems(vault.db, { query, ...more });

describe('paging', () => {
  it('walks every match exactly once, page by page, in the same order as one big page', () => {
    for (const query of ['tag:police OR tag:полиция', 'petropavlovsk', '', 'has:gps -type:photo', 'sha256:ab']) {
      const whole = search(query, { limit: 500 });
      const pages: string[] = [];
      let cursor: string | undefined;
      do {
        const page = search(query, { limit: 37, ...(cursor === undefined ? {} : { cursor }) });
        expect(page.total).toBe(whole.total);
        pages.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(new Set(pages).size, query).toBe(pages.length);
      expect(pages.length, query).toBe(whole.total);
      expect(pages.slice(0, 500), query).toEqual(whole.items.map((i) => i.id));
    }
  });

  it('keeps its place for relevance and import-time sorts too', () => {
    for (const sort of ['relevance', 'imported'] as const) {
      const one = allIds(vault.db, { query: 'ballot OR вброс', sort, limit: 500 });
      const paged = allIds(vault.db, { query: 'ballot OR вброс', sort, limit: 23 });
      expect(paged).toEqual(one);
      expect(one.length).toBeGreaterThan(100);
    }
  });

  it('jumps to any position: the page at an offset is the same as the pages before it read one by one', () => {
    const queries: [string, Partial<Parameters<typeof searchItems>[1]>][] = [
      ['', {}],
      ['', { sort: 'imported', order: 'asc' }],
      ['tag:police OR tag:полиция', {}],
      ['has:gps -type:photo', { order: 'asc' }],
      ['ballot OR вброс', { sort: 'relevance' }],
      ['sha256:ab', {}],
    ];
    for (const [query, options] of queries) {
      const every = allIds(vault.db, { query, ...options, limit: 500 });
      for (const offset of [0, 1, 36, 500, 1234, every.length - 3, every.length, every.length + 10]) {
        const page = search(query, { ...options, offset, limit: 40 });
        expect(page.items.map((i) => i.id), `${query} at ${offset}`).toEqual(every.slice(offset, offset + 40));
        expect(page.total).toBe(every.length);
        // Paging on from a jump by cursor continues exactly where the jump landed.
        if (page.nextCursor !== null) expect(search(query, { ...options, limit: 40, cursor: page.nextCursor }).items.map((i) => i.id)).toEqual(every.slice(offset + 40, offset + 80));
        else expect(offset + 40).toBeGreaterThanOrEqual(every.length);
      }
    }
  });

  it('refuses an offset that is not a whole number, or one given with a cursor', () => {
    for (const offset of [-1, 1.5, Number.NaN, '10' as unknown as number]) {
      expect(() => search('', { offset })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/offset/) }));
    }
    const cursor = search('', { limit: 5 }).nextCursor ?? '';
    expect(() => search('', { cursor, offset: 5 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: 'Give a cursor or an offset, not both.' }));
    expect(search('', { offset: 5 }).facets, 'facets are for the first page').toBeNull();
  });

  it('refuses a cursor from another query or a forged one, with a sentence instead of a wrong page', () => {
    const first = search('petropavlovsk', { limit: 5 });
    const cursor = first.nextCursor ?? '';
    expect(() => search('almaty', { limit: 5, cursor })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/another query/) }));
    expect(() => search('petropavlovsk', { cursor: 'not-a-cursor' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    const forged = Buffer.from(JSON.stringify({ v: 1, q: 'x', k: "'; DROP TABLE items", d: 1 })).toString('base64url');
    expect(() => search('petropavlovsk', { cursor: forged })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('sorting', () => {
  it('sorts by capture time, newest or oldest first, unknown times last', () => {
    const desc = search('', { limit: 500 }).items.map((i) => i.capturedUtc ?? i.capturedLocal ?? '');
    expect(desc).toEqual([...desc].sort().reverse());
    const asc = allIds(vault.db, { query: 'type:video', order: 'asc' });
    const keys = asc.map((id) => items.find((i) => i.id === id)?.capturedAt ?? '');
    expect(keys).toEqual([...keys].sort());
  });

  it('sorts by import time', () => {
    const page = search('', { sort: 'imported', limit: 200 }).items.map((i) => i.importedAt);
    expect(page).toEqual([...page].sort().reverse());
  });

  it('ranks by relevance: a word in the title before the same word in the notes', () => {
    const result = search('zurich', { sort: 'relevance' });
    expect(result.sort).toBe('relevance');
    expect(result.items.map((i) => i.id)).toEqual([fixture.ids.canon, fixture.ids.samsung]);
  });

  it('falls back to capture time, and says so, when there are no words to rank by', () => {
    const result = search('tag:police', { sort: 'relevance' });
    expect(result.sort).toBe('captured');
    expect(result.notes.join(' ')).toMatch(/relevance needs words/);
  });
});

describe('facets', () => {
  it('counts types, tags and cases over every match, not just the page', () => {
    for (const query of ['petropavlovsk OR вброс', 'type:video', '', 'case:"Petropavlovsk PS 660"']) {
      const result = search(query, { limit: 3 });
      const matched = new Set(allIds(vault.db, { query }));
      const mine = items.filter((i) => matched.has(i.id));
      const count = (values: string[]): Map<string, number> => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
      const asMap = (list: readonly { value: string; count: number }[]): Map<string, number> => new Map(list.map((f) => [f.value, f.count]));
      expect(result.total, query).toBe(mine.length);
      expect(asMap(result.facets?.types ?? []), query).toEqual(count(mine.map((i) => i.kind)));
      expect(asMap(result.facets?.tags ?? []), query).toEqual(count(mine.flatMap((i) => i.tags)));
      expect(asMap(result.facets?.cases ?? []), query).toEqual(count(mine.flatMap((i) => i.cases)));
    }
  });

  it('lists tags most used first, and leaves facets out of later pages unless asked', () => {
    const first = search('');
    const counts = first.facets?.tags.map((t) => t.count) ?? [];
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const next = search('', { cursor: first.nextCursor ?? '' });
    expect(next.facets).toBeNull();
    expect(next.total).toBe(first.total);
  });

  it('sees changes made after an earlier search (the counts are not stale)', async () => {
    const engine: Engine = createEngine({ actor: 'tamga-test' });
    const writer = await unlockVaultForWriting(engine);
    try {
      const before = (await engine.searchItems({ query: 'tag:"fresh tag"' })).total;
      await engine.tagItems({ items: [fixture.ids.canon], tags: ['fresh tag'] });
      const after = await engine.searchItems({ query: '' });
      expect(before).toBe(0);
      expect(after.facets?.tags).toContainEqual({ value: 'fresh tag', count: 1 });
      await engine.untagItems({ items: [fixture.ids.canon], tags: ['fresh tag'] });
      expect((await engine.searchItems({ query: '' })).facets?.tags.map((t) => t.value)).not.toContain('fresh tag');
    } finally {
      await writer();
    }
  });
});

/** The read-only handle steps aside while the engine writes (the engine takes the writer lock). */
async function unlockVaultForWriting(engine: Engine): Promise<() => Promise<void>> {
  vault.close();
  await engine.unlockVault({ path: fixture.root, passphrase: PASSPHRASE });
  return async () => {
    await engine.close();
    vault = await unlockVault(fixture.root, PASSPHRASE, { readonly: true });
  };
}

describe('the query as understood, and odd input', () => {
  it('prints the query back with its implied parts made explicit', () => {
    expect(search('Petro  tag:"ballot stuffing" -type:photo after:2021-01').understood).toBe('Petro* AND tag:"ballot stuffing" AND -type:photo AND after:2021-01');
    expect(search('(almaty OR astana) NOT has:gps').understood).toBe('(almaty* OR astana*) AND -has:gps');
  });

  it('answers every hostile or broken query with results and notes, never an exception', () => {
    const all = search('').total;
    const odd: Array<[string, (r: SearchResult) => void]> = [
      ['!!! ??? ... ;;;', (r) => expect(r.total).toBe(all)],
      ['"polling station', (r) => expect(r.understood).toBe('"polling station"')],
      ['"', (r) => expect(r.total).toBe(all)],
      ['*', (r) => expect(r.total).toBe(all)],
      ['NEAR(', (r) => expect(r.notes.join(' ')).toMatch(/not closed/)],
      ['NEAR(ballot stuffing, 2)', (r) => expect(r.understood).toBe('NEAR* AND ballot* AND stuffing* AND 2*')],
      ["'; DROP TABLE items; --", (r) => expect(r.total).toBe(0)],
      ['title:x OR {camera}:y ^z', (r) => expect(r.notes).toEqual([])],
      ['((((((((((((((((((((((((((((((petro', (r) => expect(r.understood).toBe('petro*')],
      [')))) OR OR AND NOT -', (r) => expect(r.total).toBe(all)],
      ['x'.repeat(10_000), (r) => expect(r.notes.join(' ')).toMatch(/only the first 2000 were read/)],
      ['а '.repeat(5_000), (r) => expect(r.notes.join(' ')).toMatch(/first 64 terms/)],
      ['\u0000\u0007\u202e\ud800 tag:\u0000', (r) => expect(r.total).toBeGreaterThanOrEqual(0)],
    ];
    for (const [query, check] of odd) {
      const result = search(query);
      check(result);
    }
    expect(search('').total).toBe(all);
  });

  it('rejects operator values that cannot mean anything, naming the operator and the value', () => {
    const bad: Array<[string, RegExp]> = [
      ['after:yesterday', /after: needs a date .* "yesterday"/],
      ['before:2021-02-30', /before: needs a date .* "2021-02-30"/],
      ['type:audio', /type: takes photo, video or other; "audio"/],
      ['has:wings', /has: takes gps, .*; "wings"/],
      ['near:91,0,1', /near: latitude must be between/],
      ['near:54.87,69.16,0', /near: the radius must be more than 0/],
      ['sha256:xyz', /sha256: takes the start of a SHA-256 in hex/],
      ['taken:..', /taken: needs at least one date/],
    ];
    for (const [query, message] of bad) {
      expect(() => search(query), query).toThrow(expect.objectContaining({ code: 'QUERY_INVALID', message: expect.stringMatching(message) }));
    }
  });

  it('checks the request itself', () => {
    expect(() => search('', { limit: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => search('', { limit: 501 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => searchItems(vault.db, { query: 42 as unknown as string })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => search('', { sort: 'size' as 'captured' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('treats an unknown field:value as a word (times, URLs) rather than an error', () => {
    expect(search('10:30').understood).toBe('10:30*');
    expect(search('near:54,69').understood).toBe('near:54,69,1');
  });
});
