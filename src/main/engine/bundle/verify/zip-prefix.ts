/**
 * Telling a zip with bytes before it (a self-extracting stub, or junk put in front) from
 * one that is simply damaged. The end record says where the central directory starts,
 * counted from the first byte of the zip; when the directory is really found that many
 * bytes later, something of that length was put before the zip. Info-ZIP's unzip reads
 * such a file with a warning; Tamga refuses it and says so (ZIP_PREFIXED), because a
 * bundle whose container was changed must not pass without the change being named.
 */
import { read } from 'node:fs';
import { promisify } from 'node:util';

const readAt = promisify(read);
const END_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_END_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** The end record (22 bytes) and the longest comment it may have. */
const TAIL_BYTES = 22 + 0xffff;

async function bytesAt(fd: number, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await readAt(fd, buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Where the central directory is said to start, and where it is found, from the end records. */
async function directoryPlaces(fd: number, size: number): Promise<{ declared: number; actual: number } | null> {
  const tailStart = Math.max(0, size - TAIL_BYTES);
  const tail = await bytesAt(fd, tailStart, size - tailStart);
  for (let at = tail.length - 22; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== END_SIGNATURE) continue;
    const end = tailStart + at;
    const directoryBytes = tail.readUInt32LE(at + 12);
    const declared = tail.readUInt32LE(at + 16);
    if (declared !== 0xffffffff) return { declared, actual: end - directoryBytes };
    // ZIP64: the locator just before the end record names the ZIP64 end record, which
    // (without extensible data, as every writer does) sits just before the locator.
    const locator = await bytesAt(fd, end - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) return null;
    const record = await bytesAt(fd, end - 20 - 56, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_SIGNATURE) return null;
    const declared64 = Number(record.readBigUInt64LE(48));
    return { declared: declared64, actual: end - 20 - 56 - Number(record.readBigUInt64LE(40)) };
  }
  return null;
}

/** The number of bytes put before the zip, or 0 when there are none (or the zip is damaged otherwise). */
export async function zipPrefixBytes(fd: number, size: number): Promise<number> {
  const places = await directoryPlaces(fd, size).catch(() => null);
  if (places === null || places.actual <= places.declared) return 0;
  const first = await bytesAt(fd, places.actual, 4);
  return first.length === 4 && first.readUInt32LE(0) === CENTRAL_SIGNATURE ? places.actual - places.declared : 0;
}
