/**
 * Photo import: distinct 12 MP JPEGs with camera EXIF (200; 40 with --quick), counted in
 * photos/s including metadata and both encrypted thumbnails, against sharp alone making the
 * same two sizes from the same files with two photos in flight (the machine's two cores).
 */
import sharp from 'sharp';
import { createEngine } from '../../src/main/engine/api';
import { hashFiles } from '../baselines';
import { interleaved } from '../measure';
import type { Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, photoFolder, type BenchContext } from './context';

async function sharpOnly(files: readonly string[]): Promise<void> {
  const queue = [...files];
  const lane = async (): Promise<void> => {
    for (let f = queue.shift(); f !== undefined; f = queue.shift()) {
      const preview = await sharp(f).rotate().resize(1280, 1280, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
      await sharp(preview).resize(256, 256, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer();
    }
  };
  await Promise.all([lane(), lane()]);
}

export async function benchPhotos(ctx: BenchContext): Promise<Row[]> {
  const { dir, files } = await photoFolder(ctx);
  const count = files.length;
  await hashFiles(files, 'sha256'); // into the page cache

  const m = await interleaved(
    {
      tamga: async () => {
        const root = await freshVault(ctx, 'photos-vault');
        const engine = createEngine({ actor: 'tamga-bench' });
        await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
        const start = performance.now();
        const summary = await engine.importFiles({ paths: [dir] });
        const ms = performance.now() - start;
        await engine.close();
        if (summary.imported.length !== count) throw new Error(`imported ${summary.imported.length} of ${count} photos`);
        return ms;
      },
      sharp: () => sharpOnly(files),
    },
    { runs: ctx.quick ? 1 : 3, warmup: 0 },
  );
  const perSecond = (name: string): number => count / ((m[name]?.medianMs ?? Number.NaN) / 1000);
  const tamga = perSecond('tamga');
  return [
    {
      section: 'Photo import (page cache warm)',
      what: `${count} × 12 MP JPEG: hash, encrypt, EXIF, 256 px + 1280 px thumbnails, index`,
      value: tamga,
      unit: 'photos/s',
      baseline: { what: 'sharp alone, the same 2 sizes', value: perSecond('sharp'), unit: 'photos/s' },
      ratio: tamga / perSecond('sharp'),
      goal: { text: '≥ 0.9× sharp alone', met: tamga / perSecond('sharp') >= 0.9 },
    },
  ];
}
