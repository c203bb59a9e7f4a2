// Whichever road a page takes (looking hits up, probing a walk of the index, or walking
// with the hit bitmap and falling back when the walk runs long), people see the same
// items in the same order, page after page.
import { describe, expect, it } from 'vitest';
import { collectHits, withHits, type Hits } from '../../src/main/engine/search/hits';
import { pageRows, pageSql, type PagePlan, type Road } from '../../src/main/engine/search/page';
import { sql } from '../../src/main/engine/search/sql';
import { addItem, memoryIndex } from '../helpers/search-db';

function vaultWithClusteredHits(): { db: ReturnType<typeof memoryIndex>; hits: Hits } {
  const db = memoryIndex();
  // 1 500 items captured over four years; those imported in 2024 were all captured in
  // 2020, the oldest end of a newest-first walk. Many share a capture second (ties).
  for (let i = 0; i < 1500; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(i / 3) * 86_400_000 * 2.9).toISOString();
    addItem(db, { capturedUtc: day, importedAt: i < 300 ? '2024-05-01T00:00:00.000Z' : '2023-01-01T00:00:00.000Z' });
  }
  const hits = collectHits(db, { where: sql`s.imported_at >= ${'2024'}`, match: null, docs: null }, 1500);
  return { db, hits };
}

function pages(db: ReturnType<typeof memoryIndex>, plan: PagePlan, road: Road | 'budgeted'): string[] {
  const ids: string[] = [];
  let after: PagePlan['after'] = null;
  for (;;) {
    const p: PagePlan = { ...plan, after };
    const page = withHits(db, plan.hits, () => {
      if (road === 'budgeted') return pageRows(db, { ...p, walkBudget: 50 });
      const statement = pageSql(p, road);
      const rows = db.prepare(statement.text).all(...statement.params) as Array<{ id: string; doc: number; k: string }>;
      return { rows: rows.slice(0, p.limit), more: rows.length > p.limit };
    });
    ids.push(...page.rows.map((r) => r.id));
    const last = page.rows.at(-1);
    if (!page.more || last === undefined) return ids;
    after = { key: last.k, doc: last.doc };
  }
}

describe('the roads to a page', () => {
  it('give the same items in the same order, newest and oldest first, by capture and import time', () => {
    const { db, hits } = vaultWithClusteredHits();
    expect(hits.docs).toHaveLength(300);
    for (const sort of ['captured', 'imported'] as const) {
      for (const order of ['desc', 'asc'] as const) {
        const plan: PagePlan = { sort, order, limit: 40, after: null, match: null, hits, bounds: { from: null, to: null } };
        const lookup = pages(db, plan, 'lookup');
        expect(lookup).toHaveLength(300);
        expect(new Set(lookup).size).toBe(300);
        expect(pages(db, plan, 'probe')).toEqual(lookup);
        expect(pages(db, plan, 'walk')).toEqual(lookup);
        expect(pages(db, plan, 'budgeted')).toEqual(lookup);
      }
    }
  });

  it('agree when the query has date bounds the walk starts from', () => {
    const { db } = vaultWithClusteredHits();
    const bounds = { from: '2020-03-01', to: '2020-04-01' };
    const hits = collectHits(db, { where: sql`s.captured_at >= ${bounds.from} AND s.captured_at < ${bounds.to}`, match: null, docs: null }, 1500);
    const plan: PagePlan = { sort: 'captured', order: 'desc', limit: 7, after: null, match: null, hits, bounds };
    const lookup = pages(db, plan, 'lookup');
    expect(lookup).toHaveLength(hits.docs.length);
    for (const road of ['probe', 'walk', 'budgeted'] as const) expect(pages(db, plan, road), road).toEqual(lookup);
  });

  it('jump to an offset the same way whichever road: a deep jump goes to the probe without spending the walk budget', () => {
    const db = memoryIndex();
    // Enough matches (16 000 of 20 000) for the walk road.
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) addItem(db, { capturedUtc: new Date(Date.UTC(2021, 0, 1) + i * 60_000).toISOString(), importedAt: i % 5 === 0 ? '2023-01-01T00:00:00.000Z' : '2024-05-01T00:00:00.000Z' });
    })();
    const hits = collectHits(db, { where: sql`s.imported_at >= ${'2024'}`, match: null, docs: null }, 20_000);
    expect(hits.docs).toHaveLength(16_000);
    for (const offset of [0, 100, 2_000, 15_950]) {
      const plan: PagePlan = { sort: 'captured', order: 'desc', limit: 40, after: null, offset, match: null, hits, bounds: { from: null, to: null } };
      const expected = withHits(db, hits, () => {
        const statement = pageSql(plan, 'lookup');
        return (db.prepare(statement.text).all(...statement.params) as Array<{ id: string }>).slice(0, 40).map((r) => r.id);
      });
      expect(expected, `offset ${offset}`).toHaveLength(Math.min(40, 16_000 - offset));
      // A budget of 1 000 entries: offsets past it go to the probe at once, the first ones walk.
      for (const walkBudget of [1_000, 20_000]) expect(withHits(db, hits, () => pageRows(db, { ...plan, walkBudget }).rows.map((r) => r.id)), `offset ${offset}, budget ${walkBudget}`).toEqual(expected);
    }
  });
});
