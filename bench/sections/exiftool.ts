/**
 * The ExifTool fallback's cost. Two rows, each Tamga's import with the fallback against the
 * same import with it turned off (TAMGA_EXIFTOOL=off), interleaved, same files:
 * - the real JPEG, HEIC and MP4 fixtures Tamga's own readers read fully (capture time, camera,
 *   size): the fallback must not start, so the ratio should be ~1.0;
 * - the camera-formats fixtures (CR3, CRW, RAF, RW2, MRW, X3F, JPEG XL), which only ExifTool
 *   reads: the price of reading them (one Perl process started per import run, then ~tens of
 *   ms a file).
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createEngine } from '../../src/main/engine/api';
import { fileByteSource } from '../../src/main/engine/metadata/byte-source';
import { wantsExifTool } from '../../src/main/engine/metadata/exiftool/fallback';
import { extractMetadata } from '../../src/main/engine/metadata/extract';
import { hashFiles } from '../baselines';
import { interleaved } from '../measure';
import type { Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, type BenchContext } from './context';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
}

/** The real JPEG, HEIC and MP4 files whose metadata Tamga's own readers read fully. */
async function fullyRead(): Promise<string[]> {
  const out: string[] = [];
  for (const path of await filesUnder(join(FIXTURES, 'real'))) {
    if (!/\.(jpe?g|heic|mp4)$/i.test(path)) continue;
    const source = await fileByteSource(path);
    try {
      const meta = await extractMetadata(source, { name: basename(path) });
      if (!wantsExifTool(meta) && (meta.kind === 'video' || meta.captureTime !== null)) out.push(path);
    } finally {
      await source.close();
    }
  }
  return out;
}

async function importOnce(ctx: BenchContext, name: string, paths: readonly string[], exiftool: 'on' | 'off'): Promise<number> {
  const root = await freshVault(ctx, name);
  const engine = createEngine({ actor: 'tamga-bench' });
  await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
  const before = process.env.TAMGA_EXIFTOOL;
  if (exiftool === 'off') process.env.TAMGA_EXIFTOOL = 'off';
  else delete process.env.TAMGA_EXIFTOOL;
  try {
    const start = performance.now();
    const summary = await engine.importFiles({ paths: [...paths] });
    const ms = performance.now() - start;
    if (summary.imported.length !== paths.length) throw new Error(`imported ${summary.imported.length} of ${paths.length} files`);
    return ms;
  } finally {
    if (before === undefined) delete process.env.TAMGA_EXIFTOOL;
    else process.env.TAMGA_EXIFTOOL = before;
    await engine.close();
  }
}

async function row(ctx: BenchContext, section: string, what: string, paths: readonly string[]): Promise<Row> {
  await hashFiles(paths, 'sha256'); // into the page cache
  const m = await interleaved(
    {
      on: () => importOnce(ctx, 'exiftool-on', paths, 'on'),
      off: () => importOnce(ctx, 'exiftool-off', paths, 'off'),
    },
    { runs: ctx.quick ? 1 : 3, warmup: 1 },
  );
  const perSecond = (name: string): number => paths.length / ((m[name]?.medianMs ?? Number.NaN) / 1000);
  const on = perSecond('on');
  return {
    section,
    what: `${paths.length} files, ${what}`,
    value: on,
    unit: 'files/s',
    baseline: { what: 'the same import, fallback off', value: perSecond('off'), unit: 'files/s' },
    ratio: on / perSecond('off'),
  };
}

export async function benchExifTool(ctx: BenchContext): Promise<Row[]> {
  const full = await fullyRead();
  const formats = await filesUnder(join(FIXTURES, 'camera-formats'));
  const first = await row(ctx, 'ExifTool fallback: JPEG/HEIC/MP4 Tamga reads fully', 'fallback on (never started)', full);
  const second = await row(ctx, 'ExifTool fallback: formats only ExifTool reads', 'CR3 CRW RAF RW2 MRW X3F JXL, fallback on', formats);
  return [{ ...first, goal: { text: 'ratio ≥ 0.9 (not slowed)', met: (first.ratio ?? 0) >= 0.9 } }, second];
}
