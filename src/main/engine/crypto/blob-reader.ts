/**
 * Reading blobs as a stream: blob stream in, plaintext out, each chunk authenticated before
 * any of its plaintext leaves. Also the one function that opens a single chunk, which the
 * random-access reader shares.
 *
 * The header is checked as soon as its 60 bytes arrive, before anything is allocated from
 * the chunk size it claims. One sealed chunk is held back, because only the end of the
 * input tells whether it is the final one (and the final one must have been sealed so).
 * A consumer must still treat an error as "discard everything": the chunks before a cut or
 * a damaged chunk are genuine, but the blob as a whole is not.
 */
import { createDecipheriv } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { TamgaError } from '../../../shared/errors';
import {
  CIPHER_SLICE,
  HEADER_SIZE,
  TAG_SIZE,
  checkBlobKey,
  chunkNonce,
  deriveBlobKey,
  layoutFromCiphertextSize,
  normalizeBlobId,
  parseHeader,
  shortBlobId,
  type BlobHeader,
} from './blob-format';

export interface BlobReadOptions {
  /** The vault's 32-byte blob subkey. */
  readonly blobKey: Buffer;
  /** The id the index knows this blob by (32 hex or 16 bytes); the header must name the same. */
  readonly expectedBlobId: string | Buffer;
}

/** The error for a chunk that does not authenticate; the chunk index is in the details. */
function chunkIntegrityError(blobIdHex: string, chunk: number, cause?: unknown): TamgaError {
  return new TamgaError(
    'CORRUPT',
    `Blob ${shortBlobId(blobIdHex)}: chunk ${chunk} failed its integrity check (the file was changed or damaged).`,
    { blobId: blobIdHex, chunk },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Decrypts one sealed chunk (ciphertext ‖ tag) and returns its plaintext only once the tag
 * has authenticated it: against the key, the header, its position and its last-chunk flag.
 * With `into`, the plaintext is written there (a view of it is returned) instead of into a
 * fresh buffer; if the check fails, what was written there is zeroed before the throw.
 */
export function openChunk(key: Buffer, header: BlobHeader, index: number, isLast: boolean, sealed: Buffer, into?: Buffer): Buffer {
  if (sealed.length < TAG_SIZE) {
    throw new TamgaError(
      'CORRUPT',
      `Blob ${shortBlobId(header.blobIdHex)}: the file ends inside chunk ${index} (it is truncated or has trailing bytes).`,
      { blobId: header.blobIdHex, chunk: index },
    );
  }
  const split = sealed.length - TAG_SIZE;
  const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(index, isLast), { authTagLength: TAG_SIZE });
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(sealed.subarray(split));
  if (into !== undefined && into.length < split) throw new TamgaError('INTERNAL', 'A chunk was to be decrypted into a buffer too small for it.');
  const plain = into?.subarray(0, split) ?? Buffer.allocUnsafe(split);
  // In slices (see CIPHER_SLICE); GCM gives back exactly as many bytes as it is given. Each
  // slice is unauthenticated until final(): wiped once copied, it is never garbage either.
  let done = 0;
  for (let at = 0; at < split; at += CIPHER_SLICE) {
    const slice = decipher.update(sealed.subarray(at, Math.min(split, at + CIPHER_SLICE)));
    done += slice.copy(plain, done);
    slice.fill(0);
  }
  try {
    if (done !== split) throw new Error(`the cipher returned ${done} of ${split} bytes`);
    decipher.final();
  } catch (err) {
    plain.fill(0); // unauthenticated plaintext must not outlive the check, even as garbage
    throw chunkIntegrityError(header.blobIdHex, index, err);
  }
  return plain;
}

/** Checks the options once, for every reader. */
export function readerSetup(options: BlobReadOptions): { blobKey: Buffer; expectedBlobId: Buffer } {
  checkBlobKey(options.blobKey);
  return { blobKey: options.blobKey, expectedBlobId: normalizeBlobId(options.expectedBlobId) };
}

/** Blob stream in, plaintext out. Errors (CORRUPT, UNSUPPORTED_VERSION) end the stream. */
export class BlobDecryptStream extends Transform {
  private readonly blobKey: Buffer;
  private readonly expectedBlobId: Buffer;
  private readonly headerBytes = Buffer.alloc(HEADER_SIZE);
  private headerFill = 0;
  private header: BlobHeader | undefined;
  private key: Buffer | undefined;
  /** The sealed chunk being filled (or held back); allocated only after the header checks out. */
  private sealed: Buffer | undefined;
  private fill = 0;
  private index = 0;

  constructor(options: BlobReadOptions) {
    super();
    const setup = readerSetup(options);
    this.blobKey = setup.blobKey;
    this.expectedBlobId = setup.expectedBlobId;
  }

  override _transform(data: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      let pos = 0;
      if (!this.header) {
        const copied = data.copy(this.headerBytes, this.headerFill, 0, Math.min(data.length, HEADER_SIZE - this.headerFill));
        this.headerFill += copied;
        pos = copied;
        if (this.headerFill === HEADER_SIZE) this.startBody();
      }
      const sealed = this.sealed;
      while (sealed && pos < data.length) {
        // A full sealed chunk with more bytes behind it is not the last: open it now.
        if (this.fill === sealed.length) this.openHeld(false);
        const copied = data.copy(sealed, this.fill, pos, Math.min(data.length, pos + sealed.length - this.fill));
        this.fill += copied;
        pos += copied;
      }
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      if (!this.header) {
        // Fewer than 60 bytes: let parseHeader say what is wrong with what there is.
        parseHeader(this.headerBytes.subarray(0, this.headerFill), this.expectedBlobId);
      }
      this.openHeld(true);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  private startBody(): void {
    const header = parseHeader(this.headerBytes, this.expectedBlobId); // throws before any allocation
    this.header = header;
    this.key = deriveBlobKey(this.blobKey, header);
    this.sealed = Buffer.allocUnsafe(header.chunkSize + TAG_SIZE);
  }

  private openHeld(isLast: boolean): void {
    if (!this.header || !this.key || !this.sealed) throw new TamgaError('INTERNAL', 'A blob chunk was opened before its header.');
    // openChunk returns fresh plaintext, so reusing the sealed buffer never alters what was pushed.
    this.push(openChunk(this.key, this.header, this.index, isLast, this.sealed.subarray(0, this.fill)));
    this.index += 1;
    this.fill = 0;
  }
}

/** For small blobs held in memory (thumbnails): checks the size arithmetic, then every chunk. */
export function decryptBuffer(ciphertext: Buffer, options: BlobReadOptions): Buffer {
  const { blobKey, expectedBlobId } = readerSetup(options);
  const header = parseHeader(ciphertext, expectedBlobId);
  const layout = layoutFromCiphertextSize(ciphertext.length, header.chunkSize, header.blobIdHex);
  const key = deriveBlobKey(blobKey, header);
  const plain = Buffer.allocUnsafe(layout.plaintextSize);
  const sealedChunkSize = header.chunkSize + TAG_SIZE;
  for (let index = 0; index < layout.chunkCount; index++) {
    const start = HEADER_SIZE + index * sealedChunkSize;
    const chunk = openChunk(key, header, index, index === layout.chunkCount - 1, ciphertext.subarray(start, start + sealedChunkSize));
    chunk.copy(plain, index * header.chunkSize);
  }
  return plain;
}
