/**
 * A raw zip writer for verify's hostile-zip tests. yazl (which export uses) refuses to
 * write the very things these tests need: absolute and ".." names, backslashes, NUL,
 * symbolic-link entries, lying sizes and CRCs, headers that disagree, a million entries.
 * So this writes the records of APPNOTE.TXT (local header, central directory, end record,
 * ZIP64 end records) by hand, each field overridable.
 */
import { writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import type { BundleFiles } from './bundle-verify-fixture';

export interface RawEntry {
  readonly name: string | Buffer;
  readonly data?: Buffer;
  /** 8: `data` is deflated here (unless `raw`), and the entry says so. */
  readonly method?: 0 | 8;
  /** With method 8: `data` is already the compressed bytes. */
  readonly raw?: boolean;
  readonly uncompressedSize?: number;
  readonly compressedSize?: number;
  readonly crc?: number;
  /** General purpose flags; default 0x800 (UTF-8 names). */
  readonly flags?: number;
  /** Unix mode in the external attributes; default a regular file 0o100644. */
  readonly unixMode?: number;
  /** The name in the local header, when it should differ from the central directory's. */
  readonly localName?: string | Buffer;
  readonly extra?: Buffer;
}

const bytes = (name: string | Buffer): Buffer => (typeof name === 'string' ? Buffer.from(name, 'utf8') : name);

export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const data = e.data ?? Buffer.alloc(0);
    const method = e.method ?? 0;
    const stored = method === 8 && e.raw !== true ? deflateRawSync(data) : data;
    const name = bytes(e.name);
    const localName = bytes(e.localName ?? e.name);
    const extra = e.extra ?? Buffer.alloc(0);
    const flags = e.flags ?? 0x800;
    const crc = e.crc ?? crc32(data);
    const size = e.uncompressedSize ?? data.length;
    const csize = e.compressedSize ?? stored.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(csize, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    locals.push(local, localName, stored);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(csize, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((e.unixMode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + localName.length + stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (entries.length <= 0xffff) {
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    return Buffer.concat([...locals, directory, end]);
  }
  // More entries than the classic end record counts: ZIP64 end record and locator.
  const zip64 = Buffer.alloc(56 + 20);
  zip64.writeUInt32LE(0x06064b50, 0);
  zip64.writeBigUInt64LE(44n, 4);
  zip64.writeUInt16LE(45, 12);
  zip64.writeUInt16LE(45, 14);
  zip64.writeBigUInt64LE(BigInt(entries.length), 24);
  zip64.writeBigUInt64LE(BigInt(entries.length), 32);
  zip64.writeBigUInt64LE(BigInt(directory.length), 40);
  zip64.writeBigUInt64LE(BigInt(offset), 48);
  zip64.writeUInt32LE(0x07064b50, 56);
  zip64.writeBigUInt64LE(BigInt(offset + directory.length), 64);
  zip64.writeUInt32LE(1, 72);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, directory, zip64, end]);
}

/** A bundle's files as zip entries under one top-level folder, as Tamga's export writes them. */
export function bundleEntries(files: BundleFiles, root = 'bundle'): RawEntry[] {
  return [...files].map(([path, data]) => ({ name: `${root}/${path}`, data }));
}

/**
 * A real zip of `count` empty files (ZIP64 end records, since the classic ones count to
 * 65 535), written straight into one buffer: 10^6 entries take ~90 MB and well under a second.
 */
export async function writeManyEntryZip(path: string, count: number): Promise<void> {
  const nameLength = 9; // "f/0000001"
  const localSize = 30 + nameLength;
  const centralSize = 46 + nameLength;
  const directoryOffset = count * localSize;
  const out = Buffer.alloc(directoryOffset + count * centralSize + 56 + 20 + 22);
  const emptyCrc = 0;
  for (let i = 0; i < count; i++) {
    const name = `f/${String(i).padStart(7, '0')}`;
    let at = i * localSize;
    out.writeUInt32LE(0x04034b50, at);
    out.writeUInt16LE(10, at + 4);
    out.writeUInt32LE(emptyCrc, at + 14);
    out.writeUInt16LE(nameLength, at + 26);
    out.write(name, at + 30, 'ascii');
    at = directoryOffset + i * centralSize;
    out.writeUInt32LE(0x02014b50, at);
    out.writeUInt16LE((3 << 8) | 45, at + 4);
    out.writeUInt16LE(45, at + 6);
    out.writeUInt16LE(nameLength, at + 28);
    out.writeUInt32LE((0o100644 << 16) >>> 0, at + 38);
    out.writeUInt32LE(i * localSize, at + 42);
    out.write(name, at + 46, 'ascii');
  }
  const zip64End = directoryOffset + count * centralSize;
  out.writeUInt32LE(0x06064b50, zip64End);
  out.writeBigUInt64LE(44n, zip64End + 4);
  out.writeUInt16LE(45, zip64End + 12);
  out.writeUInt16LE(45, zip64End + 14);
  out.writeBigUInt64LE(BigInt(count), zip64End + 24);
  out.writeBigUInt64LE(BigInt(count), zip64End + 32);
  out.writeBigUInt64LE(BigInt(count * centralSize), zip64End + 40);
  out.writeBigUInt64LE(BigInt(directoryOffset), zip64End + 48);
  const locator = zip64End + 56;
  out.writeUInt32LE(0x07064b50, locator);
  out.writeBigUInt64LE(BigInt(zip64End), locator + 8);
  out.writeUInt32LE(1, locator + 16);
  const end = locator + 20;
  out.writeUInt32LE(0x06054b50, end);
  out.writeUInt16LE(0xffff, end + 8);
  out.writeUInt16LE(0xffff, end + 10);
  out.writeUInt32LE(0xffffffff, end + 12);
  out.writeUInt32LE(0xffffffff, end + 16);
  await writeFile(path, out);
}

/** Info-ZIP's "Unicode path" extra field (0x7075, version 1) for an entry named `name`, saying its name is `unicode`. */
export function unicodePathExtra(name: string, unicode: string): Buffer {
  const body = Buffer.concat([Buffer.from([1]), Buffer.alloc(4), Buffer.from(unicode, 'utf8')]);
  body.writeUInt32LE(crc32(Buffer.from(name, 'utf8')) >>> 0, 1);
  const header = Buffer.alloc(4);
  header.writeUInt16LE(0x7075, 0);
  header.writeUInt16LE(body.length, 2);
  return Buffer.concat([header, body]);
}
