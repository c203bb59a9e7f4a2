/**
 * Search on the synthetic 100 000-item vault (bench/search-bench.ts builds it and times a
 * fixed mixed set of queries through the engine facade, as the window asks them). The
 * baseline is the goal itself: there is no other program answering these queries.
 */
import { join } from 'node:path';
import { benchSearch } from '../search-bench';
import type { Row } from '../report';
import type { BenchContext } from './context';

export async function benchSearchSection(ctx: BenchContext): Promise<Row[]> {
  const r = await benchSearch({ workDir: join(ctx.tmp, 'search'), items: 100_000, queries: ctx.quick ? 300 : 1000 });
  const section = `Search, ${r.items} items${r.generateSeconds === null ? '' : ` (vault generated in ${r.generateSeconds.toFixed(0)} s)`}`;
  const what = `${r.firstPage.n} mixed queries: first page of 100, total and facets`;
  return [
    { section, what: `${what}, p50`, value: r.firstPage.p50, unit: 'ms' },
    { section, what: `${what}, p95`, value: r.firstPage.p95, unit: 'ms', goal: { text: 'p95 ≤ 20 ms', met: r.firstPage.p95 <= 20 } },
    { section, what: `${what}, p99`, value: r.firstPage.p99, unit: 'ms' },
    { section, what: `the next page of each (${r.nextPage.n}), p95`, value: r.nextPage.p95, unit: 'ms' },
    { section, what: 'open the vault (unlock, scrypt included) + first query', value: r.openMs + r.firstQueryMs, unit: 'ms' },
    ...Object.entries(r.byKind)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([kind, p]): Row => ({ section, what: `  ${kind} (${p.n}), p95`, value: p.p95, unit: 'ms' })),
  ];
}
