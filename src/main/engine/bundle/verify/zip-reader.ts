/**
 * The file under yauzl, with the central directory read once into memory. yauzl reads
 * each central-directory entry with two small reads; through a plain descriptor each is a
 * trip to the thread pool, and 200 000 entries took 13 s, mostly waiting. Here the
 * directory (from its offset to the end of the file: the entries, the end records and the
 * comment) is one read, and each entry a copy from it; entry data still streams from the
 * descriptor. The cache is bounded by CENTRAL_DIRECTORY_CACHE_BYTES; a larger directory is
 * read as before (and its names are refused past MAX_NAME_BYTES anyway).
 */
import { close, read } from 'node:fs';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import yauzl from 'yauzl';

const readFd = promisify(read);

/** 64 MiB of names (source-zip.ts's limit) plus 46 bytes per entry for a million entries. */
export const CENTRAL_DIRECTORY_CACHE_BYTES = 112 * 1024 * 1024;

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

class CachedDirectoryReader extends yauzl.RandomAccessReader {
  constructor(
    private readonly fd: number,
    private readonly cacheStart: number,
    private readonly cache: Buffer,
  ) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    if (position >= this.cacheStart && position + length <= this.cacheStart + this.cache.length) {
      this.cache.copy(buffer, offset, position - this.cacheStart, position - this.cacheStart + length);
      queueMicrotask(() => callback(null));
      return;
    }
    super.read(buffer, offset, length, position, callback);
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return new DescriptorRange(this.fd, start, end);
  }

  override close(callback: (err: Error | null) => void): void {
    close(this.fd, callback);
  }
}

/**
 * Opens the zip on `fd` as yauzl.fromFd would, with the central directory cached. The
 * descriptor is closed when the returned ZipFile is closed and its streams have ended.
 */
export async function openZipWithCachedDirectory(fd: number, zipBytes: number, options: yauzl.Options): Promise<yauzl.ZipFile> {
  // A first open reads the end records: where the directory starts (yauzl's own parser,
  // Zip64 included). It is dropped unclosed: closing it would close the descriptor.
  const probe = await yauzl.fromFdPromise(fd, { ...options, autoClose: false });
  const start = (probe as unknown as { readEntryCursor: number }).readEntryCursor;
  const length = zipBytes - start;
  if (!Number.isSafeInteger(start) || length <= 0 || length > CENTRAL_DIRECTORY_CACHE_BYTES) return probe;
  const cache = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await readFd(fd, cache, done, length - done, start + done);
    if (bytesRead === 0) return probe;
    done += bytesRead;
  }
  return yauzl.fromRandomAccessReaderPromise(new CachedDirectoryReader(fd, start, cache), zipBytes, options);
}
