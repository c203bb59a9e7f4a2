/**
 * Makes a damaged EXIF block safe and worth reading before exifr sees it. exifr drops a
 * whole IFD when one entry is bad (an unknown value type, a value pointing past the block,
 * an entry count running past the end), and it allocates arrays as large as a count field
 * claims. Real cameras write such entries (one corrupt XResolution cost a Sony file its
 * date and position), and hostile files use them to ask for gigabytes.
 *
 * So the TIFF structure that exifr will parse (IFD0, the EXIF and GPS IFDs) is checked
 * first, and in a copy of the bytes each bad entry is made empty (type UNDEFINED, count 0)
 * and an impossible entry count is cut to what fits. One broken entry then costs that entry,
 * and a problem sentence says which. The original bytes are never changed.
 */
import type { Problems } from './problems';

/** Bytes per value of each TIFF type (1–13), as exifr reads them. */
const TYPE_SIZE = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4] as const;

const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;

interface Ifd {
  readonly name: string;
  readonly offset: number;
}

/** How many bad entries of one directory are named one by one; beyond, they are counted. */
const NAMED_BAD_ENTRIES = 3;

/** Returns `tiff` itself when nothing needed repair, else a repaired copy. */
export function repairExif(tiff: Buffer, problems: Problems): Buffer {
  const len = tiff.length;
  if (len < 8) return tiff;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return tiff;
  const le = order === 'II';
  let out: Buffer | null = null;
  const view = (): Buffer => out ?? tiff;
  const writable = (): Buffer => (out ??= Buffer.from(tiff));
  const u16 = (at: number): number => (le ? view().readUInt16LE(at) : view().readUInt16BE(at));
  const u32 = (at: number): number => (le ? view().readUInt32LE(at) : view().readUInt32BE(at));
  const put16 = (at: number, v: number): void => void (le ? writable().writeUInt16LE(v, at) : writable().writeUInt16BE(v, at));
  const put32 = (at: number, v: number): void => void (le ? writable().writeUInt32LE(v, at) : writable().writeUInt32BE(v, at));

  const queue: Ifd[] = [{ name: 'IFD0', offset: u32(4) }];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const ifd = queue.shift() as Ifd;
    if (seen.has(ifd.offset) || ifd.offset < 8 || ifd.offset + 2 > len) continue;
    seen.add(ifd.offset);
    const declared = u16(ifd.offset);
    const fits = Math.floor((len - ifd.offset - 2) / 12);
    let count = declared;
    if (declared > fits) {
      // The real entries are followed by whatever bytes come next. TIFF keeps tags in
      // ascending order, so the first tag out of order marks where the directory really ends.
      count = fits;
      for (let i = 1; i < fits; i++) {
        if (u16(ifd.offset + 2 + i * 12) <= u16(ifd.offset + 2 + (i - 1) * 12)) {
          count = i;
          break;
        }
      }
      problems.add(`The EXIF ${ifd.name} directory claims ${declared} entries but only ${fits} fit in the ${len}-byte block; the first ${count} (up to the first tag out of order) were read.`);
      put16(ifd.offset, count);
    }
    const bad: string[] = [];
    for (let i = 0; i < count; i++) {
      const at = ifd.offset + 2 + i * 12;
      const tag = u16(at);
      const type = u16(at + 2);
      const n = u32(at + 4);
      const size = (TYPE_SIZE[type] ?? 0) * n;
      let why: string | null = null;
      if (type < 1 || type > 13) why = `has an unknown value type (${type})`;
      else if (size > 4 && u32(at + 8) + size > len) why = `claims ${size} bytes at byte ${u32(at + 8)}, past the end of the ${len}-byte block`;
      if (why) {
        bad.push(`entry 0x${tag.toString(16).padStart(4, '0')} ${why}`);
        put16(at + 2, 7);
        put32(at + 4, 0);
        continue;
      }
      if (ifd.name === 'IFD0' && (tag === TAG_EXIF_IFD || tag === TAG_GPS_IFD) && n === 1 && (type === 4 || type === 13)) {
        const name = tag === TAG_EXIF_IFD ? 'EXIF' : 'GPS';
        const target = u32(at + 8);
        if (seen.has(target) || queue.some((q) => q.offset === target)) {
          // A loop (or two blocks sharing one directory): exifr would read IFD0 again as EXIF.
          bad.push(`entry 0x${tag.toString(16).padStart(4, '0')} points the ${name} directory back at an earlier one (a loop)`);
          put16(at + 2, 7);
          put32(at + 4, 0);
        } else {
          queue.push({ name, offset: target });
        }
      }
    }
    const next = ifd.offset + 2 + count * 12;
    if (ifd.name === 'IFD0' && next + 4 <= len && seen.has(u32(next))) {
      // exifr does not follow this pointer (no thumbnails are read), but it is worth saying.
      problems.add('The EXIF IFD0 directory links back to itself as its next directory (a loop); the link was not followed.');
    }
    if (bad.length > 0 && bad.length <= NAMED_BAD_ENTRIES) {
      for (const b of bad) problems.add(`EXIF ${ifd.name} ${b}; it was skipped.`);
    } else if (bad.length > 0) {
      problems.add(`${bad.length} of the ${count} entries of the EXIF ${ifd.name} directory are unreadable (unknown value types, or values past the end of the block); they were skipped.`);
    }
  }
  return out ?? tiff;
}
