/**
 * Reading a file's bytes in order with the next read already running: while the caller
 * hashes one chunk, the thread pool fills the other buffer. Waiting for each read in turn
 * left the hashing thread idle during every read (~0.17 ms per MiB from the page cache,
 * against ~0.95 ms of SHA-256 and CRC-32), which matters for zips: there that thread has
 * about as much work as the SHA-512 thread. Memory: two buffers per file being read,
 * from a pool kept for the whole check (a bundle of 200 photos otherwise allocated 400 MiB
 * of buffers, and the garbage collections that triggered took ~6 % of the reading thread).
 */
import { BufferPool } from '../../buffer-pool';

export const CHUNK_BYTES = 1024 * 1024;

/** Up to three files are read at once (file-lanes.ts): two buffers each. */
export function readBufferPool(): BufferPool {
  return new BufferPool(6);
}

type Filled = { readonly bytes: number } | { readonly error: unknown };

/**
 * Yields each chunk that `fill` reads into a buffer, until it reads 0 bytes. `fill` runs
 * one call at a time, in order; a chunk is valid until the next one is asked for (the
 * buffers go back to the pool at the end). A read still running when the caller stops is
 * awaited, so it never outlives the file handle nor writes into a reused buffer.
 */
export async function* readChunks(size: number, pool: BufferPool, fill: (buffer: Buffer) => Promise<number>): AsyncGenerator<Buffer> {
  const length = Math.min(CHUNK_BYTES, Math.max(size, 1));
  let [current, spare] = [pool.take(length), pool.take(length)];
  // Settles, never rejects: a failed read-ahead must wait for its turn, not become an unhandled rejection.
  const start = (buffer: Buffer): Promise<Filled> => fill(buffer).then((bytes) => ({ bytes }), (error: unknown) => ({ error }));
  let pending: Promise<Filled> | null = null;
  try {
    let filled = await start(current);
    for (;;) {
      if ('error' in filled) throw filled.error;
      if (filled.bytes === 0) return;
      pending = start(spare);
      yield current.subarray(0, filled.bytes);
      [current, spare] = [spare, current];
      filled = await pending;
      pending = null;
    }
  } finally {
    await pending;
    pool.give(current);
    pool.give(spare);
  }
}
