/** Shared helpers of the thumbnail tests: the real fixture files and checks on thumbnails. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { expect } from 'vitest';
import { bufferByteSource } from '../../src/main/engine/metadata/byte-source';
import { sniff, SNIFF_BYTES } from '../../src/main/engine/metadata/sniff';
import type { Thumbnail, ThumbnailRequest } from '../../src/main/engine/thumbnails/make-thumbnails';

export { FIXTURES } from './fixtures';
import { FIXTURES } from './fixtures';

/** Every file under `dir`, as paths relative to FIXTURES, sorted. */
export function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(FIXTURES, full));
    }
  };
  walk(join(FIXTURES, dir));
  return out.sort();
}

/** A request as the importer makes it: kind and format from the real sniffer, bytes from memory. */
export function requestFor(fixture: string, extra: Partial<ThumbnailRequest> = {}): ThumbnailRequest {
  const bytes = readFileSync(join(FIXTURES, fixture));
  const sniffed = sniff(bytes.subarray(0, SNIFF_BYTES));
  return { source: bufferByteSource(bytes), kind: sniffed.kind, format: sniffed.format, ...extra };
}

/** APP1 (EXIF, XMP), APP2 (ICC), APP13 (IPTC) segments of a JPEG, by marker walking. */
export function metadataSegments(jpeg: Buffer): string[] {
  const found: string[] = [];
  let at = 2;
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1] ?? 0;
    if (marker === 0xda) break; // Start of scan: no more headers.
    const length = jpeg.readUInt16BE(at + 2);
    if (marker === 0xe1 || marker === 0xe2 || marker === 0xed) found.push(`APP${String(marker - 0xe0)}`);
    at += 2 + length;
  }
  return found;
}

/** A thumbnail is a decodable JPEG of the size it claims, within `longSide`, without metadata. */
export async function expectCleanJpeg(thumb: Thumbnail, longSide: number): Promise<void> {
  expect(thumb.mime).toBe('image/jpeg');
  expect(thumb.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(longSide);
  expect(Math.min(thumb.width, thumb.height)).toBeGreaterThan(0);
  const meta = await sharp(thumb.bytes).metadata();
  expect(meta.format).toBe('jpeg');
  expect([meta.width, meta.height]).toEqual([thumb.width, thumb.height]);
  expect(meta.exif).toBeUndefined();
  expect(meta.xmp).toBeUndefined();
  expect(meta.icc).toBeUndefined();
  expect(meta.orientation).toBeUndefined();
  expect(metadataSegments(thumb.bytes)).toEqual([]);
  // It decodes to pixels, not just a header.
  const { info } = await sharp(thumb.bytes).raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([thumb.width, thumb.height]);
}

/** The mean colour of a region of a JPEG, as [r, g, b]. */
export async function meanColour(jpeg: Buffer, region: { left: number; top: number; width: number; height: number }): Promise<number[]> {
  // stats() looks at its input, not at the pipeline's output: cut the region out first.
  const cut = await sharp(jpeg).extract(region).png().toBuffer();
  const stats = await sharp(cut).stats();
  return stats.channels.slice(0, 3).map((c) => Math.round(c.mean));
}
