/**
 * Random access into a blob file: read any byte range by decrypting only the chunks it
 * touches, so that a video can be seeked without writing plaintext anywhere.
 *
 * Opening checks the header and the size arithmetic, then authenticates the final chunk:
 * its tag proves both its position and that it is the last, so `size` is trustworthy and a
 * cut or extended file is refused at once. Every other chunk is authenticated when read.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { TamgaError } from '../../../shared/errors';
import { fromFsError } from '../fs/fs-errors';
import {
  HEADER_SIZE,
  TAG_SIZE,
  deriveBlobKey,
  layoutFromCiphertextSize,
  parseHeader,
  shortBlobId,
  type BlobHeader,
  type BlobLayout,
} from './blob-format';
import { openChunk, readerSetup, type BlobReadOptions } from './blob-reader';

export interface RandomAccessBlob {
  /** 32 lower-case hex digits. */
  readonly blobId: string;
  /** Plaintext size in bytes. */
  readonly size: number;
  readonly chunkSize: number;
  /**
   * Up to `length` bytes from `offset`, clamped to the end (empty at or past it). With
   * `into`, the bytes are decrypted into it (it must be long enough) and a view of it returned.
   */
  read(offset: number, length: number, into?: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openBlob(path: string, options: BlobReadOptions): Promise<RandomAccessBlob> {
  const { blobKey, expectedBlobId } = readerSetup(options);
  const what = `opening blob ${shortBlobId(expectedBlobId.toString('hex'))}`;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw fromFsError(err, what);
  }
  try {
    const { size } = await handle.stat();
    const headerBytes = Buffer.alloc(HEADER_SIZE);
    const { bytesRead } = await handle.read(headerBytes, 0, HEADER_SIZE, 0);
    const header = parseHeader(headerBytes.subarray(0, bytesRead), expectedBlobId);
    const layout = layoutFromCiphertextSize(size, header.chunkSize, header.blobIdHex);
    const blob = new FileBlob(handle, header, layout, deriveBlobKey(blobKey, header));
    await blob.chunk(layout.chunkCount - 1);
    return blob;
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw fromFsError(err, what);
  }
}

class FileBlob implements RandomAccessBlob {
  readonly blobId: string;
  readonly size: number;
  readonly chunkSize: number;
  private closed = false;
  /** The last chunk decrypted: small sequential reads (a video player's) decrypt each chunk once. */
  private cached: { index: number; plain: Buffer } | undefined;
  /**
   * Sealed chunks are read into this and decrypted out of it, so reading a blob through
   * allocates one such buffer, not one per chunk (fresh memory costs page faults and GC
   * work). Taken while in use: a concurrent read of the same blob allocates its own.
   */
  private spare: Buffer | undefined;

  constructor(
    private readonly handle: FileHandle,
    private readonly header: BlobHeader,
    private readonly layout: BlobLayout,
    private readonly key: Buffer,
  ) {
    this.blobId = header.blobIdHex;
    this.size = layout.plaintextSize;
    this.chunkSize = header.chunkSize;
  }

  async read(offset: number, length: number, into?: Buffer): Promise<Buffer> {
    for (const [name, value] of [['offset', offset], ['length', length]] as const) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new TamgaError('INVALID_ARGUMENT', `A read ${name} must be a non-negative integer, not ${String(value)}.`);
      }
    }
    if (this.closed) throw new TamgaError('INVALID_ARGUMENT', `Blob ${shortBlobId(this.blobId)} was read after it was closed.`, { closed: true });
    const start = Math.min(offset, this.size);
    const end = Math.min(this.size, offset + length);
    if (end <= start) return Buffer.alloc(0);
    if (into !== undefined && into.length < end - start) {
      throw new TamgaError('INVALID_ARGUMENT', `A read of ${end - start} bytes does not fit a ${into.length}-byte buffer.`);
    }
    const out = into?.subarray(0, end - start) ?? Buffer.allocUnsafe(end - start);
    for (let index = Math.floor(start / this.chunkSize); index * this.chunkSize < end; index++) {
      const chunkStart = index * this.chunkSize;
      const chunkEnd = chunkStart + (index === this.layout.chunkCount - 1 ? this.layout.lastChunkPlainSize : this.chunkSize);
      if (chunkStart >= start && chunkEnd <= end && this.cached?.index !== index) {
        // A chunk read whole is decrypted straight into the result: no copy, no garbage.
        await this.chunk(index, out.subarray(chunkStart - start, chunkEnd - start));
        continue;
      }
      const plain = await this.chunk(index);
      plain.copy(out, Math.max(0, chunkStart - start), Math.max(0, start - chunkStart), Math.min(plain.length, end - chunkStart));
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cached = undefined;
    this.spare = undefined;
    await this.handle.close();
  }

  /**
   * The authenticated plaintext of one chunk. With `into` it is decrypted there and not
   * cached (the caller owns that memory and may reuse it).
   */
  async chunk(index: number, into?: Buffer): Promise<Buffer> {
    if (into === undefined && this.cached?.index === index) return this.cached.plain;
    const isLast = index === this.layout.chunkCount - 1;
    // Sized for the largest sealed chunk of this blob (a small blob's only chunk is small).
    const buffer = this.spare ?? Buffer.allocUnsafe((this.layout.chunkCount > 1 ? this.chunkSize : this.layout.lastChunkPlainSize) + TAG_SIZE);
    this.spare = undefined;
    try {
      const sealed = buffer.subarray(0, (isLast ? this.layout.lastChunkPlainSize : this.chunkSize) + TAG_SIZE);
      await this.readSealed(sealed, HEADER_SIZE + index * (this.chunkSize + TAG_SIZE), index);
      // openChunk writes the plaintext elsewhere: nothing returned aliases the spare buffer.
      const plain = openChunk(this.key, this.header, index, isLast, sealed, into);
      if (into === undefined) this.cached = { index, plain };
      return plain;
    } finally {
      if (!this.closed) this.spare = buffer;
    }
  }

  private async readSealed(sealed: Buffer, position: number, index: number): Promise<void> {
    let got = 0;
    try {
      while (got < sealed.length) {
        const { bytesRead } = await this.handle.read(sealed, got, sealed.length - got, position + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
    } catch (err) {
      throw fromFsError(err, `reading blob ${shortBlobId(this.blobId)}`);
    }
    if (got < sealed.length) {
      throw new TamgaError('CORRUPT', `Blob ${shortBlobId(this.blobId)}: the file became shorter while open, inside chunk ${index}.`, {
        blobId: this.blobId,
        chunk: index,
      });
    }
  }
}
