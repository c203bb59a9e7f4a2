/**
 * The ways ISO-BMFF files store short strings: QuickTime user-data text entries
 * (`[size][language][text]`, used by `©xyz`, `©mak`…), iTunes-style `data` boxes (inside
 * `ilst` items, and in some writers' udta), and NUL-terminated strings that may be UTF-16
 * with a byte-order mark (3GPP `loci`, `titl`…).
 */
import type { JsonValue } from '../../../../shared/metadata';
import { binaryValue } from '../json-safe';

/** Strips the NULs and spaces that fixed-size fields are padded with. */
export function clean(text: string): string {
  return text.replace(/\0+$/g, '').replace(/\0/g, ' ').trim();
}

/** The first entry of a QuickTime text atom; Mac language codes (< 0x400) mean Mac Roman, read here as Latin-1. */
export function quickTimeText(payload: Buffer): string | null {
  if (payload.length >= 8 && payload.toString('latin1', 4, 8) === 'data') {
    const value = dataBoxValue(payload.subarray(8, payload.readUInt32BE(0) > 8 ? payload.readUInt32BE(0) : payload.length));
    return typeof value === 'string' ? value : null;
  }
  if (payload.length < 4) return null;
  const size = payload.readUInt16BE(0);
  const language = payload.readUInt16BE(2);
  if (size > payload.length - 4) return null;
  const bytes = payload.subarray(4, 4 + size);
  return clean(language < 0x400 ? bytes.toString('latin1') : decodeText(bytes));
}

/** UTF-8, or UTF-16 when it starts with a byte-order mark. */
export function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return utf16be(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

function utf16be(bytes: Buffer): string {
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  const swapped = Buffer.from(even);
  swapped.swap16();
  return swapped.toString('utf16le');
}

/** Reads a NUL-terminated string (UTF-16 strings end with two NULs) at `pos`; returns it and the next position. */
export function terminatedString(buf: Buffer, pos: number): { text: string; next: number } {
  if (pos + 1 < buf.length && buf[pos] === 0xfe && buf[pos + 1] === 0xff) {
    let end = pos + 2;
    while (end + 1 < buf.length && !(buf[end] === 0 && buf[end + 1] === 0)) end += 2;
    return { text: utf16be(buf.subarray(pos + 2, end)), next: Math.min(buf.length, end + 2) };
  }
  const end = buf.indexOf(0, pos);
  const stop = end === -1 ? buf.length : end;
  return { text: buf.toString('utf8', pos, stop), next: end === -1 ? stop : stop + 1 };
}

function intValue(bytes: Buffer, signed: boolean): JsonValue {
  if (bytes.length === 0) return null;
  if (bytes.length <= 6) return signed ? bytes.readIntBE(0, bytes.length) : bytes.readUIntBE(0, bytes.length);
  if (bytes.length === 8) {
    const big = signed ? bytes.readBigInt64BE(0) : bytes.readBigUInt64BE(0);
    const safe = big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER);
    return safe ? Number(big) : big.toString();
  }
  return binaryValue(bytes);
}

/** The value of a `data` box payload (type indicator, locale, value) as JSON. */
export function dataBoxValue(payload: Buffer): JsonValue {
  if (payload.length < 8) return null;
  const type = payload.readUInt32BE(0) & 0xffffff;
  const value = payload.subarray(8);
  switch (type) {
    case 1:
    case 4:
      return clean(value.toString('utf8'));
    case 2:
    case 5:
      return clean(utf16be(value));
    case 21:
    case 65:
    case 66:
    case 67:
    case 74:
      return intValue(value, true);
    case 22:
    case 75:
    case 76:
    case 77:
    case 78:
      return intValue(value, false);
    case 23:
      return value.length >= 4 ? value.readFloatBE(0) : null;
    case 24:
      return value.length >= 8 ? value.readDoubleBE(0) : null;
    default:
      return binaryValue(value);
  }
}
