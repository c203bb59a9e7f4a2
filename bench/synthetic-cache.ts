/**
 * The synthetic vault of the scale benchmark, built once and kept in bench/cache (outside
 * bench/tmp, which every run removes): a million items take minutes to generate, and the
 * vault only reads during the timed queries. The cache key is the generator's own source
 * and the schema version, so a change to either builds a new vault instead of timing a
 * stale one. A generation is written beside its final name and renamed when complete, so
 * an interrupted one is never taken for a finished vault.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS } from '../src/main/engine/db/migrations';
import { createSyntheticVault, type SyntheticOptions } from './synthetic-vault';

export const CACHE_DIR = join(import.meta.dirname, 'cache');

const GENERATOR_FILES = ['synthetic-vault.ts', 'synthetic-item.ts', 'synthetic-data.ts'];

function cacheKey(count: number, seed: number): string {
  const hash = createHash('sha256');
  for (const f of GENERATOR_FILES) hash.update(readFileSync(join(import.meta.dirname, f)));
  hash.update(String(MIGRATIONS.length));
  return `synthetic-${count}-seed${seed}-${hash.digest('hex').slice(0, 12)}`;
}

export interface CachedVault {
  readonly root: string;
  /** Seconds the generation took; null when the cached vault was used. */
  readonly generateSeconds: number | null;
}

/** The cached vault of `count` items, generated first when missing; stale generations are removed. */
export async function cachedSyntheticVault(options: SyntheticOptions): Promise<CachedVault> {
  const seed = options.seed ?? 1;
  const key = cacheKey(options.count, seed);
  const root = join(CACHE_DIR, key);
  await mkdir(CACHE_DIR, { recursive: true });
  const prefix = `synthetic-${options.count}-seed${seed}-`;
  for (const name of await readdir(CACHE_DIR)) if (name.startsWith(prefix) && name !== key) await rm(join(CACHE_DIR, name), { recursive: true, force: true });
  if (existsSync(root)) return { root, generateSeconds: null };
  const partial = `${root}.partial`;
  await rm(partial, { recursive: true, force: true });
  const generateSeconds = await createSyntheticVault(partial, { ...options, seed });
  await rename(partial, root);
  return { root, generateSeconds };
}
