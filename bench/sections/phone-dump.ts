/**
 * Import of a phone dump: 50 000 small files (2 000 with --quick), nine in ten small JPEGs
 * (640×480) and one in ten short MP4 videos, in folders of 1 000 as a phone's DCIM export
 * has them. Generated cheaply: one encoded JPEG and one fixture video, each copy made
 * distinct content by a numbered comment (a JPEG COM segment; an MP4 `free` box at the
 * end), so every file is a new item with its thumbnails and metadata, none a duplicate.
 * Reported: files/s over the first and the last tenth of the files (a rate that falls as
 * the vault grows would show here) and the growth of this process's peak RSS over the run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { createEngine } from '../../src/main/engine/api';
import { peakRss } from '../measure';
import type { Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, type BenchContext } from './context';

const VIDEO = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'real', 'jcodec', 'orientation.mp4');
const PER_FOLDER = 1000;

/** The JPEG with a COM segment saying `n` right after its SOI marker. */
function numberedJpeg(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`tamga bench phone dump ${n}`, 'latin1');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** The MP4 with a top-level `free` box holding `n` at its end. */
function numberedMp4(mp4: Buffer, n: number): Buffer {
  const text = Buffer.from(`tamga bench phone dump ${n}`, 'latin1');
  const box = Buffer.alloc(8 + text.length);
  box.writeUInt32BE(box.length, 0);
  box.write('free', 4, 'latin1');
  text.copy(box, 8);
  return Buffer.concat([mp4, box]);
}

async function writeDump(dir: string, count: number): Promise<void> {
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
    .blur(1.2)
    .jpeg({ quality: 85 })
    .toBuffer();
  const mp4 = await readFile(VIDEO);
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `${100 + Math.floor(i / PER_FOLDER)}APPLE`);
    if (i % PER_FOLDER === 0) await mkdir(folder, { recursive: true });
    const video = i % 10 === 9;
    // One numbering for both, as a phone names them: in name order (the walk's) videos
    // come evenly among the photos, so the first and the last tenth hold the same mix.
    const name = `IMG_${String(i).padStart(5, '0')}.${video ? 'MP4' : 'JPG'}`;
    await writeFile(join(folder, name), video ? numberedMp4(mp4, i) : numberedJpeg(jpeg, i));
  }
}

export async function benchPhoneDump(ctx: BenchContext): Promise<Row[]> {
  const count = ctx.quick ? 2000 : 50_000;
  const dir = join(ctx.tmp, 'phone-dump');
  await writeDump(dir, count);
  const root = await freshVault(ctx, 'phone-dump-vault');
  const engine = createEngine({ actor: 'tamga-bench' });
  await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
  // When each file finished (progress reports every file boundary).
  const doneAt: number[] = [];
  const unsubscribe = engine.subscribe((event) => {
    if (event.type === 'importProgress' && event.progress.phase === 'importing' && event.progress.filesDone > doneAt.length) doneAt.push(performance.now());
  });
  const before = process.memoryUsage.rss();
  let start = 0;
  try {
    const { result, peakBytes } = await peakRss(async () => {
      start = performance.now();
      return engine.importFiles({ paths: [dir] });
    });
    if (result.counts.newItems !== count) throw new Error(`imported ${result.counts.newItems} new items of ${count} files (failed ${result.counts.failed}, skipped ${result.counts.skipped})`);
    const tenth = Math.floor(count / 10);
    const rate = (from: number, to: number): number => (to - from) / (((doneAt[to - 1] ?? Number.NaN) - (from === 0 ? start : (doneAt[from - 1] ?? Number.NaN))) / 1000);
    const first = rate(0, tenth);
    const last = rate(count - tenth, count);
    const section = `Phone dump import (${count} files: 9 in 10 small JPEGs, 1 in 10 short MP4s)`;
    return [
      { section, what: 'files/s over the first tenth of the files', value: first, unit: 'files/s' },
      { section, what: 'files/s over the last tenth (against the first)', value: last, unit: 'files/s', baseline: { what: 'the first tenth', value: first, unit: 'files/s' }, ratio: last / first, goal: { text: '≥ 0.9× the first tenth (steady)', met: last / first >= 0.9 } },
      { section, what: 'growth of the peak RSS of this process over the import', value: (peakBytes - before) / 1e6, unit: 'MB' },
    ];
  } finally {
    unsubscribe();
    await engine.close();
  }
}
