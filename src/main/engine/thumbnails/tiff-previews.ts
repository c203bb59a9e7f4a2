/**
 * Finds the JPEG previews embedded in TIFF-based files (camera raw: DNG, CR2, NEF, ARW, ORF,
 * RW2, PEF …; also plain TIFF). A raw file's sensor data cannot be shown by sharp (it reads a
 * DNG's IFD0, usually a tiny thumbnail, and refuses a CR2's old-style JPEG), but every camera
 * stores a ready-made JPEG rendering of the photo, often full size: that is the best preview.
 *
 * Reads only the TIFF header and IFDs through the ByteSource (a few KiB), never the sensor
 * data. Guarded against hostile files: a bounded number of IFDs and entries, each IFD visited
 * once, every offset checked against the file size.
 */
import type { ByteSource } from '../metadata/byte-source';
import { MAX_EMBEDDED_PREVIEW_BYTES } from './limits';

export interface EmbeddedJpeg {
  readonly offset: number;
  readonly length: number;
  /** From the IFD when it says; otherwise read from the JPEG itself later. */
  readonly width: number | null;
  readonly height: number | null;
}

export interface TiffLayout {
  /** IFD0's Orientation (1–8), which applies to the embedded previews too. */
  readonly orientation: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | null;
  /**
   * IFD0, the image sharp would decode; null only when IFD0 is known to hold sensor data
   * (an unreadable IFD0 is still left to sharp to judge).
   */
  readonly main: { readonly width: number | null; readonly height: number | null } | null;
  readonly jpegs: readonly EmbeddedJpeg[];
}

const MAX_IFDS = 32;
const MAX_ENTRIES = 1024;
const MAX_SUB_IFDS = 16;
/** Smaller than this cannot be a useful JPEG (and skips raw files' "<Dummy>" stand-ins). */
const MIN_JPEG_BYTES = 128;

const TAG = {
  width: 0x100,
  height: 0x101,
  compression: 0x103,
  photometric: 0x106,
  stripOffsets: 0x111,
  orientation: 0x112,
  stripByteCounts: 0x117,
  subIfds: 0x14a,
  jpegTables: 0x15b,
  jpegOffset: 0x201,
  jpegLength: 0x202,
} as const;

/** Photometric values of sensor data (colour filter array, linear raw): not a picture. */
const SENSOR_DATA = new Set([32803, 34892]);
/** TIFF magic numbers: standard, Olympus ORF ('RO', 'RS'), Panasonic RW2. */
const MAGICS = new Set([42, 0x4f52, 0x5352, 0x55]);

/** Byte sizes of TIFF field types; unknown types are skipped. */
const TYPE_SIZE: Readonly<Record<number, number>> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };

interface Entry {
  readonly type: number;
  readonly count: number;
  /** The 4-byte value/offset field. */
  readonly field: Buffer;
}

class Reader {
  constructor(
    private readonly source: ByteSource,
    private readonly little: boolean,
  ) {}

  u16(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt16LE(at) : buf.readUInt16BE(at);
  }

  u32(buf: Buffer, at: number): number {
    return this.little ? buf.readUInt32LE(at) : buf.readUInt32BE(at);
  }

  async bytes(offset: number, length: number): Promise<Buffer | null> {
    if (offset < 0 || length < 0 || offset + length > this.source.size) return null;
    const got = await this.source.read(offset, length);
    return got.length === length ? got : null;
  }

  /** The first value of a SHORT/LONG/IFD entry (all the tags we use are single numbers). */
  async first(entry: Entry | undefined): Promise<number | null> {
    if (entry === undefined || entry.count < 1) return null;
    if (entry.type === 3) {
      if (entry.count <= 2) return this.u16(entry.field, 0);
      const at = await this.bytes(this.u32(entry.field, 0), 2);
      return at === null ? null : this.u16(at, 0);
    }
    if (entry.type === 4 || entry.type === 13) {
      if (entry.count === 1) return this.u32(entry.field, 0);
      const at = await this.bytes(this.u32(entry.field, 0), 4);
      return at === null ? null : this.u32(at, 0);
    }
    return null;
  }

  /** All values of a LONG/IFD entry, at most `max`. */
  async longs(entry: Entry | undefined, max: number): Promise<number[]> {
    if (entry === undefined || (entry.type !== 4 && entry.type !== 13) || entry.count < 1) return [];
    const count = Math.min(entry.count, max);
    if (entry.count === 1) return [this.u32(entry.field, 0)];
    const data = await this.bytes(this.u32(entry.field, 0), count * 4);
    if (data === null) return [];
    return Array.from({ length: count }, (_, i) => this.u32(data, i * 4));
  }
}

