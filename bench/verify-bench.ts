/**
 * `node --import tsx bench/verify-bench.ts [--size-mib N] [--runs N]`: `tamga verify` on a
 * bundle made by Tamga's own export around one large exhibit (1 GiB by default), next to
 * baselines measured in the same run on the same bytes: Node's SHA-256 of the exhibit,
 * Node's SHA-512 of it (the floor for any check of manifest-sha512.txt on this machine),
 * and `sha256sum -c manifest-sha256.txt` (plus `sha512sum -c`, for the same coverage) in
 * the bundle folder. Runs are interleaved so that background load hits all alike, and
 * the page cache is warm. Writes nothing outside bench/tmp/verify, which it removes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine } from '../src/main/engine/api';
import { createVault } from '../src/main/engine/vault/vault';
import { verifyBundle } from '../src/main/engine/bundle/verify/verify';
import { writeRandomFile } from './inputs';

const MiB = 1024 * 1024;
const TAMGA_BIN = join(import.meta.dirname, '..', 'bin', 'tamga.mjs');
const PASSPHRASE = 'benchmark passphrase, not a secret';

export interface VerifyBenchRow {
  readonly what: string;
  readonly medianMs: number;
  readonly mibPerSecond: number;
  /** This row's time ÷ tamga verify's (folder): above 1, verify is faster. */
  readonly verifySpeedup: number;
}

export interface VerifyBenchResult {
  readonly exhibitBytes: number;
  readonly runs: number;
  readonly rows: readonly VerifyBenchRow[];
  /** Goal ≥ 0.8: verify's throughput ÷ Node SHA-256's. */
  readonly verifyVsNodeSha256: number;
}

async function hashFile(path: string, algorithm: string): Promise<void> {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  hash.digest();
}

function inBundle(dir: string, command: string): () => Promise<void> {
  return async () => {
    const run = spawnSync('bash', ['-c', command], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  };
}

async function makeBundles(tmp: string, bytes: number): Promise<{ folder: string; zip: string; exhibit: string }> {
  const source = join(tmp, 'VID_0001.MOV');
  await writeRandomFile(source, bytes);
  const root = join(tmp, 'vault');
  (await createVault(root, PASSPHRASE)).close();
  const engine = createEngine();
  try {
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const { imported } = await engine.importFiles({ paths: [source] });
    const items = imported.map((i) => i.itemId);
    const folder = await engine.exportBundle({ selection: { kind: 'items', items }, outPath: join(tmp, 'bundle') });
    const zip = await engine.exportBundle({ selection: { kind: 'items', items }, outPath: join(tmp, 'bundle.zip') });
    await rm(source);
    return { folder: folder.outPath, zip: zip.outPath, exhibit: join(folder.outPath, folder.exhibits[0]?.path ?? '') };
  } finally {
    await engine.close();
  }
}

export async function benchVerify(options: { sizeMiB?: number; runs?: number } = {}): Promise<VerifyBenchResult> {
  const bytes = (options.sizeMiB ?? 1024) * MiB;
  const runs = options.runs ?? 5;
  const tmp = join(import.meta.dirname, 'tmp', 'verify');
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    const { folder, zip, exhibit } = await makeBundles(tmp, bytes);
    const expectValid = (path: string) => async () => {
      const report = await verifyBundle({ path });
      if (!report.valid) throw new Error(`the bench bundle does not verify: ${JSON.stringify(report.problems)}`);
    };
    const work: ReadonlyArray<readonly [string, () => Promise<void>]> = [
      ['tamga verify (folder)', expectValid(folder)],
      ['tamga verify (zip)', expectValid(zip)],
      ['Node SHA-256 of the exhibit', () => hashFile(exhibit, 'sha256')],
      ['Node SHA-512 of the exhibit', () => hashFile(exhibit, 'sha512')],
      ['tamga verify CLI (folder, with start-up)', inBundle(folder, `${JSON.stringify(process.execPath)} ${JSON.stringify(TAMGA_BIN)} verify . > /dev/null`)],
      ['sha256sum -c manifest-sha256.txt', inBundle(folder, 'sha256sum --quiet -c manifest-sha256.txt')],
      ['sha256sum -c + sha512sum -c (same coverage)', inBundle(folder, 'sha256sum --quiet -c manifest-sha256.txt && sha512sum --quiet -c manifest-sha512.txt')],
    ];
    const times = new Map<string, number[]>(work.map(([name]) => [name, []]));
    for (const [, run] of work) await run(); // warm-up: page cache, JIT, the hashing thread's code
    for (let i = 0; i < runs; i++) {
      for (const [name, run] of work) {
        const start = performance.now();
        await run();
        times.get(name)?.push(performance.now() - start);
      }
    }
    const median = (name: string): number => {
      const sorted = [...(times.get(name) ?? [])].sort((a, b) => a - b);
      return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
    };
    const verifyMs = median('tamga verify (folder)');
    const rows = work.map(([what]) => ({ what, medianMs: median(what), mibPerSecond: bytes / MiB / (median(what) / 1000), verifySpeedup: median(what) / verifyMs }));
    return { exhibitBytes: bytes, runs, rows, verifyVsNodeSha256: median('Node SHA-256 of the exhibit') / verifyMs };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { 'size-mib': { type: 'string' }, runs: { type: 'string' } } });
  const result = await benchVerify({ sizeMiB: Number(values['size-mib'] ?? 1024), runs: Number(values.runs ?? 5) });
  for (const r of result.rows) {
    process.stdout.write(`${r.what.padEnd(44)} ${r.medianMs.toFixed(0).padStart(6)} ms  ${r.mibPerSecond.toFixed(0).padStart(5)} MiB/s  (verify ${r.verifySpeedup.toFixed(2)}× its speed)\n`);
  }
  process.stdout.write(`\ntamga verify ÷ Node SHA-256: ${result.verifyVsNodeSha256.toFixed(2)}× (goal ≥ 0.8×)\n`);
}
