// The HEIC decoder's worker: time limit, cancel, size limit; a stopped worker is replaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHeicWorkers, decodeHeic } from '../../src/main/engine/thumbnails/heic';
import { FIXTURES } from '../helpers/thumbnail-fixtures';

afterAll(closeHeicWorkers);

const cheers = readFileSync(join(FIXTURES, 'real/mei/cheers_1440x960.heic'));

describe('decodeHeic', () => {
  it('decodes to RGBA of the stated size', async () => {
    const image = await decodeHeic(cheers);
    expect([image.width, image.height]).toEqual([1440, 960]);
    expect(image.rgba.length).toBe(1440 * 960 * 4);
  });

  it('ends a decode that runs over its time limit, and decodes again afterwards', async () => {
    await expect(decodeHeic(readFileSync(join(FIXTURES, 'real/mei/IMG_2927.HEIC')), undefined, 50)).rejects.toThrow(/took too long/);
    const image = await decodeHeic(cheers);
    expect(image.width).toBe(1440);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    const pending = decodeHeic(readFileSync(join(FIXTURES, 'real/mei/IMG_2927.HEIC')), controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/stopped/);
  });

  it('fails in words on damaged files, one after another', async () => {
    for (const name of ['malformed/trunc/heic_cut_half.heic', 'malformed/trunc/heic_cut_300.heic', 'malformed/struct/heic_iloc_size_huge.heic']) {
      await expect(decodeHeic(readFileSync(join(FIXTURES, name)))).rejects.toThrow(/could not be decoded|damaged/);
    }
    expect((await decodeHeic(cheers)).height).toBe(960);
  });

  it('decodes two files at once', async () => {
    const [a, b] = await Promise.all([decodeHeic(cheers), decodeHeic(cheers)]);
    expect(a.width).toBe(b.width);
  });
});
