/**
 * Export throughput: one large exhibit (1 GiB, or 256 MiB with --quick) exported as a
 * folder and as a zip, against Node's SHA-256 of the same file in the same run (page cache
 * warm), with the peak RSS of the export (streams only: it must not grow with the file).
 *
 * `benchBundleExport` is what bench/run.ts calls; run alone with
 * `node --import tsx bench/bundle-bench.ts [--quick]`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { exportBundle } from '../src/main/engine/bundle/export/export';
import { runImport } from '../src/main/engine/ingest/import-run';
import { createVault, unlockVault } from '../src/main/engine/vault/vault';
import { writeRandomFile } from './inputs';
import { measure, peakRss } from './measure';

const MiB = 1024 * 1024;
const PASSPHRASE = 'benchmark passphrase, not a secret';

export interface BundleBenchRow {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly what: string; readonly value: number };
  readonly ratio?: number;
  readonly goal?: string;
}

async function sha256Stream(path: string): Promise<void> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  hash.digest();
}

export async function benchBundleExport(options: { readonly quick: boolean; readonly tmp: string }): Promise<BundleBenchRow[]> {
  const size = (options.quick ? 256 : 1024) * MiB;
  const runs = options.quick ? 2 : 3;
  const dir = join(options.tmp, 'bundle-bench');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'large.mov');
  const root = join(dir, 'vault');
  try {
    await writeRandomFile(file, size);
    (await createVault(root, PASSPHRASE)).close();
    const vault = await unlockVault(root, PASSPHRASE);
    try {
      const env = { db: vault.db, store: vault.store, signer: vault.signer, actor: vault.actor, vaultRoot: root, hashes: [] };
      const itemId = (await runImport(env, { paths: [file] })).imported[0]?.itemId ?? '';
      await rm(file);
      // The baseline reads the same bytes from the same kind of place: the archived blob, warm.
      const blob = vault.store.path('blobs', vault.db.prepare('SELECT blob_id FROM items WHERE id = ?').pluck().get(itemId) as string);
      await sha256Stream(blob);
      const node = await measure('node sha256', { runs, warmup: 1 }, () => sha256Stream(blob));
      // The disk's ceiling: a durable copy of as many bytes (a folder export writes and fsyncs them too).
      const disk = await measure('dd conv=fsync', { runs, warmup: 0 }, async () => {
        spawnSync('dd', [`if=${blob}`, `of=${join(dir, 'dd.out')}`, 'bs=4M', 'conv=fsync'], { stdio: 'ignore' });
        await rm(join(dir, 'dd.out'));
      });
      const mbps = (ms: number): number => size / MiB / (ms / 1000);
      const rows: BundleBenchRow[] = [];
      for (const format of ['directory', 'zip'] as const) {
        let peak = 0;
        const times: number[] = [];
        for (let n = 0; n < runs; n++) {
          const outPath = join(dir, `bundle-${n}${format === 'zip' ? '.zip' : ''}`);
          const start = performance.now();
          const { peakBytes } = await peakRss(() => exportBundle(vault, { selection: { kind: 'items', items: [itemId] }, outPath }));
          times.push(performance.now() - start);
          peak = Math.max(peak, peakBytes);
          // Removing the bundle is not part of the export: outside the timing.
          await rm(outPath, { recursive: true, force: true });
        }
        const m = { medianMs: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0 };
        const label = `export of one ${size / MiB} MiB exhibit as a ${format} (decrypt + SHA-256 + SHA-512 + write + fsync)`;
        rows.push({ what: label, value: mbps(m.medianMs), unit: 'MiB/s', baseline: { what: 'Node SHA-256 alone', value: mbps(node.medianMs) }, ratio: node.medianMs / m.medianMs });
        rows.push({ what: label, value: mbps(m.medianMs), unit: 'MiB/s', baseline: { what: 'dd conv=fsync (durable copy)', value: mbps(disk.medianMs) }, ratio: disk.medianMs / m.medianMs });
        rows.push({ what: `peak RSS while exporting it as a ${format}`, value: peak / 1e6, unit: 'MB', goal: 'flat: independent of the exhibit size' });
      }
      return rows;
    } finally {
      vault.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const rows = await benchBundleExport({ quick: values.quick === true, tmp: join(import.meta.dirname, 'tmp') });
  for (const r of rows) {
    const base = r.baseline ? ` | ${r.baseline.what}: ${r.baseline.value.toFixed(0)} ${r.unit} | ratio ${(r.ratio ?? 0).toFixed(2)}×` : '';
    process.stdout.write(`${r.what}: ${r.value.toFixed(1)} ${r.unit}${base}${r.goal ? ` | goal ${r.goal}` : ''}\n`);
  }
}