async function readIfd(reader: Reader, offset: number): Promise<{ entries: Map<number, Entry>; next: number } | null> {
  const head = await reader.bytes(offset, 2);
  if (head === null) return null;
  const count = reader.u16(head, 0);
  if (count === 0 || count > MAX_ENTRIES) return null;
  const body = await reader.bytes(offset + 2, count * 12 + 4);
  if (body === null) return null;
  const entries = new Map<number, Entry>();
  for (let i = 0; i < count; i++) {
    const at = i * 12;
    const tag = reader.u16(body, at);
    const type = reader.u16(body, at + 2);
    if (TYPE_SIZE[type] === undefined || entries.has(tag)) continue;
    entries.set(tag, { type, count: reader.u32(body, at + 4), field: body.subarray(at + 8, at + 12) });
  }
  return { entries, next: reader.u32(body, count * 12) };
}

function isOrientation(value: number | null): value is 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 {
  return value !== null && Number.isInteger(value) && value >= 1 && value <= 8;
}

/** Reads the layout, or null when this is not a TIFF-based file we understand. Never throws. */
export async function readTiffLayout(source: ByteSource): Promise<TiffLayout | null> {
  try {
    return await readLayout(source);
  } catch {
    return null;
  }
}

async function readLayout(source: ByteSource): Promise<TiffLayout | null> {
  const header = await source.read(0, 8);
  if (header.length < 8) return null;
  const order = header.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const reader = new Reader(source, order === 'II');
  if (!MAGICS.has(reader.u16(header, 2))) return null;

  const jpegs: EmbeddedJpeg[] = [];
  const seen = new Set<number>();
  let orientation: TiffLayout['orientation'] = null;
  let main: TiffLayout['main'] = { width: null, height: null };
  // Breadth-first over IFD0's chain and the SubIFDs of each.
  const queue: { offset: number; isIfd0: boolean }[] = [{ offset: reader.u32(header, 4), isIfd0: true }];

  while (queue.length > 0 && seen.size < MAX_IFDS) {
    const { offset, isIfd0 } = queue.shift() ?? { offset: 0, isIfd0: false };
    if (offset < 8 || offset >= source.size || seen.has(offset)) continue;
    seen.add(offset);
    const ifd = await readIfd(reader, offset);
    if (ifd === null) continue;
    const { entries } = ifd;
    const get = (tag: number): Promise<number | null> => reader.first(entries.get(tag));

    const width = await get(TAG.width);
    const height = await get(TAG.height);
    const compression = await get(TAG.compression);
    const photometric = await get(TAG.photometric);
    const sensorData = photometric !== null && SENSOR_DATA.has(photometric);

    if (isIfd0) {
      const value = await get(TAG.orientation);
      if (isOrientation(value)) orientation = value;
      main = sensorData ? null : { width, height };
    }

    // An "old JPEG" style pointer to a complete JPEG file (NEF previews, TIFF thumbnails).
    const jpegOffset = await get(TAG.jpegOffset);
    const jpegLength = await get(TAG.jpegLength);
    if (jpegOffset !== null && jpegLength !== null) addCandidate(jpegs, source.size, jpegOffset, jpegLength, null, null);

    // A single JPEG-compressed strip that is a complete JPEG of a picture (CR2 IFD0, DNG
    // previews). With JPEGTables or RGB photometric the strip is not a standalone JPEG file.
    if (
      (compression === 6 || compression === 7) &&
      !sensorData &&
      !entries.has(TAG.jpegTables) &&
      (photometric === null || photometric === 6) &&
      entries.get(TAG.stripOffsets)?.count === 1
    ) {
      const stripOffset = await get(TAG.stripOffsets);
      const stripLength = await get(TAG.stripByteCounts);
      if (stripOffset !== null && stripLength !== null) addCandidate(jpegs, source.size, stripOffset, stripLength, width, height);
    }

    for (const sub of await reader.longs(entries.get(TAG.subIfds), MAX_SUB_IFDS)) queue.push({ offset: sub, isIfd0: false });
    if (ifd.next !== 0) queue.push({ offset: ifd.next, isIfd0: false });
  }
  return { orientation, main, jpegs };
}

function addCandidate(list: EmbeddedJpeg[], size: number, offset: number, length: number, width: number | null, height: number | null): void {
  if (length < MIN_JPEG_BYTES || length > MAX_EMBEDDED_PREVIEW_BYTES || offset <= 0 || offset + length > size) return;
  if (list.some((j) => j.offset === offset)) return;
  list.push({ offset, length, width: width !== null && width > 0 ? width : null, height: height !== null && height > 0 ? height : null });
}
