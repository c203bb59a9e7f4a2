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
  /** Up to `length` bytes from `offset`, clamped to the end (empty at or past it). */
  read(offset: number, length: number): Promise<Buffer>;
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

  async read(offset: number, length: number): Promise<Buffer> {
    for (const [name, value] of [['offset', offset], ['length', length]] as const) {
      if (!Number.isSafeInteger(value) || value < 0) {
        throw new TamgaError('INVALID_ARGUMENT', `A read ${name} must be a non-negative integer, not ${String(value)}.`);
      }
    }
    if (this.closed) throw new TamgaError('INVALID_ARGUMENT', `Blob ${shortBlobId(this.blobId)} was read after it was closed.`);
    const start = Math.min(offset, this.size);
    const end = Math.min(this.size, offset + length);
    if (end <= start) return Buffer.alloc(0);
    const out = Buffer.allocUnsafe(end - start);
    for (let index = Math.floor(start / this.chunkSize); index * this.chunkSize < end; index++) {
      const plain = await this.chunk(index);
      const chunkStart = index * this.chunkSize;
      plain.copy(out, Math.max(0, chunkStart - start), Math.max(0, start - chunkStart), Math.min(plain.length, end - chunkStart));
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.cached = undefined;
    await this.handle.close();
  }

  /** The authenticated plaintext of one chunk. */
  async chunk(index: number): Promise<Buffer> {
    if (this.cached?.index === index) return this.cached.plain;
    const isLast = index === this.layout.chunkCount - 1;
    const sealed = Buffer.allocUnsafe((isLast ? this.layout.lastChunkPlainSize : this.chunkSize) + TAG_SIZE);
    const position = HEADER_SIZE + index * (this.chunkSize + TAG_SIZE);
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
    const plain = openChunk(this.key, this.header, index, isLast, sealed);
    this.cached = { index, plain };
    return plain;
  }
}
