/**
 * The files of a zip bundle as the listing keeps them: a Map from path to file number and,
 * by number, what reading the file needs, in typed arrays outside the JavaScript heap.
 * yauzl's Entry holds ~30 fields and buffers that share memory with its extra fields and
 * comment; 200 000 of them took ~100 MB, and even an 80-byte object per file was 16 MB of
 * heap that the garbage collector walks and lets grow. Here a file costs its path and its
 * Map slot on the heap, and 34 bytes outside it; a SourceFile is made when asked for.
 *
 * The name's bytes are not kept: a name is admitted only as strict UTF-8 (zip-entry.ts),
 * so the UTF-8 encoding of the root and the path gives them back exactly, for the few
 * entries that are read (whose local header must repeat them).
 */
import yauzl from 'yauzl';
import type { SourceFile, SourceFiles } from './source';

const EMPTY = Buffer.alloc(0);

export class ZipFiles implements SourceFiles {
  private readonly numbers = new Map<string, number>();
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

  /** File `n` is `path` in the listing; `rooted` when its name in the zip is `root + path`. */
  list(path: string, n: number, rooted: boolean): void {
    this.rooted[n] = rooted ? 1 : 0;
    this.numbers.set(path, n);
  }

  delete(path: string): boolean {
    return this.numbers.delete(path);
  }

  get size(): number {
    return this.numbers.size;
  }

  has(path: string): boolean {
    return this.numbers.has(path);
  }

  get(path: string): SourceFile | undefined {
    const n = this.numbers.get(path);
    return n === undefined ? undefined : { path, size: this.sizes[n] ?? 0 };
  }

  keys(): IterableIterator<string> {
    return this.numbers.keys();
  }

  *values(): IterableIterator<SourceFile> {
    for (const [path, n] of this.numbers) yield { path, size: this.sizes[n] ?? 0 };
  }

  /** The entry's name as the zip stores it. */
  private nameBytes(path: string): Buffer | undefined {
    const n = this.numbers.get(path);
    return n === undefined ? undefined : Buffer.from(this.rooted[n] === 1 ? this.root + path : path, 'utf8');
  }

  /**
   * A yauzl Entry for the file, made when it is read: what readLocalFileHeader and
   * openReadStream look at. Encrypted entries were refused at listing, so no flag is set.
   */
  entry(path: string): yauzl.Entry | undefined {
    const n = this.numbers.get(path);
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
