/**
 * Builds small TIFF-based "raw" files in memory, shaped like a DNG: IFD0 a tiny RGB
 * thumbnail (with the Orientation tag), SubIFDs holding a JPEG preview and sensor (CFA)
 * data. The real raw fixtures have their image data replaced by "<Dummy>" stand-ins, so the
 * embedded-preview path needs files of our own.
 */
import sharp from 'sharp';

type Value = { type: 3 | 4; values: number[] } | { type: 4; pointsTo: 'blob'; blob: Buffer } | { type: 13; subIfds: true };

interface IfdSpec {
  readonly entries: ReadonlyMap<number, Value>;
}

const short = (...values: number[]): Value => ({ type: 3, values });
const long = (...values: number[]): Value => ({ type: 4, values });
const blobAt = (blob: Buffer): Value => ({ type: 4, pointsTo: 'blob', blob });

/**
 * Lays out a little-endian TIFF: header, IFD0, then the SubIFDs, then out-of-line values and
 * the image blobs. Offsets of blobs are filled in where an entry says `blobAt`.
 */
function tiff(ifd0: IfdSpec, subs: readonly IfdSpec[]): Buffer {
  const ifdSize = (spec: IfdSpec): number => 2 + spec.entries.size * 12 + 4;
  const ifd0Offset = 8;
  const subOffsets: number[] = [];
  let at = ifd0Offset + ifdSize(ifd0);
  for (const sub of subs) {
    subOffsets.push(at);
    at += ifdSize(sub);
  }
  // Everything that does not fit in 4 bytes, and the blobs, go after the IFDs.
  const tail: Buffer[] = [];
  const place = (bytes: Buffer): number => {
    const offset = at;
    tail.push(bytes);
    at += bytes.length + (bytes.length % 2); // Word-aligned, as TIFF wants.
    if (bytes.length % 2 === 1) tail.push(Buffer.alloc(1));
    return offset;
  };
  const encodeIfd = (spec: IfdSpec): Buffer => {
    const out = Buffer.alloc(ifdSize(spec));
    out.writeUInt16LE(spec.entries.size, 0);
    const tags = [...spec.entries.keys()].sort((a, b) => a - b);
    tags.forEach((tag, i) => {
      const value = spec.entries.get(tag);
      if (value === undefined) return;
      const e = 2 + i * 12;
      out.writeUInt16LE(tag, e);
      out.writeUInt16LE(value.type === 13 ? 13 : value.type, e + 2);
      if ('blob' in value) {
        out.writeUInt32LE(1, e + 4);
        out.writeUInt32LE(place(value.blob), e + 8);
      } else if ('subIfds' in value) {
        out.writeUInt32LE(subOffsets.length, e + 4);
        if (subOffsets.length === 1) out.writeUInt32LE(subOffsets[0] ?? 0, e + 8);
        else {
          const list = Buffer.alloc(subOffsets.length * 4);
          subOffsets.forEach((o, k) => list.writeUInt32LE(o, k * 4));
          out.writeUInt32LE(place(list), e + 8);
        }
      } else {
        const size = value.type === 3 ? 2 : 4;
        const data = Buffer.alloc(value.values.length * size);
        value.values.forEach((v, k) => (size === 2 ? data.writeUInt16LE(v, k * 2) : data.writeUInt32LE(v, k * 4)));
        out.writeUInt32LE(value.values.length, e + 4);
        if (data.length <= 4) data.copy(out, e + 8);
        else out.writeUInt32LE(place(data), e + 8);
      }
    });
    return out; // Next-IFD offset stays 0.
  };
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, ifd0Offset, 0, 0, 0]);
  const ifds = [encodeIfd(ifd0), ...subs.map(encodeIfd)];
  return Buffer.concat([header, ...ifds, ...tail]);
}

export interface RawFixture {
  readonly bytes: Buffer;
  /** The preview JPEG's stored (unrotated) size. */
  readonly preview: { readonly width: number; readonly height: number };
}

/**
 * A DNG-like file. The preview is `width` × `height`, its left half red and its right half
 * blue, so that a test can tell which way it was turned; IFD0 is a 16 × 12 grey thumbnail.
 */
export async function rawWithPreview(options: { width: number; height: number; orientation: number; withSensorData?: boolean }): Promise<RawFixture> {
  const { width, height } = options;
  const half = Math.floor(width / 2);
  const preview = await sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: { create: { width: half, height, channels: 3, background: '#ff0000' } }, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .toBuffer();
  const thumbW = 16;
  const thumbH = 12;
  const thumbPixels = Buffer.alloc(thumbW * thumbH * 3, 0x80);

  const ifd0 = new Map<number, Value>([
    [0xfe, long(1)],
    [0x100, long(thumbW)],
    [0x101, long(thumbH)],
    [0x102, short(8, 8, 8)],
    [0x103, short(1)],
    [0x106, short(2)],
    [0x111, blobAt(thumbPixels)],
    [0x112, short(options.orientation)],
    [0x115, short(3)],
    [0x116, long(thumbH)],
    [0x117, long(thumbPixels.length)],
    [0x14a, { type: 13, subIfds: true }],
  ]);
  const previewIfd = new Map<number, Value>([
    [0xfe, long(1)],
    [0x100, long(width)],
    [0x101, long(height)],
    [0x103, short(7)],
    [0x106, short(6)],
    [0x111, blobAt(preview)],
    [0x117, long(preview.length)],
  ]);
  const subs: IfdSpec[] = [{ entries: previewIfd }];
  if (options.withSensorData === true) {
    const sensor = Buffer.alloc(4000 * 2, 0x11);
    subs.unshift({
      entries: new Map<number, Value>([
        [0xfe, long(0)],
        [0x100, long(4000)],
        [0x101, long(3000)],
        [0x103, short(7)],
        [0x106, short(32803)],
        [0x111, blobAt(sensor)],
        [0x117, long(sensor.length)],
      ]),
    });
  }
  return { bytes: tiff({ entries: ifd0 }, subs), preview: { width, height } };
}
