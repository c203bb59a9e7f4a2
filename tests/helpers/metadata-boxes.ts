/**
 * Hand-made ISO-BMFF boxes for the box-reader tests: honest ones, and ones whose size
 * fields lie in the ways hostile files do.
 */

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

export function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

/** A box with a correct 32-bit size. */
export function box(type: string, ...payload: Buffer[]): Buffer {
  const body = Buffer.concat(payload);
  return Buffer.concat([u32(8 + body.length), Buffer.from(type, 'latin1'), body]);
}

/** A box whose size field says `size`, whatever its real length. */
export function lyingBox(type: string, size: number, ...payload: Buffer[]): Buffer {
  return Buffer.concat([u32(size), Buffer.from(type, 'latin1'), ...payload]);
}

/** A box with a 64-bit size (size field 1) stating `largesize`. */
export function largeBox(type: string, largesize: bigint, ...payload: Buffer[]): Buffer {
  const big = Buffer.alloc(8);
  big.writeBigUInt64BE(largesize);
  return Buffer.concat([u32(1), Buffer.from(type, 'latin1'), big, ...payload]);
}

export const fullBoxHeader = (version = 0, flags = 0): Buffer => u32(((version & 0xff) << 24) | (flags & 0xffffff));

export const ftyp = (major = 'isom', ...compatible: string[]): Buffer =>
  box('ftyp', Buffer.from(major, 'latin1'), u32(0), ...compatible.map((c) => Buffer.from(c, 'latin1')));

/** A version-0 mvhd: creation time (seconds since 1904), timescale and duration. */
export function mvhd(created: number, timescale: number, duration: number): Buffer {
  return box('mvhd', fullBoxHeader(0), u32(created), u32(created), u32(timescale), u32(duration), Buffer.alloc(80));
}

/** Seconds between 1904-01-01 and 1970-01-01. */
export const EPOCH_1904_OFFSET = 2_082_844_800;

/** A QuickTime user-data text atom (`©xyz`, `©mak`…): 16-bit length, language, text. */
export function qtText(type: string, text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return box(type, u16(bytes.length), u16(0x15c7), bytes);
}

/** `depth` boxes, alternately 'moov' and 'trak', each the only child of the one before. */
export function nestedBoxes(depth: number): Buffer {
  const out = Buffer.alloc(8 * depth);
  for (let i = 0; i < depth; i++) {
    out.writeUInt32BE(8 * (depth - i), 8 * i);
    out.write(i % 2 === 0 ? 'moov' : 'trak', 8 * i + 4, 'latin1');
  }
  return out;
}
