/**
 * The file under yauzl, with the central directory read in large pieces. yauzl reads
 * each central-directory entry with two small reads; through a plain descriptor each is a
 * trip to the thread pool, and 200 000 entries took 13 s, mostly waiting. Here reads from
 * the directory (from its offset to the end of the file: the entries, the end records and
 * the comment) are served from a window of DIRECTORY_WINDOW_BYTES, read ahead in one read
 * when a read falls outside it; entry data still streams from the descriptor. The window
 * bounds the memory whatever the directory's size: reading it whole was 13 MB for 200 000
 * entries, kept until the check ended, and up to 112 MB for a hostile one.
 */
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

const readFd = promisify(read);

/** ~20 000 entries of short names per read: 13 reads for 200 000 entries. */
export const DIRECTORY_WINDOW_BYTES = 1024 * 1024;

/**
 * Bytes [start, end) of the descriptor. Not fs.createReadStream: destroying one of those
 * closes its descriptor whatever autoClose says, and yauzl destroys the streams it is done with.
 */
class DescriptorRange extends Readable {
  private position: number;

  constructor(
    private readonly fd: number,
    start: number,
    private readonly end: number,
  ) {
    super({ highWaterMark: 64 * 1024 });
    this.position = start;
  }

  override _read(size: number): void {
    const length = Math.min(size, this.end - this.position);
    if (length <= 0) {
      this.push(null);
      return;
    }
    const buffer = Buffer.allocUnsafe(length);
    read(this.fd, buffer, 0, length, this.position, (error, bytesRead) => {
      if (error !== null) return this.destroy(error);
      if (bytesRead === 0) return this.destroy(new Error('unexpected end of file'));
      this.position += bytesRead;
      this.push(bytesRead < length ? buffer.subarray(0, bytesRead) : buffer);
    });
  }
}

class WindowedDirectoryReader extends yauzl.RandomAccessReader {
  /** One buffer, refilled: a new one per piece lingered as garbage outside the heap until a full collection. */
  private readonly window = Buffer.allocUnsafe(DIRECTORY_WINDOW_BYTES);
  /** The file's bytes [windowStart, windowEnd) are in `window`. */
  private windowStart = 0;
  private windowEnd = 0;
  private filling = false;

  constructor(
    private readonly fd: number,
    private readonly directoryStart: number,
    private readonly fileSize: number,
  ) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    const copy = (): void => {
      this.window.copy(buffer, offset, position - this.windowStart, position - this.windowStart + length);
    };
    if (position >= this.windowStart && position + length <= this.windowEnd) {
      copy();
      queueMicrotask(() => callback(null));
      return;
    }
    // Entry data, a piece larger than the window, or (never from yauzl, which reads the
    // directory one entry after the other) a read while the window is refilled: read directly.
    if (position < this.directoryStart || position + length > this.fileSize || length > this.window.length || this.filling) {
      super.read(buffer, offset, length, position, callback);
      return;
    }
    this.filling = true;
    this.windowEnd = this.windowStart; // empty while refilled
    fill(this.fd, this.window, Math.min(this.window.length, this.fileSize - position), position).then(
      () => {
        this.filling = false;
        this.windowStart = position;
        this.windowEnd = position + Math.min(this.window.length, this.fileSize - position);
        copy();
        callback(null);
      },
      (error: unknown) => {
        this.filling = false;
        callback(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new DescriptorRange(this.fd, start, end);
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, callback);
  }
}

/** The first `length` bytes of `buffer` from the file at `position`. */
async function fill(fd: number, buffer: Buffer, length: number, position: number): Promise<void> {
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readFd(fd, buffer, done, length - done, position + done);
    if (bytesRead === 0) throw new Error('unexpected EOF');
    done += bytesRead;
  }
}

/**
 * Opens the zip on `fd` as yauzl.fromFd would, with the central directory read in windows.
 * The descriptor is closed when the returned ZipFile is closed and its streams have ended.
 */
export async function openZipWithDirectoryWindow(fd: number, zipBytes: number, options: yauzl.Options): Promise<yauzl.ZipFile> {
  // A first open reads the end records: where the directory starts (yauzl's own parser,
  // Zip64 included). It is dropped unclosed: closing it would close the descriptor.
  const probe = await yauzl.fromFdPromise(fd, { ...options, autoClose: false });
  const start = (probe as unknown as { readEntryCursor: number }).readEntryCursor;
  if (!Number.isSafeInteger(start) || start < 0 || start >= zipBytes) return probe;
  return yauzl.fromRandomAccessReaderPromise(new WindowedDirectoryReader(fd, start, zipBytes), zipBytes, options);
}
