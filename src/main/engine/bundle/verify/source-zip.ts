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
import type { ZipFile } from 'yauzl';
import type { VerifyLimits, VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath } from '../layout';
import { BoundedProblems } from './problem-summary';
import { problem, show } from './problems';
import { collisionKey } from './safe-path';
import type { BundleSource, OpenedSource } from './source';
import { readBufferPool } from './chunked-read';
import { checkEntry, utf8, zipErrorProblem, type EntryVerdict } from './zip-entry';
import { LocalHeaderOffsets } from './zip-offsets';
import { zipPrefixBytes } from './zip-prefix';
import { openZipWithDirectoryWindow } from './zip-reader';
import { readEntry } from './zip-read';
import { ZipFiles } from './zip-files';

const openFile = promisify(open);

/** All names together: a hostile central directory of long names must not fill memory. */
const MAX_NAME_BYTES = 64 * 1024 * 1024;

interface Listing {
  readonly files: ZipFiles;
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
    zip = await openZipWithDirectoryWindow(fd, zipBytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false });
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
  let scanned: ScanResult;
  try {
    const result = await scan(zip, zipBytes, limits);
    if ('problems' in result) {
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
 * A listed entry: a file's name (the n-th name is file n of the table), or a folder or a
 * refusal as zip-entry.ts judged it. No object per file: a zip may hold 250 000. A file's
 * name is kept without the top folder of the first file name with one (`top`, where a
 * bag's root will most likely be) when it starts with it, and the table marks it rooted:
 * kept whole, then stripped, every name took memory twice until the listing was built.
 */
type Scanned = string | Exclude<EntryVerdict, { kind: 'file' }>;

interface ScanResult {
  readonly scanned: Scanned[];
  readonly table: ZipFiles;
  /** 'name/', or '' when no file name has a folder. */
  readonly top: string;
}

/** Pass 1: every entry's own checks and the archive-wide limits (which refuse the whole zip). */
async function scan(zip: ZipFile, zipBytes: number, limits: VerifyLimits): Promise<ScanResult | { problems: VerifyProblem[] }> {
  const scanned: Scanned[] = [];
  const table = new ZipFiles(zip.entryCount);
  const offsets = new LocalHeaderOffsets(zip.entryCount);
  let top = '';
  let topBytes = 0;
  let nameBytes = 0;
  let declared = 0;
  let compressed = 0;
  for await (const entry of zip.eachEntry()) {
    nameBytes += entry.fileNameRaw.length;
    if (nameBytes > MAX_NAME_BYTES) return { problems: [problem('TOO_MANY_ENTRIES', `The names in the zip file take more than ${MAX_NAME_BYTES} bytes: it was refused.`)] };
    const verdict = checkEntry(entry, limits);
    if (verdict.kind !== 'file') {
      scanned.push(verdict);
      continue;
    }
    const n = table.add(entry);
    if (top === '' && verdict.path.includes('/')) {
      top = verdict.path.slice(0, verdict.path.indexOf('/') + 1);
      topBytes = Buffer.byteLength(top, 'utf8');
    }
    if (top !== '' && verdict.path.startsWith(top)) {
      // Decoded again from its bytes: a slice of the whole name would keep the whole name.
      scanned.push(utf8.decode(entry.fileNameRaw.subarray(topBytes)));
      table.markRooted(n);
    } else {
      scanned.push(verdict.path);
    }
    declared += entry.uncompressedSize;
    compressed += entry.compressedSize;
    if (declared > limits.maxTotalBytes) return { problems: [problem('TOO_LARGE', `The zip file declares more than ${limits.maxTotalBytes} bytes of files, the most Tamga checks: it was refused.`)] };
    if (compressed > zipBytes || !offsets.add(entry.relativeOffsetOfLocalHeader)) {
      return { problems: [problem('ZIP_OVERLAP', 'The zip file\'s entries overlap (they share bytes), a trick of zip bombs: it was refused.')] };
    }
  }
  if (declared > Math.max(zipBytes, 1) * limits.maxCompressionRatio && declared > limits.maxCompressionRatio * 1024 * 1024) {
    return { problems: [problem('ZIP_BOMB', `The zip file of ${zipBytes} bytes would expand to ${declared} bytes: it looks like a zip bomb and was refused.`)] };
  }
  return { scanned, table, top };
}

/**
 * The bag's root: the one top-level folder holding bagit.txt, unless bagit.txt is at the
 * top. One pass, no list of paths: a zip may hold 250 000 entries.
 */
function rootPrefix({ scanned, table, top: firstTop }: ScanResult): string {
  let top: string | null = null;
  let oneTop = true;
  const topsWithBagit = new Set<string>();
  let file = 0;
  for (const item of scanned) {
    const rooted = typeof item === 'string' && table.isRooted(file);
    if (typeof item === 'string') file += 1;
    const path = typeof item === 'string' ? item : item.path;
    if (path === null) continue;
    if (typeof item === 'string' && !rooted && path === 'bagit.txt') return '';
    const slash = path.indexOf('/');
    const first = rooted ? firstTop.slice(0, -1) : slash === -1 ? path : path.slice(0, slash);
    if (top === null) top = first;
    else if (first !== top) oneTop = false;
    if (typeof item === 'string' && (rooted ? path === 'bagit.txt' : path === `${first}/bagit.txt`)) topsWithBagit.add(first);
  }
  return oneTop && top !== null && topsWithBagit.has(top) ? `${top}/` : '';
}

/**
 * Pass 2: the listing, seen from the root, without names that collide on some system.
 * Names are compared by collisionKey; a name that is its own key (any ASCII name without
 * capitals, so nearly all) is found in the listing itself, and only the others are kept
 * in `folded`, key → name: a Map of every name's key was ~14 MB for 200 000 names.
 */
function build({ scanned, table, top }: ScanResult, prefix: string): Listing {
  const strip = (p: string): string => (p.startsWith(prefix) ? p.slice(prefix.length) : p);
  table.root = prefix;
  const listing: Listing = { files: table, folders: new Set(), refused: new Set(), problems: new BoundedProblems() };
  const folded = new Map<string, string>();
  /** Files taken out of the listing as one of a colliding pair: their names are still taken. */
  const dropped = new Set<string>();
  const earlierWith = (key: string): string | undefined => {
    const found = folded.get(key);
    if (found !== undefined) return found;
    const seen = listing.files.has(key) || listing.folders.has(key) || dropped.has(key);
    return seen && collisionKey(key) === key ? key : undefined;
  };
  let file = 0;
  for (const item of scanned) {
    if (typeof item !== 'string' && item.kind === 'refused') {
      const { path } = item.problem;
      listing.problems.push(path === undefined ? item.problem : { ...item.problem, path: strip(path) });
      if (item.path !== null) listing.refused.add(strip(item.path));
      continue;
    }
    const isFolder = typeof item !== 'string';
    const n = isFolder ? -1 : file++;
    // A name scanned without `top` is already seen from the root when the root is `top`.
    const short = !isFolder && table.isRooted(n);
    let path: string;
    let rooted: boolean;
    if (short && prefix === top) {
      path = item;
      rooted = true;
    } else {
      const name = isFolder ? item.path : short ? `${top}${item}` : item;
      path = strip(name);
      rooted = path !== name;
    }
    const key = collisionKey(path);
    const earlier = earlierWith(key);
    if (earlier !== undefined && !(isFolder && listing.folders.has(path))) {
      const same = earlier === path ? 'appears twice in the zip file' : `and ${show(earlier)} differ only in upper/lower case or Unicode normalisation`;
      const exhibit = exhibitOfPath(earlier) ?? exhibitOfPath(path);
      const message = `${show(path)} ${same}: unpacked, one would overwrite the other. Neither can be trusted.`;
      listing.problems.push(problem('DUPLICATE_NAME', message, exhibit === null ? { path } : { path, exhibit }));
      listing.refused.add(path).add(earlier);
      if (listing.files.delete(earlier)) dropped.add(earlier);
      continue;
    }
    if (key !== path) folded.set(key, path);
    if (isFolder) listing.folders.add(path);
    else listing.files.list(path, n, rooted);
  }
  for (const path of listing.files.keys()) {
    const clash = fileAmongParents(path, listing.files);
    if (clash === null) continue;
    listing.problems.push(problem('DUPLICATE_NAME', `${show(clash)} is both a file and the folder of ${show(path)} in the zip file: neither can be trusted.`, { path: clash }));
    listing.refused.add(clash);
    listing.files.delete(clash);
  }
  return listing;
}

/** The first parent folder of `path` that is also a file, found without a list of parents per file. */
function fileAmongParents(path: string, files: ZipFiles): string | null {
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    const parent = path.slice(0, slash);
    if (files.has(parent)) return parent;
  }
  return null;
}

function sourceOf(zip: ZipFile, fd: number, listing: Listing): BundleSource {
  const pool = readBufferPool();
  return {
    container: 'zip',
    files: listing.files,
    refused: listing.refused,
    problems: listing.problems,
    // A zip holds no hard links (an entry with the link flag is refused as SYMLINK).
    notes: [],
    read: (path, signal) => readEntry(zip, fd, listing.files.entry(path), path, pool, signal),
    close: async () => zip.close(),
  };
}
