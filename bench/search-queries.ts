/**
 * The mixed set of queries the search benchmark runs (search-bench.ts): what a lawyer or
 * an observer types, in proportions we expect — mostly words and one or two filters,
 * some combinations, a few broad ones. Drawn from the synthetic vault's own vocabulary
 * (synthetic-data.ts) with a seeded PRNG, so every run times the same queries.
 */
import { CASES, CAMERAS, EVENT_DAYS, PLACES, TAGS } from './synthetic-data';

export interface BenchQuery {
  readonly kind: string;
  readonly query: string;
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const quote = (s: string): string => (/\s/.test(s) ? `"${s}"` : s);

const WORDS = ['ballot', 'stuffing', 'police', 'observers', 'commission', 'protocol', 'crowd', 'tear gas', 'вброс', 'бюллетеней', 'наблюдателей', 'ОМОН', 'протокол', 'толпа', 'задерживает', 'akimat', 'ambulance'];

function day(random: Random): string {
  return random() < 0.6 ? pick(random, EVENT_DAYS)[0] : `20${18 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
}

function near(random: Random): string {
  const p = pick(random, PLACES);
  return `near:${p.lat.toFixed(3)},${p.lon.toFixed(3)},${pick(random, [1, 2, 5, 10])}`;
}

/** [weight, maker] pairs; weights sum to 100. */
const MAKERS: ReadonlyArray<readonly [number, string, (r: Random) => string]> = [
  [14, 'word', (r) => pick(r, WORDS)],
  [10, 'place', (r) => (r() < 0.5 ? pick(r, PLACES).en : pick(r, PLACES).ru)],
  [6, 'words', (r) => `${pick(r, PLACES).en} ${pick(r, WORDS)}`],
  [6, 'phrase', (r) => pick(r, ['"polling station"', '"ballot stuffing"', '"избирательный участок"', `"polling station ${100 + Math.floor(r() * 900)}"`])],
  [4, 'camera', (r) => `camera:${quote(pick(r, CAMERAS)[1])}`],
  [12, 'tag', (r) => `tag:${quote(pick(r, TAGS))}`],
  [7, 'case', (r) => `case:${quote(pick(r, CASES))}`],
  [10, 'date', (r) => pick(r, [`taken:${day(r)}`, `after:${day(r)} before:${day(r)}`, `taken:${day(r).slice(0, 7)}`, `imported:${day(r).slice(0, 7)}`])],
  [8, 'near', near],
  [4, 'sha256', (r) => `sha256:${Math.floor(r() * 0xffffff).toString(16).padStart(6, '0').slice(0, 2 + Math.floor(r() * 4))}`],
  [10, 'combined', (r) => pick(r, [`${pick(r, PLACES).en} tag:${quote(pick(r, TAGS))}`, `type:video taken:${day(r)}`, `${near(r)} type:photo`, `${pick(r, WORDS)} -tag:${quote(pick(r, TAGS))}`, `case:${quote(pick(r, CASES))} has:gps`])],
  [4, 'or', (r) => `${pick(r, WORDS)} OR ${pick(r, WORDS)}`],
  [3, 'broad', (r) => pick(r, ['type:video', 'has:gps', '-type:photo', 'has:title', 'a', 'в'])],
  [2, 'everything', () => ''],
];

export function mixedQueries(count: number, random: Random): BenchQuery[] {
  const out: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let r = random() * 100;
    for (const [weight, kind, make] of MAKERS) {
      if (r < weight) {
        out.push({ kind, query: make(random) });
        break;
      }
      r -= weight;
    }
  }
  return out;
}
