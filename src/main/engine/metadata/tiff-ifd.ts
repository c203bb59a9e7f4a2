/**
 * Just enough of TIFF's IFD structure to find the main image of TIFF-based files (IFD0 is
 * often a thumbnail in DNG and NEF, with the full image in a SubIFD) and to tell DNG and NEF
 * from plain TIFF by content. Bounded: at most 16 IFDs, 4096 entries each, no revisits.
 */
import type { Problems } from './problems';

interface Ifd {
  readonly offset: number;
  readonly subfileType: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly photometric: number | null;
  readonly subIfds: readonly number[];
  readonly next: number;
  readonly make: string | null;
  readonly isDng: boolean;
}

export interface TiffFacts {
  readonly width: number | null;
  readonly height: number | null;
  /** 'dng' or 'nef' when the content says so; else null (plain TIFF, or a raw we do not name). */
  readonly format: 'dng' | 'nef' | null;
}

const TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 6: 1, 7: 1, 8: 2, 9: 4, 13: 4 };
const MAX_IFDS = 16;
const MAX_ENTRIES = 4096;

function readIfd(buf: Buffer, offset: number, le: boolean): Ifd | null {
  if (offset < 8 || offset + 2 > buf.length) return null;
  const u16 = (at: number): number => (le ? buf.readUInt16LE(at) : buf.readUInt16BE(at));
  const u32 = (at: number): number => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const count = Math.min(u16(offset), MAX_ENTRIES);
  let subfileType = 0;
  let width: number | null = null;
  let height: number | null = null;
  let photometric: number | null = null;
  let make: string | null = null;
  let isDng = false;
  const subIfds: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    if (at + 12 > buf.length) break;
    const tag = u16(at);
    const type = u16(at + 2);
    const n = u32(at + 4);
    const size = (TYPE_SIZE[type] ?? 0) * n;
    const valueAt = size <= 4 ? at + 8 : u32(at + 8);
    const scalar = (): number | null => (valueAt + 4 > buf.length ? null : type === 3 ? u16(valueAt) : type === 4 || type === 13 ? u32(valueAt) : null);
    switch (tag) {
      case 0xfe:
        subfileType = scalar() ?? 0;
        break;
      case 0x100:
        width = scalar();
        break;
      case 0x101:
        height = scalar();
        break;
      case 0x106:
        photometric = scalar();
        break;
      case 0x10f:
        if (type === 2 && valueAt + Math.min(n, 64) <= buf.length) make = buf.toString('latin1', valueAt, valueAt + Math.min(n, 64)).replace(/\0.*$/s, '');
        break;
      case 0x14a:
        for (let k = 0; k < Math.min(n, 8); k++) {
          const p = n * 4 <= 4 ? at + 8 : u32(at + 8) + k * 4;
          if (p + 4 <= buf.length) subIfds.push(u32(p));
        }
        break;
      case 0xc612:
        isDng = true;
        break;
      default:
        break;
    }
  }
  const nextAt = offset + 2 + u16(offset) * 12;
  const next = nextAt + 4 <= buf.length ? u32(nextAt) : 0;
  return { offset, subfileType, width, height, photometric, subIfds, next, make, isDng };
}

export function readTiffFacts(buf: Buffer, problems: Problems): TiffFacts | null {
  if (buf.length < 8) {
    problems.add('The TIFF header is truncated.');
    return null;
  }
  const le = buf[0] === 0x49;
  const ifd0Offset = le ? buf.readUInt32LE(4) : buf.readUInt32BE(4);
  const ifd0 = readIfd(buf, ifd0Offset, le);
  if (!ifd0) {
    problems.add(`The TIFF header points its first IFD at byte ${ifd0Offset}, outside the ${buf.length} bytes read; no image size or EXIF.`);
    return null;
  }
  // Main image order: IFD0, its SubIFDs, then the IFD chain.
  const seen = new Set<number>([ifd0.offset]);
  const ifds: Ifd[] = [ifd0];
  const visit = (offset: number): Ifd | null => {
    if (seen.has(offset) || ifds.length >= MAX_IFDS) return null;
    seen.add(offset);
    const ifd = readIfd(buf, offset, le);
    if (ifd) ifds.push(ifd);
    return ifd;
  };
  for (const sub of ifd0.subIfds) visit(sub);
  let next = ifd0.next;
  while (next !== 0 && ifds.length < MAX_IFDS) {
    const ifd = visit(next);
    if (!ifd) break;
    next = ifd.next;
  }
  const main = ifds.find((ifd) => (ifd.subfileType & 1) === 0 && (ifd.width ?? 0) > 0 && (ifd.height ?? 0) > 0);
  const raw = ifds.some((ifd) => ifd.photometric === 32803 || ifd.photometric === 34892);
  const format = ifd0.isDng ? 'dng' : raw && /^NIKON/i.test(ifd0.make ?? '') ? 'nef' : null;
  return { width: main?.width ?? null, height: main?.height ?? null, format };
}
