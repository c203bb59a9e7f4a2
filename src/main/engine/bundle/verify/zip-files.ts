/**
 * The files of a zip bundle as the listing keeps them: by file number, the path and what
 * reading the file needs, in typed arrays outside the JavaScript heap, and a hash table of
 * file numbers (open addressing, in an Int32Array) to find a path. yauzl's Entry holds ~30
 * fields and buffers that share memory with its extra fields and comment; 200 000 of them
 * took ~100 MB, and even an 80-byte object per file was 16 MB of heap, which the garbage
 * collector walks and lets grow; a Map of 200 000 paths was 7 MB more, and as much again
 * in the tables it outgrew. Here a file costs its path and a slot in a list on the heap,
 * and ~45 bytes outside it; a SourceFile is made when asked for. Paths iterate in the
 * order they were listed, as a Map's keys would.
 *
 * The name's bytes are not kept: a name is admitted only as strict UTF-8 (zip-entry.ts),
 * so the UTF-8 encoding of the root and the path gives them back exactly, for the few
 * entries that are read (whose local header must repeat them).
 */
import yauzl from 'yauzl';
import type { SourceFile, SourceFiles } from './source';

const EMPTY = Buffer.alloc(0);

export class ZipFiles implements SourceFiles {
  /** By file number: its path once listed, undefined before or once deleted. */
  private readonly paths: (string | undefined)[];
  /** Hash table of file numbers, -1 for an empty slot; a deleted file keeps its slot. */
  private readonly slots: Int32Array;
  private listed = 0;
  private readonly sizes: Float64Array;
  private readonly compressedSizes: Float64Array;
  private readonly offsets: Float64Array;
  private readonly crcs: Uint32Array;
  private readonly methods: Uint16Array;
  /** 1 when the zip names the file with the bag's root folder in front of its path. */
  private readonly rooted: Uint8Array;
  private added = 0;
  /** The bag's root folder ('' or 'name/'), which paths leave out. */
  root = '';

  /** `capacity`: the zip's entry count. */
  constructor(capacity: number) {
    this.paths = new Array<string | undefined>(capacity);
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots).fill(-1);
    this.sizes = new Float64Array(capacity);
    this.compressedSizes = new Float64Array(capacity);
    this.offsets = new Float64Array(capacity);
    this.crcs = new Uint32Array(capacity);
    this.methods = new Uint16Array(capacity);
    this.rooted = new Uint8Array(capacity);
  }

  /** Keeps an admitted file entry's numbers; the number returned names it until `list` gives it a path. */
  add(entry: yauzl.Entry): number {
    const n = this.added++;
    if (n >= this.sizes.length) throw new Error('more entries than the zip declares');
    this.sizes[n] = entry.uncompressedSize;
    this.compressedSizes[n] = entry.compressedSize;
    this.offsets[n] = entry.relativeOffsetOfLocalHeader;
    this.crcs[n] = entry.crc32;
    this.methods[n] = entry.compressionMethod;
    return n;
  }

  /** Whether file `n` was listed, or is to be, with the root in front of its path. */
  isRooted(n: number): boolean {
    return this.rooted[n] === 1;
  }

  markRooted(n: number): void {
    this.rooted[n] = 1;
  }

  /** File `n` is `path` in the listing (a path not yet listed); `rooted` when its name in the zip is `root + path`. */
  list(path: string, n: number, rooted: boolean): void {
    if (this.has(path)) throw new Error(`${path} is listed twice`);
    this.rooted[n] = rooted ? 1 : 0;
    this.paths[n] = path;
    this.listed += 1;
    const mask = this.slots.length - 1;
    let slot = hash(path) & mask;
    while ((this.slots[slot] ?? -1) !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = n;
  }

  delete(path: string): boolean {
    const n = this.numberOf(path);
    if (n === undefined) return false;
    this.paths[n] = undefined;
    this.listed -= 1;
    return true;
  }

  get size(): number {
    return this.listed;
  }

  has(path: string): boolean {
    return this.numberOf(path) !== undefined;
  }

  get(path: string): SourceFile | undefined {
    const n = this.numberOf(path);
    return n === undefined ? undefined : { path, size: this.sizes[n] ?? 0 };
  }

  *keys(): IterableIterator<string> {
    for (const path of this.paths) if (path !== undefined) yield path;
  }

  *values(): IterableIterator<SourceFile> {
    for (let n = 0; n < this.paths.length; n++) {
      const path = this.paths[n];
      if (path !== undefined) yield { path, size: this.sizes[n] ?? 0 };
    }
  }

  private numberOf(path: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hash(path) & mask; ; slot = (slot + 1) & mask) {
      const n = this.slots[slot] ?? -1;
      if (n === -1) return undefined;
      if (this.paths[n] === path) return n;
    }
  }

  /** The entry's name as the zip stores it. */
  private nameBytes(path: string): Buffer | undefined {
    const n = this.numberOf(path);
    return n === undefined ? undefined : Buffer.from(this.rooted[n] === 1 ? this.root + path : path, 'utf8');
  }

  /**
   * A yauzl Entry for the file, made when it is read: what readLocalFileHeader and
   * openReadStream look at. Encrypted entries were refused at listing, so no flag is set.
   */
  entry(path: string): yauzl.Entry | undefined {
    const n = this.numberOf(path);
    const name = this.nameBytes(path);
    if (n === undefined || name === undefined) return undefined;
    return Object.assign(new yauzl.Entry(), {
      fileNameRaw: name,
      extraFields: [],
      extraFieldRaw: EMPTY,
      fileCommentRaw: EMPTY,
      generalPurposeBitFlag: 0,
      compressionMethod: this.methods[n] ?? 0,
      compressedSize: this.compressedSizes[n] ?? 0,
      uncompressedSize: this.sizes[n] ?? 0,
      relativeOffsetOfLocalHeader: this.offsets[n] ?? 0,
      crc32: this.crcs[n] ?? 0,
    });
  }
}

/** FNV-1a over the path's UTF-16 code units. */
function hash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
