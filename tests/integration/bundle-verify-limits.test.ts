// Verify's limits, as a user meets them: a large exhibit is checked in fixed memory (the
// file is streamed, never held), a time limit stops the check and fails it instead of
// passing a half-checked bundle, a cancel does the same, tag files over the size cap are
// named, and progress counts up to the bytes to hash.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyProgress } from '../../src/shared/bundle';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { buildBundle, fingerprintOf, newSigner, writeBundleDir } from '../helpers/bundle-verify-fixture';
import { bundleEntries, rawZip } from '../helpers/bundle-verify-zip';
import { ROOT } from '../helpers/child-process';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

const MiB = 1024 * 1024;
const BIG = 256 * MiB;
let folder: string;
let zip: string;
const signer = newSigner();
const key = fingerprintOf(signer);

beforeAll(async () => {
  const files = buildBundle(signer, [
    { originalName: 'VID_0001.MP4', content: randomBytes(BIG) },
    { originalName: 'IMG_0002.JPG', content: randomBytes(4096) },
  ]);
  const dir = await tempDir('tamga-verify-limits-');
  folder = await writeBundleDir(join(dir, 'bundle'), files);
  zip = join(dir, 'bundle.zip');
  await writeFile(zip, rawZip(bundleEntries(files)));
}, 120_000);
afterAll(removeTempDirs);

type RssResult = { valid: boolean; checkedBytes: number; beforeRssBytes: number; peakRssBytes: number };

function rssChild(bundle: string): Promise<RssResult> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'tests/helpers/bundle-verify-rss-child.ts'), bundle, key], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as RssResult) : reject(new Error(`child exited ${String(code)}`))));
  });
}

describe('verify within fixed limits', () => {
  it.each([
    ['folder', () => folder],
    ['zip', () => zip],
  ])('checks a 256 MiB exhibit in a %s holding under 80 MB for the check', async (_kind, bundle) => {
    const result = await rssChild(bundle());
    expect(result.valid).toBe(true);
    expect(result.checkedBytes).toBeGreaterThan(BIG);
    // What verify itself holds (its buffers, the hashing thread and its ring: ~40 MB here),
    // over the engine as loaded. Not the absolute peak: the engine loaded through tsx is
    // already ~150 MB, and how much of that the loader leaves uncollected varies by tens
    // of MB between runs, which is the loader's and not the check's.
    expect(result.peakRssBytes - result.beforeRssBytes).toBeLessThan(80e6);
  });

  it('fails a bundle the time limit stopped, saying it was not checked in full', async () => {
    const report = await verifyBundle({ path: folder, limits: { timeLimitMs: 30 } });
    expect(report).toMatchObject({ valid: false, complete: false });
    expect(report.problems.map((p) => p.code)).toContain('TIME_LIMIT');
    expect(report.exhibits.every((e) => e.status === 'FAIL' && e.summary === 'Not fully checked: the time limit was reached.')).toBe(true);
  });

  it('fails a cancelled check the same way', async () => {
    const controller = new AbortController();
    const report = await verifyBundle({ path: zip }, { signal: controller.signal, onProgress: (p) => p.bytesDone > 0 && controller.abort() });
    expect(report).toMatchObject({ valid: false, complete: false });
    expect(report.problems.at(-1)?.message).toMatch(/cancelled before it finished/);
  });

  it('names each file that is too large to read into memory for its contents', async () => {
    const report = await verifyBundle({ path: folder, limits: { maxTagFileBytes: 300 } });
    expect(report.valid).toBe(false);
    const large = report.problems.filter((p) => p.code === 'TAG_FILE_TOO_LARGE').map((p) => p.path);
    expect(large).toEqual(expect.arrayContaining(['manifest-sha512.txt', 'metadata/exhibits.json', 'metadata/custody/E0001.jsonl']));
    expect(report.exhibits.map((e) => e.status)).toEqual(['FAIL', 'FAIL']);
  });

  it.each([
    ['folder', () => folder],
    ['zip', () => zip],
  ])('refuses to read a file in a %s larger than maxFileBytes, failing its exhibit', async (_kind, bundle) => {
    const report = await verifyBundle({ path: bundle(), key, limits: { maxFileBytes: 64 * MiB } });
    expect(report.problems.map((p) => [p.code, p.path])).toEqual([['ENTRY_TOO_LARGE', 'data/E0001_VID_0001.MP4']]);
    expect(report.exhibits.map((e) => [e.number, e.status])).toEqual([
      ['E0001', 'FAIL'],
      ['E0002', 'PASS'],
    ]);
    expect(report.checkedBytes).toBeLessThan(MiB);
  });

  it('reports progress up to every byte it hashes', async () => {
    const seen: VerifyProgress[] = [];
    const report = await verifyBundle({ path: folder, key }, { onProgress: (p) => seen.push(p) });
    expect(report.valid).toBe(true);
    expect(seen.at(-1)).toMatchObject({ phase: 'finished', bytesDone: report.checkedBytes, bytesTotal: report.checkedBytes });
    expect(seen.some((p) => p.phase === 'payload' && p.currentPath === 'data/E0001_VID_0001.MP4')).toBe(true);
  });
});
