/**
 * A synthetic vault for search benchmarks: 100 000 items (by default) with realistic
 * capture dates clustered on election and protest days, places with coordinates,
 * cameras, tags, titles, descriptions and notes in English and Russian, cases, and one
 * acquisition each.
 *
 * FOR BENCHMARKS ONLY. The items are index rows and nothing else: they have no encrypted
 * originals, no thumbnails and no custody chain, so `tamga audit` reports every one of
 * them (BLOB_MISSING, ITEM_WITHOUT_CUSTODY), and organising them fails (a chain must
 * start with `acquired`). That is on purpose: these rows must never pass for evidence.
 * The vault records `synthetic_items` in its settings so that anyone can tell.
 *
 * Rows go straight into the index with prepared statements, in transactions of 20 000;
 * the search triggers of migration 5 index them as they go.
 *
 *   node --import tsx bench/synthetic-vault.ts <new vault folder> [--count 100000] [--seed 1]
 *
 * The passphrase is TAMGA_PASSPHRASE, or the benchmark passphrase below.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { IndexDb } from '../src/main/engine/db/open-index';
import { createVault } from '../src/main/engine/vault/vault';
import { CASES } from './synthetic-data';
import { syntheticItem, type SyntheticItem } from './synthetic-item';

export const BENCH_PASSPHRASE = 'benchmark passphrase, not a secret';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same vault. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  readonly count: number;
  readonly seed?: number;
  /** Called after each batch with the items written so far. */
  readonly onProgress?: (done: number) => void;
}

/** Items per transaction. */
const BATCH = 20_000;

/** Adds `count` synthetic items (and the cases, if missing) to an open index. */
export function addSyntheticItems(db: IndexDb, options: SyntheticOptions): { items: number; cases: number } {
  const random = prng(options.seed ?? 1);
  const insertItem = db.prepare(
    `INSERT INTO items (id, sha256, size, blob_id, imported_at, kind, format, mime, original_name, captured_utc, captured_local,
       capture_source, gps_lat, gps_lon, make, model, width, height, duration_seconds, metadata_json, metadata_problem_count,
       thumb_status, title, description, notes, place)
     VALUES (@id, @sha256, @size, @blobId, @importedAt, @kind, @format, @mime, @originalName, @capturedUtc, @capturedLocal,
       @captureSource, @gpsLat, @gpsLon, @make, @model, @width, @height, @durationSeconds, @metadataJson, 0,
       'none', @title, @description, @notes, @place)`,
  );
  const insertTag = db.prepare('INSERT OR IGNORE INTO item_tags (item_id, tag) VALUES (?, ?)');
  const insertAcquisition = db.prepare(
    'INSERT INTO acquisitions (item_id, source_path, file_size, file_modified, acquired_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertCase = db.prepare('INSERT OR IGNORE INTO cases (id, name, description, created_at) VALUES (?, ?, ?, ?)');
  const insertMember = db.prepare('INSERT OR IGNORE INTO case_items (case_id, item_id, added_at) VALUES (?, ?, ?)');

  const caseIds = db.transaction(() => {
    CASES.forEach((name, i) => insertCase.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name, `Synthetic case ${i + 1} (benchmark data).`, '2024-01-01T00:00:00.000Z'));
    return db.prepare('SELECT id FROM cases WHERE name IN (' + CASES.map(() => '?').join(', ') + ')').pluck().all(...CASES) as string[];
  })();
  // Batches of BATCH items, one transaction each: a million items in one transaction
  // would hold the whole WAL (gigabytes) until the end, and a progress line per batch
  // shows a long generation is moving.
  const batch = db.transaction((n: number) => {
    // Tags go in before their item (foreign keys checked at commit): the item's insert
    // trigger then indexes its tags once, instead of once per tag.
    db.pragma('defer_foreign_keys = ON');
    for (let i = 0; i < n; i++) {
      const item: SyntheticItem = syntheticItem(random);
      for (const tag of item.tags) insertTag.run(item.row.id, tag);
      insertItem.run(item.row);
      insertAcquisition.run(item.row.id, item.sourcePath, item.row.size, item.row.capturedUtc, item.row.importedAt);
      for (const c of item.caseSlots) {
        const caseId = caseIds[c % caseIds.length];
        if (caseId !== undefined) insertMember.run(caseId, item.row.id, item.row.importedAt);
      }
    }
  });
  for (let done = 0; done < options.count; ) {
    const n = Math.min(BATCH, options.count - done);
    batch(n);
    done += n;
    options.onProgress?.(done);
  }
  const previous = Number(db.prepare("SELECT value FROM settings WHERE key = 'synthetic_items'").pluck().get() ?? 0);
  db.prepare("INSERT INTO settings (key, value) VALUES ('synthetic_items', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    String(previous + options.count),
  );
  return { items: options.count, cases: CASES.length };
}

/** Creates a new vault at `root` filled with synthetic items; returns the seconds it took to fill. */
export async function createSyntheticVault(root: string, options: SyntheticOptions, passphrase = BENCH_PASSPHRASE): Promise<number> {
  const vault = await createVault(root, passphrase);
  try {
    const started = performance.now();
    addSyntheticItems(vault.db, options);
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    return (performance.now() - started) / 1000;
  } finally {
    vault.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { count: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } },
  });
  const root = positionals[0];
  if (root === undefined) throw new Error('usage: node --import tsx bench/synthetic-vault.ts <new vault folder> [--count N] [--seed S]');
  const count = Number(values.count);
  const seconds = await createSyntheticVault(root, { count, seed: Number(values.seed) }, process.env.TAMGA_PASSPHRASE ?? BENCH_PASSPHRASE);
  process.stdout.write(`${count} synthetic items written to ${root} in ${seconds.toFixed(1)} s (benchmark data: audit will report every one)\n`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
