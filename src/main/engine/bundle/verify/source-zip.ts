/**
 * A bundle .zip as a source, read with yauzl: lazily (one central-directory entry at a
 * time, after refusing an entry count above the limit before reading any), with names
 * left undecoded so that zip-entry.ts decodes them strictly, and with yauzl's
 * validateEntrySizes so that a stream that yields more or fewer bytes than its entry
 * declares is an error. Every entry passes zip-entry.ts; the archive as a whole must not
 * declare more bytes than the limits, nor entries whose data overlap (sum of compressed
 * sizes above the file's size, or two entries at one offset).
 *
 * RFC 8493 puts a serialised bag in one top-level folder (Tamga's exports do); a zip with
 * bagit.txt at its root is read from there instead. Entries are streamed through the
 * hashes (zip-read.ts); nothing is extracted.
 */
import { closeSync, open } from 'node:fs';
import { promisify } from 'node:util';
import type { Entry, ZipFile } from 'yauzl';
import type { VerifyLimits, VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath } from '../layout';
import { BoundedProblems } from './problem-summary';
import { problem, show } from './problems';
import { collisionKey, parentsOf } from './safe-path';
import type { BundleSource, OpenedSource } from './source';
import { readBufferPool } from './chunked-read';
import { checkEntry, zipErrorProblem, type EntryVerdict } from './zip-entry';
import { zipPrefixBytes } from './zip-prefix';
import { openZipWithCachedDirectory } from './zip-reader';
import { readEntry } from './zip-read';

const openFile = promisify(open);

/** All names together: a hostile central directory of long names must not fill memory. */
const MAX_NAME_BYTES = 64 * 1024 * 1024;
const EMPTY = Buffer.alloc(0);

interface Listing {
  readonly files: Map<string, Entry>;
  readonly folders: Set<string>;
  readonly refused: Set<string>;
  readonly problems: VerifyProblem[];
}

function refusal(...problems: VerifyProblem[]): OpenedSource {
  return { ok: false, container: 'zip', problems };
}

