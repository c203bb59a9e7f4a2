/**
 * Random-access reading for metadata extraction. The importer hands in a source that
 * decrypts the vault's copy chunk by chunk, so the readers below ask only for the byte
 * ranges they need (box headers, one moov, one EXIF block) and never for the media data.
 */
import { open } from 'node:fs/promises';

export interface ByteSource {
  readonly size: number;
  /** The whole content, when it is in memory already: whoever needs all of it takes it without a copy. */
  readonly bytes?: Buffer;
  /** Up to `length` bytes from `offset`, clamped to the end (empty at or past it). */
  read(offset: number, length: number): Promise<Buffer>;
}

function clampRange(size: number, offset: number, length: number): { start: number; count: number } {
  if (!Number.isFinite(offset) || !Number.isFinite(length) || offset < 0 || length <= 0 || offset >= size) {
    return { start: 0, count: 0 };
  }
  return { start: offset, count: Math.min(length, size - offset) };
}

export function bufferByteSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    bytes: buf,
    read(offset: number, length: number): Promise<Buffer> {
      const { start, count } = clampRange(buf.length, offset, length);
      return Promise.resolve(buf.subarray(start, start + count));
    },
  };
}

export async function fileByteSource(path: string): Promise<ByteSource & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      async read(offset: number, length: number): Promise<Buffer> {
        const { start, count } = clampRange(size, offset, length);
        const out = Buffer.alloc(count);
        let done = 0;
        // A short read is legal for files; loop until the range is full or the file ends
        // (it may have shrunk since stat).
        while (done < count) {
          const { bytesRead } = await handle.read(out, done, count - done, start + done);
          if (bytesRead === 0) break;
          done += bytesRead;
        }
        return out.subarray(0, done);
      },
      close: () => handle.close(),
    };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}
