/**
 * Search speed at scale: builds (or reuses) a synthetic vault of 100 000 items, opens it
 * the way the app does, and times a mixed set of 1 000 queries through the engine
 * facade, each the request the window makes when the query changes (first page of 100,
 * total and facets), plus the next page of each. Reports p50/p95/p99 overall and per
 * kind of query, and the time to open the vault and show the first result.
 *
 *   node --import tsx bench/search-bench.ts [--vault DIR] [--items 100000] [--queries 1000]
 *
 * `npm run bench` calls benchSearch(). Never part of `npm test`: building the vault alone
 * takes about half a minute.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/main/engine/api';
import { mixedQueries } from './search-queries';
import { BENCH_PASSPHRASE, createSyntheticVault, prng } from './synthetic-vault';

export interface Percentiles {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

export interface SearchBenchResult {
  readonly items: number;
  /** Seconds to generate the synthetic vault; null when an existing one was used. */
  readonly generateSeconds: number | null;
  /** Unlock (scrypt, index open, schema check) until the vault answers. */
  readonly openMs: number;
  /** The first search after opening: the empty query, as the window shows it. */
  readonly firstQueryMs: number;
  readonly firstPage: Percentiles;
  readonly nextPage: Percentiles;
  readonly byKind: Readonly<Record<string, Percentiles>>;
}

export interface SearchBenchOptions {
  /** An existing synthetic vault (made by synthetic-vault.ts with the benchmark passphrase). */
  readonly vault?: string;
  /** Where to build one when `vault` is not given; removed afterwards. */
  readonly workDir?: string;
  readonly items?: number;
  readonly queries?: number;
  readonly seed?: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

export async function benchSearch(options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const items = options.items ?? 100_000;
  const workDir = options.workDir ?? join(import.meta.dirname, 'tmp', 'search');
  let root = options.vault;
  let generateSeconds: number | null = null;
  if (root === undefined) {
    root = join(workDir, 'vault');
    await rm(root, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    generateSeconds = await createSyntheticVault(root, { count: items, seed: options.seed ?? 1 });
  }
  const engine = createEngine({ actor: 'tamga-bench' });
  try {
    let started = performance.now();
    const info = await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
    const openMs = performance.now() - started;
    started = performance.now();
    await engine.searchItems({ query: '' });
    const firstQueryMs = performance.now() - started;

    const queries = mixedQueries(options.queries ?? 1000, prng((options.seed ?? 1) + 1));
    const firstPage: number[] = [];
    const nextPage: number[] = [];
    const byKind = new Map<string, number[]>();
    for (const { kind, query } of queries) {
      started = performance.now();
      const result = await engine.searchItems({ query });
      const ms = performance.now() - started;
      firstPage.push(ms);
      byKind.set(kind, [...(byKind.get(kind) ?? []), ms]);
      if (result.nextCursor !== null) {
        started = performance.now();
        await engine.searchItems({ query, cursor: result.nextCursor });
        nextPage.push(performance.now() - started);
      }
    }
    return {
      items: info.itemCount,
      generateSeconds,
      openMs,
      firstQueryMs,
      firstPage: percentiles(firstPage),
      nextPage: percentiles(nextPage),
      byKind: Object.fromEntries([...byKind].map(([kind, samples]) => [kind, percentiles(samples)])),
    };
  } finally {
    await engine.close();
    if (options.vault === undefined) await rm(root, { recursive: true, force: true });
  }
}

function printResult(r: SearchBenchResult): void {
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const line = (label: string, p: Percentiles): string => `${label.padEnd(22)} n=${String(p.n).padStart(4)}  p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}\n`;
  process.stdout.write(`${r.items} items${r.generateSeconds === null ? '' : `, generated in ${r.generateSeconds.toFixed(1)} s`}\n`);
  process.stdout.write(`open (unlock) ${ms(r.openMs)}; first query ${ms(r.firstQueryMs)}; together ${ms(r.openMs + r.firstQueryMs)}\n`);
  process.stdout.write(line('first page + facets', r.firstPage) + line('next page', r.nextPage));
  for (const [kind, p] of Object.entries(r.byKind).sort()) process.stdout.write(line(`  ${kind}`, p));
  process.stdout.write('goal: p95 ≤ 20 ms (issue 4)\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { vault: { type: 'string' }, items: { type: 'string', default: '100000' }, queries: { type: 'string', default: '1000' } },
  });
  if (values.vault !== undefined && !existsSync(values.vault)) throw new Error(`No vault at ${values.vault}; make one with bench/synthetic-vault.ts.`);
  printResult(
    await benchSearch({
      ...(values.vault === undefined ? {} : { vault: values.vault }),
      items: Number(values.items),
      queries: Number(values.queries),
    }),
  );
}
