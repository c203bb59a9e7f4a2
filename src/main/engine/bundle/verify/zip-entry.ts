/**
 * The checks on one zip central-directory entry before it is admitted to the listing:
 * its name (strict UTF-8, with or without the UTF-8 flag, no second "Unicode path" name
 * that says something else, safe), its type (no symbolic link or other special file in the Unix mode bits), and
 * what reading it would cost (no encryption, only stored or deflated data, size within
 * limits, no compression ratio that only a zip bomb has).
 */
import { crc32 } from 'node:zlib';
import type { Entry } from 'yauzl';
import type { VerifyLimits, VerifyProblem } from '../../../../shared/bundle';
import { RATIO_FLOOR_BYTES } from './limits';
import { problem, show } from './problems';
import { unsafePathReason } from './safe-path';

// ignoreBOM: a name starting with a byte-order mark keeps it, as zip tools do when they
// unpack it; and so every admitted name's UTF-8 encoding is exactly its bytes (zip-record.ts).
export const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const FLAG_ENCRYPTED = 0x1;
const INFO_ZIP_UNICODE_PATH = 0x7075;
const HOST_UNIX = 3;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** Windows: FILE_ATTRIBUTE_REPARSE_POINT, how a zip made there marks a link or junction. */
const DOS_REPARSE_POINT = 0x400;

export type EntryVerdict =
  /** Admitted: a file to list, or a folder (path without its trailing '/'). */
  | { readonly kind: 'file' | 'folder'; readonly path: string }
  /** Refused with a problem; `path` is set when the name itself was fine (so a manifest line can say "refused"). */
  | { readonly kind: 'refused'; readonly path: string | null; readonly problem: VerifyProblem };

function nameOf(entry: Entry): { name: string } | { problem: VerifyProblem } {
  const raw = entry.fileNameRaw;
  let name: string;
  try {
    name = utf8.decode(raw);
  } catch {
    const lossy = raw.toString('latin1');
    return { problem: problem('NAME_NOT_UTF8', `The zip entry ${show(lossy)} has a name that is not valid UTF-8: it was not read.`) };
  }
  // Info-ZIP (`zip -r` on Linux and macOS) writes names as the file system gave them,
  // UTF-8, without setting the flag. A name that is valid UTF-8 is read as UTF-8 whatever
  // the flag says: CP437 (the flag's alternative) is not what any bundle was written in,
  // and a CP437 name that happens to be valid UTF-8 would not match the manifest anyway.
  const unicodePath = entry.extraFields.find((field) => field.id === INFO_ZIP_UNICODE_PATH);
  if (unicodePath !== undefined && !sameUnicodePath(unicodePath.data, raw)) {
    const message = `The zip entry ${show(name)} carries a second, "Unicode path" name that differs from it and that some zip tools use instead: it was not read.`;
    return { problem: problem('NAME_NOT_UTF8', message, { path: name }) };
  }
  return { name };
}

/** Info-ZIP's Unicode path field (version 1, CRC-32 of the header's name, the UTF-8 name) naming the very same bytes. */
function sameUnicodePath(data: Buffer, raw: Buffer): boolean {
  return data.length >= 5 && data.readUInt8(0) === 1 && data.readUInt32LE(1) === crc32(raw) && data.subarray(5).equals(raw);
}

export function checkEntry(entry: Entry, limits: VerifyLimits): EntryVerdict {
  const named = nameOf(entry);
  if ('problem' in named) return { kind: 'refused', path: null, problem: named.problem };
  const isFolder = named.name.endsWith('/');
  const path = isFolder ? named.name.slice(0, -1) : named.name;
  const unsafe = unsafePathReason(path);
  if (unsafe !== null) {
    return { kind: 'refused', path: null, problem: problem('UNSAFE_PATH', `The zip entry ${show(named.name)} is not allowed in a bundle: ${unsafe}. It was not read.`, { path }) };
  }
  const refuse = (code: VerifyProblem['code'], why: string): EntryVerdict => ({
    kind: 'refused',
    path,
    problem: problem(code, `The zip entry ${show(named.name)} ${why}`, { path }),
  });
  const unixMode = entry.versionMadeBy >> 8 === HOST_UNIX ? (entry.externalFileAttributes >>> 16) & S_IFMT : 0;
  if (unixMode === S_IFLNK || (entry.externalFileAttributes & DOS_REPARSE_POINT) !== 0) {
    return refuse('SYMLINK', 'is a symbolic link: a bundle holds files, and a link could point outside it. It was not followed.');
  }
  if (unixMode !== 0 && unixMode !== S_IFREG && unixMode !== S_IFDIR) {
    return refuse('SPECIAL_FILE', 'is marked as a device, pipe or socket, not a file: it was not read.');
  }
  if (isFolder || unixMode === S_IFDIR) {
    if (!isFolder || entry.uncompressedSize !== 0) return refuse('SPECIAL_FILE', 'is marked as a folder but holds data: it was not read.');
    return { kind: 'folder', path };
  }
  if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) {
    return refuse('ENCRYPTED_ENTRY', 'is encrypted: Tamga cannot check what it holds. It was not read.');
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return refuse('UNSUPPORTED_COMPRESSION', `uses compression method ${entry.compressionMethod}; Tamga reads stored and deflated entries only. It was not read.`);
  }
  if (entry.uncompressedSize > limits.maxFileBytes) {
    return refuse('ENTRY_TOO_LARGE', `says it holds ${entry.uncompressedSize} bytes, more than the ${limits.maxFileBytes} Tamga reads from one file: it was not read.`);
  }
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.compressionMethod === 8 && entry.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    return refuse('ZIP_BOMB', `would expand ${Math.round(ratio)} times (${entry.compressedSize} bytes to ${entry.uncompressedSize}), more than the ${limits.maxCompressionRatio} times real files do: it looks like a zip bomb and was not read.`);
  }
  return { kind: 'file', path };
}

/** Zip errors from yauzl, as problems (lying sizes and encryption get their own codes). */
export function zipErrorProblem(error: unknown, path?: string): VerifyProblem {
  const text = error instanceof Error ? error.message : String(error);
  const where = path === undefined ? 'The zip file' : `The zip entry ${show(path)}`;
  const place = path === undefined ? {} : { path };
  if (/size mismatch|bytes in the stream|overflows file bounds|does not include .* size/.test(text)) {
    return problem('ZIP_SIZE_MISMATCH', `${where} has size fields that do not match its data (${text}): it was refused.`, place);
  }
  if (/encryption/.test(text)) return problem('ENCRYPTED_ENTRY', `${where} uses encryption Tamga cannot check (${text}): it was refused.`, place);
  return problem('ZIP_UNREADABLE', `${where} is damaged or not a zip Tamga can read (${text}).`, place);
}
