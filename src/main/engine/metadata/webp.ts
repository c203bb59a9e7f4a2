/**
 * WebP's RIFF container: the canvas size (VP8X, or the VP8/VP8L frame header for simple
 * files) and the EXIF and XMP chunks, which exifr does not read from WebP. Chunk sizes are
 * untrusted: each is clamped to the data, and the walk stops after 10 000 chunks.
 */
import type { PixelSize } from '../../../shared/metadata';
import { statedSize } from './image-size';
import type { Problems } from './problems';

export interface WebpFacts {
  readonly size: PixelSize | null;
  /** The EXIF chunk as a bare TIFF payload (a leading "Exif\0\0" is removed). */
  readonly exif: Buffer | null;
  readonly xmp: Buffer | null;
  readonly chunks: readonly string[];
}

function frameSize(fourcc: string, data: Buffer): { width: number; height: number } | null {
  if (fourcc === 'VP8X' && data.length >= 10) return { width: 1 + data.readUIntLE(4, 3), height: 1 + data.readUIntLE(7, 3) };
  if (fourcc === 'VP8 ' && data.length >= 10 && data[3] === 0x9d && data[4] === 0x01 && data[5] === 0x2a) {
    return { width: data.readUInt16LE(6) & 0x3fff, height: data.readUInt16LE(8) & 0x3fff };
  }
  if (fourcc === 'VP8L' && data.length >= 5 && data[0] === 0x2f) {
    const bits = data.readUInt32LE(1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return null;
}

export function readWebp(buf: Buffer, problems: Problems): WebpFacts {
  let size: { width: number; height: number } | null = null;
  let fromCanvas = false;
  let exif: Buffer | null = null;
  let xmp: Buffer | null = null;
  const chunks: string[] = [];
  let pos = 12;
  for (let n = 0; n < 10_000 && pos + 8 <= buf.length; n++) {
    const fourcc = buf.toString('latin1', pos, pos + 4);
    const declared = buf.readUInt32LE(pos + 4);
    const start = pos + 8;
    const end = Math.min(buf.length, start + declared);
    if (start + declared > buf.length) problems.add(`The WebP chunk '${fourcc}' at byte ${pos} claims ${declared} bytes but the file ends first.`);
    const data = buf.subarray(start, end);
    chunks.push(fourcc);
    const frame = frameSize(fourcc, data);
    if (frame && (!size || (fourcc === 'VP8X' && !fromCanvas))) {
      size = frame;
      fromCanvas = fourcc === 'VP8X';
    }
    if (fourcc === 'EXIF' && !exif) exif = data.toString('latin1', 0, 6) === 'Exif\0\0' ? data.subarray(6) : data;
    if (fourcc === 'XMP ' && !xmp) xmp = data;
    // Chunks are padded to an even length.
    pos = start + declared + (declared % 2);
  }
  if (!size) problems.add('The WebP file has no readable frame header; no pixel size.');
  return { size: size ? statedSize(size.width, size.height, 'webp-header', 'WebP header', problems) : null, exif, xmp, chunks };
}
