/**
 * Pixel sizes as containers state them, read from headers only (no image is ever decoded
 * here): GIF's logical screen, BMP's DIB header, and the check every stated size goes
 * through (JPEG's SOF and PNG's IHDR are found in jpeg.ts and png.ts). An implausible size
 * is still reported as stated, with a warning, because it is what the file says; a zero
 * size is not a size and is left out.
 */
import type { PixelSize, PixelSizeSource } from '../../../shared/metadata';
import type { Problems } from './problems';

/** Beyond this many pixels no camera or scanner produced the image; decoding it would be an attack. */
const IMPLAUSIBLE_PIXELS = 2 ** 32;

export function statedSize(width: number, height: number, source: PixelSizeSource, what: string, problems: Problems): PixelSize | null {
  if (width <= 0 || height <= 0) {
    problems.add(`The ${what} states a size of ${width} × ${height} pixels; no pixel size recorded.`);
    return null;
  }
  if (width * height > IMPLAUSIBLE_PIXELS) {
    problems.add(`The ${what} claims ${width} × ${height} pixels, more than any real image; the size is recorded as stated, but the image must not be decoded.`);
  }
  return { width, height, source };
}

export function gifSize(buf: Buffer, problems: Problems): PixelSize | null {
  if (buf.length < 10) {
    problems.add('The GIF header is cut short; no pixel size.');
    return null;
  }
  return statedSize(buf.readUInt16LE(6), buf.readUInt16LE(8), 'gif-header', 'GIF header', problems);
}

export function bmpSize(buf: Buffer, problems: Problems): PixelSize | null {
  if (buf.length < 26) {
    problems.add('The BMP header is cut short; no pixel size.');
    return null;
  }
  const core = buf.readUInt32LE(14) === 12;
  const width = core ? buf.readUInt16LE(18) : buf.readInt32LE(18);
  // A negative height means the rows are stored top-down; the size is its absolute value.
  const height = core ? buf.readUInt16LE(20) : Math.abs(buf.readInt32LE(22));
  return statedSize(width, height, 'bmp-header', 'BMP header', problems);
}

