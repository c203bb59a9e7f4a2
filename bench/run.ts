/**
 * `npm run bench [-- --quick]`: Tamga's speed on this machine, each figure next to a
 * baseline measured in the same run on the same bytes, with the goals from the issues.
 * Writes bench/results/<date>-<host>.json. Inputs are generated into bench/tmp and removed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, hostname, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createEngine } from '../src/main/engine/api';
import { createVault, unlockVault } from '../src/main/engine/vault/vault';
import { writePhotos, writeRandomFile } from './inputs';
import { measure, peakRss } from './measure';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = values.quick === true;
const TMP = join(import.meta.dirname, 'tmp');
const RESULTS = join(import.meta.dirname, 'results');
const PASSPHRASE = 'benchmark passphrase, not a secret';
const MiB = 1024 * 1024;

interface Row {
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly what: string; readonly value: number };
  readonly ratio?: number;
  readonly goal?: string;
}
const rows: Row[] = [];
const mbps = (bytes: number, ms: number): number => bytes / MiB / (ms / 1000);

async function sha256Stream(path: string): Promise<void> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) hash.update(chunk as Buffer);
  hash.digest();
}

async function freshVault(name: string): Promise<string> {
  const root = join(TMP, name);
  await rm(root, { recursive: true, force: true });
  (await createVault(root, PASSPHRASE)).close();
  return root;
}

async function benchUnlock(): Promise<void> {
  const root = await freshVault('unlock');
  const m = await measure('unlock', { runs: quick ? 3 : 7, warmup: 1 }, async () => (await unlockVault(root, PASSPHRASE)).close());
  rows.push({ what: 'unlock at default KDF (scrypt N=2^17, r=8, p=1)', value: m.medianMs, unit: 'ms', goal: '≥ 300 ms per guess (DESIGN), interactive' });
}

async function benchLargeImport(): Promise<void> {
  const size = (quick ? 256 : 1024) * MiB;
  const file = join(TMP, 'large.mov');
  await writeRandomFile(file, size);
  const runs = quick ? 2 : 3;
  await sha256Stream(file); // warms the page cache: every figure below reads from memory
  const node = await measure('node sha256', { runs, warmup: 1 }, () => sha256Stream(file));
  const coreutils = await measure('sha256sum', { runs, warmup: 0 }, async () => {
    spawnSync('sha256sum', [file]);
  });
  const disk = await measure('dd conv=fsync', { runs, warmup: 0 }, async () => {
    spawnSync('dd', [`if=${file}`, `of=${join(TMP, 'dd.out')}`, 'bs=4M', 'conv=fsync'], { stdio: 'ignore' });
    await rm(join(TMP, 'dd.out'));
  });
  let peak = 0;
  const tamga = await measure('tamga import', { runs, warmup: 0 }, async () => {
    const root = await freshVault('large');
    const engine = createEngine();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    const { peakBytes } = await peakRss(() => engine.importFiles({ paths: [file] }));
    peak = Math.max(peak, peakBytes);
    await engine.close();
  });
  const t = mbps(size, tamga.medianMs);
  const label = `import of one ${size / MiB} MiB file (page cache warm)`;
  rows.push({ what: label, value: t, unit: 'MiB/s', baseline: { what: 'Node SHA-256 alone', value: mbps(size, node.medianMs) }, ratio: node.medianMs / tamga.medianMs, goal: '≥ 0.7×' });
  rows.push({ what: label, value: t, unit: 'MiB/s', baseline: { what: 'sha256sum', value: mbps(size, coreutils.medianMs) }, ratio: coreutils.medianMs / tamga.medianMs, goal: '≥ 3×' });
  rows.push({ what: label, value: t, unit: 'MiB/s', baseline: { what: 'dd conv=fsync (durable copy)', value: mbps(size, disk.medianMs) }, ratio: disk.medianMs / tamga.medianMs, goal: 'disk speed' });
  rows.push({ what: 'peak RSS while importing it', value: peak / 1e6, unit: 'MB', goal: '≤ 200 MB' });
  await rm(file);
}

async function benchPhotos(): Promise<void> {
  const count = quick ? 40 : 200;
  const dir = join(TMP, 'photos');
  await rm(dir, { recursive: true, force: true });
  await writePhotos(dir, count);
  const files = (await readdir(dir)).map((f) => join(dir, f));
  // Baseline: sharp alone making the same two sizes, two photos in flight (2 cores).
  const sharpOnly = await measure('sharp thumbnails', { runs: 1, warmup: 0 }, async () => {
    const queue = [...files];
    const worker = async (): Promise<void> => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
        const preview = await sharp(f).rotate().resize(1280, 1280, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
        await sharp(preview).resize(256, 256, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
      }
    };
    await Promise.all([worker(), worker()]);
  });
  const tamga = await measure('tamga photo import', { runs: 1, warmup: 0 }, async () => {
    const root = await freshVault('photos-vault');
    const engine = createEngine();
    await engine.unlockVault({ path: root, passphrase: PASSPHRASE });
    await engine.importFiles({ paths: [dir] });
    await engine.close();
  });
  const perSecond = (ms: number): number => count / (ms / 1000);
  rows.push({
    what: `photo import, ${count} × 12 MP JPEG (metadata + 2 thumbnails)`,
    value: perSecond(tamga.medianMs),
    unit: 'photos/s',
    baseline: { what: 'sharp alone, same 2 sizes', value: perSecond(sharpOnly.medianMs) },
    ratio: sharpOnly.medianMs / tamga.medianMs,
    goal: '≥ 25 photos/s',
  });
}

function printTable(): void {
  const fmt = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(2));
  for (const r of rows) {
    const base = r.baseline ? ` | ${r.baseline.what}: ${fmt(r.baseline.value)} ${r.unit} | ratio ${fmt(r.ratio ?? 0)}×` : '';
    process.stdout.write(`${r.what}: ${fmt(r.value)} ${r.unit}${base}${r.goal ? ` | goal ${r.goal}` : ''}\n`);
  }
}

await mkdir(TMP, { recursive: true });
await mkdir(RESULTS, { recursive: true });
try {
  await benchUnlock();
  await benchLargeImport();
  await benchPhotos();
} finally {
  await rm(TMP, { recursive: true, force: true });
}
printTable();
const stamp = new Date().toISOString().slice(0, 10);
const out = join(RESULTS, `${stamp}-${hostname()}${quick ? '-quick' : ''}.json`);
await writeFile(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), host: hostname(), cpus: cpus().length, memoryBytes: totalmem(), node: process.version, quick, pageCache: 'warm (inputs were read once before timing)', rows }, null, 2)}\n`,
);
process.stdout.write(`\nwrote ${out} (${(await stat(out)).size} bytes)\n`);
