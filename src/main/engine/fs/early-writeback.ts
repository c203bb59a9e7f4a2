/**
 * Gets the disk writing a large file while its bytes are still being made. Written data
 * sits in the page cache until something flushes it, and with gigabytes of memory the
 * kernel starts on its own only past its background limit (10 % of memory): an export of a
 * 1 GiB exhibit decrypted and hashed everything first and then waited for the whole GiB in
 * the final fsync, so it took hashing time plus writing time where a durable copy (`dd
 * conv=fsync`) takes about the writing time alone. This tap, placed just before the file's
 * write stream, starts an fdatasync of what has been written so far every EVERY_BYTES, in
 * the thread pool and not awaited, so the disk works while the CPU hashes.
 *
 * It adds flushes, never removes one: the write stream still fsyncs at its close (`flush:
 * true`), and durability is exactly as before. A sync that fails fails the stream, so an
 * EIO the disk reports early is not lost. At most one sync runs at a time, and the last
 * one is awaited before the stream ends, so none outlives the file descriptor.
 */
import { fdatasync, type WriteStream } from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';

/** Large enough that the syncs cost nothing next to the writing, small enough to start the disk early. */
const EVERY_BYTES = 32 * 1024 * 1024;

export type Datasync = (fd: number, callback: (err: NodeJS.ErrnoException | null) => void) => void;

export class EarlyWriteback extends Transform {
  private sinceSync = 0;
  private running: Promise<void> | null = null;
  private failure: Error | null = null;
  private fd: number | null = null;

  /** `datasync` is fs.fdatasync; a test gives one that fails, as a failing disk would. */
  constructor(
    out: WriteStream,
    private readonly datasync: Datasync = fdatasync,
  ) {
    super({ highWaterMark: 1024 * 1024 });
    out.once('open', (fd: number) => (this.fd = fd));
    out.once('close', () => (this.fd = null));
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.failure !== null) {
      callback(this.failure);
      return;
    }
    this.sinceSync += chunk.length;
    if (this.sinceSync >= EVERY_BYTES && this.running === null && this.fd !== null) {
      this.sinceSync = 0;
      this.running = this.sync(this.fd);
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    void (this.running ?? Promise.resolve()).then(() => callback(this.failure));
  }

  private sync(fd: number): Promise<void> {
    return new Promise((resolve) => {
      this.datasync(fd, (err) => {
        if (err !== null) this.failure ??= err;
        this.running = null;
        resolve();
      });
    });
  }
}