export async function openZipSource(path: string, zipBytes: number, limits: VerifyLimits): Promise<OpenedSource> {
  let zip: ZipFile;
  // One descriptor for yauzl and for the stored-entry reads, so both read the same file;
  // yauzl closes it once close() was called and its streams ended.
  const fd = await openFile(path, 'r');
  try {
    zip = await openZipWithCachedDirectory(fd, zipBytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
  } catch (error) {
    const prefixed = await prefixProblem(fd, zipBytes);
    closeSync(fd);
    if (prefixed !== null) return refusal(prefixed);
    if (error instanceof Error && /signature not found/.test(error.message)) {
      return refusal(problem('NOT_A_BUNDLE', `${path} is neither a folder nor a zip file: a bundle is one or the other.`));
    }
    return refusal(zipErrorProblem(error));
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    return refusal(problem('TOO_MANY_ENTRIES', `The zip file says it holds ${zip.entryCount} entries, more than the ${limits.maxEntries} Tamga checks: it was refused without reading them.`));
  }
  let scanned: Scanned[];
  try {
    const result = await scan(zip, zipBytes, limits);
    if (!Array.isArray(result)) {
      zip.close();
      return refusal(...result.problems);
    }
    scanned = result;
  } catch (error) {
    const prefixed = await prefixProblem(fd, zipBytes);
    zip.close();
    return refusal(prefixed ?? zipErrorProblem(error));
  }
  return { ok: true, source: sourceOf(zip, fd, build(scanned, rootPrefix(scanned))) };
}

/**
 * A zip that yauzl could not read because bytes were put before it: named as such, not as
 * "damaged" or "not a zip". It is refused rather than read at the corrected offsets: the
 * container is not the one that was sealed, and a pass must not hide that.
 */
async function prefixProblem(fd: number, zipBytes: number): Promise<VerifyProblem | null> {
  const prefix = await zipPrefixBytes(fd, zipBytes);
  if (prefix === 0) return null;
  const message = `The zip file has ${prefix} bytes before its first entry that are not part of the zip: it is a self-extracting or damaged zip (something was put in front of it). It was refused; verify the bundle as it was sent, or remove those bytes (\`zip -F\`) and verify the result.`;
  return problem('ZIP_PREFIXED', message);
}

/**
 * What reading an entry needs (zip-read.ts and yauzl's openReadStream), nothing more: a
 * yauzl Entry holds ~30 fields and buffers that share memory with its comment and extra
 * fields (64 KiB each at most), so 200 000 of them took ~90 MB; this keeps ~150 bytes.
 */
function readableEntry(entry: Entry): Entry {
  const kept: Partial<Entry> = {
    fileNameRaw: Buffer.from(entry.fileNameRaw),
    extraFields: [],
    extraFieldRaw: EMPTY,
    fileCommentRaw: EMPTY,
    compressionMethod: entry.compressionMethod,
    compressedSize: entry.compressedSize,
    uncompressedSize: entry.uncompressedSize,
    relativeOffsetOfLocalHeader: entry.relativeOffsetOfLocalHeader,
    crc32: entry.crc32,
    generalPurposeBitFlag: entry.generalPurposeBitFlag,
  };
  return Object.assign(Object.create(Object.getPrototypeOf(entry) as object) as Entry, kept);
}

interface Scanned {
  readonly entry: Entry;
  readonly verdict: EntryVerdict;
}

/** Pass 1: every entry's own checks and the archive-wide limits (which refuse the whole zip). */
async function scan(zip: ZipFile, zipBytes: number, limits: VerifyLimits): Promise<Scanned[] | { problems: VerifyProblem[] }> {
  const scanned: Scanned[] = [];
  const offsets = new Set<number>();
  let nameBytes = 0;
  let declared = 0;
  let compressed = 0;
  for await (const entry of zip.eachEntry()) {
    nameBytes += entry.fileNameRaw.length;
    if (nameBytes > MAX_NAME_BYTES) return { problems: [problem('TOO_MANY_ENTRIES', `The names in the zip file take more than ${MAX_NAME_BYTES} bytes: it was refused.`)] };
    const verdict = checkEntry(entry, limits);
    scanned.push({ entry: readableEntry(entry), verdict });
    if (verdict.kind !== 'file') continue;
    declared += entry.uncompressedSize;
    compressed += entry.compressedSize;
    if (declared > limits.maxTotalBytes) return { problems: [problem('TOO_LARGE', `The zip file declares more than ${limits.maxTotalBytes} bytes of files, the most Tamga checks: it was refused.`)] };
    if (compressed > zipBytes || offsets.has(entry.relativeOffsetOfLocalHeader)) {
      return { problems: [problem('ZIP_OVERLAP', 'The zip file\'s entries overlap (they share bytes), a trick of zip bombs: it was refused.')] };
    }
    offsets.add(entry.relativeOffsetOfLocalHeader);
  }
  if (declared > Math.max(zipBytes, 1) * limits.maxCompressionRatio && declared > limits.maxCompressionRatio * 1024 * 1024) {
    return { problems: [problem('ZIP_BOMB', `The zip file of ${zipBytes} bytes would expand to ${declared} bytes: it looks like a zip bomb and was refused.`)] };
  }
  return scanned;
}

/** The bag's root: the one top-level folder holding bagit.txt, unless bagit.txt is at the top. */
function rootPrefix(scanned: readonly Scanned[]): string {
  const paths = scanned.flatMap(({ verdict }) => (verdict.path === null ? [] : [verdict.path]));
  const files = new Set(scanned.flatMap(({ verdict }) => (verdict.kind === 'file' ? [verdict.path] : [])));
  if (files.has('bagit.txt')) return '';
  const tops = new Set(paths.map((p) => p.split('/')[0]));
  const [top] = tops;
  return tops.size === 1 && top !== undefined && files.has(`${top}/bagit.txt`) ? `${top}/` : '';
}

/** Pass 2: the listing, seen from the root, without names that collide on some system. */
function build(scanned: readonly Scanned[], prefix: string): Listing {
  const strip = (p: string): string => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  const listing: Listing = { files: new Map(), folders: new Set(), refused: new Set(), problems: new BoundedProblems() };
  const keys = new Map<string, string>();
  for (const { entry, verdict } of scanned) {
    if (verdict.kind === 'refused') {
      const { path } = verdict.problem;
      listing.problems.push(path === undefined ? verdict.problem : { ...verdict.problem, path: strip(path) });
      if (verdict.path !== null) listing.refused.add(strip(verdict.path));
      continue;
    }
    const path = strip(verdict.path);
    const key = collisionKey(path);
    const earlier = keys.get(key);
    if (earlier !== undefined && !(verdict.kind === 'folder' && listing.folders.has(path))) {
      const same = earlier === path ? 'appears twice in the zip file' : `and ${show(earlier)} differ only in upper/lower case or Unicode normalisation`;
      const exhibit = exhibitOfPath(earlier) ?? exhibitOfPath(path);
      const message = `${show(path)} ${same}: unpacked, one would overwrite the other. Neither can be trusted.`;
      listing.problems.push(problem('DUPLICATE_NAME', message, exhibit === null ? { path } : { path, exhibit }));
      listing.refused.add(path).add(earlier);
      listing.files.delete(earlier);
      continue;
    }
    keys.set(key, path);
    if (verdict.kind === 'folder') listing.folders.add(path);
    else listing.files.set(path, entry);
  }
  for (const path of listing.files.keys()) {
    const clash = parentsOf(path).find((parent) => listing.files.has(parent));
    if (clash === undefined) continue;
    listing.problems.push(problem('DUPLICATE_NAME', `${show(clash)} is both a file and the folder of ${show(path)} in the zip file: neither can be trusted.`, { path: clash }));
    listing.refused.add(clash);
    listing.files.delete(clash);
  }
  return listing;
}

function sourceOf(zip: ZipFile, fd: number, listing: Listing): BundleSource {
  const files = new Map([...listing.files].map(([path, entry]) => [path, { path, size: entry.uncompressedSize }]));
  const pool = readBufferPool();
  return {
    container: 'zip',
    files,
    refused: listing.refused,
    problems: listing.problems,
    // A zip holds no hard links (an entry with the link flag is refused as SYMLINK).
    notes: [],
    read: (path, signal) => readEntry(zip, fd, listing.files.get(path), path, pool, signal),
    close: async () => zip.close(),
  };
}
