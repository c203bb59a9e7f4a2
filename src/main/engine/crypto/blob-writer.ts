/**
 * Writing blobs: plaintext in, blob stream (header, then sealed chunks) out, hashing the
 * plaintext on the way, so that an import reads each source file exactly once.
 *
 * Memory stays constant whatever the size: one reused chunk-size plaintext buffer plus the
 * ciphertext of the chunk in flight. The last full chunk is held back until more input or
 * the end shows whether it is the final one (its nonce says so).
 */
import { createCipheriv, createHash, randomBytes, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { TamgaError } from '../../../shared/errors';
import {
  BLOB_ID_SIZE,
  CIPHER_SLICE,
  DEFAULT_CHUNK_SIZE_LOG2,
  HEADER_SIZE,
  SALT_SIZE,
  TAG_SIZE,
  checkBlobKey,
  chunkNonce,
  chunkSizeFromLog2,
  deriveBlobKey,
  encodeHeader,
  normalizeBlobId,
} from './blob-format';

export type HashName = 'sha256' | 'sha1' | 'md5';
const HASH_NAMES: readonly HashName[] = ['sha256', 'sha1', 'md5'];

export interface BlobWriteOptions {
  /** The vault's 32-byte blob subkey. */
  readonly blobKey: Buffer;
  /** 16 bytes; a fresh random id when absent. Never reuse one. */
  readonly blobId?: Buffer;
  readonly chunkSizeLog2?: number;
  /** Extra digests of the plaintext; sha256 is always computed. */
  readonly hashes?: readonly HashName[];
}

export interface BlobDigests {
  readonly sha256: string;
  readonly sha1?: string;
  readonly md5?: string;
}

export interface BlobWriteResult {
  /** 32 lower-case hex digits. */
  readonly blobId: string;
  readonly plaintextSize: number;
  readonly ciphertextSize: number;
  /** Lower-case hex digests of the plaintext. */
  readonly digests: BlobDigests;
}

export function newBlobId(): Buffer {
  return randomBytes(BLOB_ID_SIZE);
}

/** Seals one chunk; returns the ciphertext (in CIPHER_SLICE pieces) then the tag, none copied again. */
function sealChunk(key: Buffer, header: Buffer, index: number, isLast: boolean, plain: Buffer): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(index, isLast), { authTagLength: TAG_SIZE });
  cipher.setAAD(header);
  const parts: Buffer[] = [];
  for (let at = 0; at < plain.length; at += CIPHER_SLICE) parts.push(cipher.update(plain.subarray(at, at + CIPHER_SLICE)));
  cipher.final(); // GCM emits nothing here; it computes the tag
  parts.push(cipher.getAuthTag());
  return parts;
}

/** What the writer and encryptBuffer share: option checks, header, key and hashes. */
class BlobSealContext {
  readonly header: Buffer;
  readonly blobIdHex: string;
  readonly chunkSize: number;
  readonly key: Buffer;
  private readonly hashes: ReadonlyMap<HashName, Hash>;

  constructor(options: BlobWriteOptions) {
    checkBlobKey(options.blobKey);
    const chunkSizeLog2 = options.chunkSizeLog2 ?? DEFAULT_CHUNK_SIZE_LOG2;
    this.chunkSize = chunkSizeFromLog2(chunkSizeLog2);
    const blobId = options.blobId === undefined ? newBlobId() : normalizeBlobId(options.blobId);
    const names = new Set<HashName>(['sha256']);
    for (const name of options.hashes ?? []) {
      if (!HASH_NAMES.includes(name)) throw new TamgaError('INVALID_ARGUMENT', `Unknown hash "${String(name)}"; use sha256, sha1 or md5.`);
      names.add(name);
    }
    this.hashes = new Map([...names].map((name) => [name, createHash(name)]));
    const salt = randomBytes(SALT_SIZE);
    this.header = encodeHeader({ chunkSizeLog2, blobId, salt });
    this.blobIdHex = blobId.toString('hex');
    this.key = deriveBlobKey(options.blobKey, { salt, blobId });
  }

  /** Hashes then seals, so the digests cover exactly the bytes that were encrypted. */
  seal(index: number, isLast: boolean, plain: Buffer): Buffer[] {
    for (const hash of this.hashes.values()) hash.update(plain);
    return sealChunk(this.key, this.header, index, isLast, plain);
  }

  result(plaintextSize: number, ciphertextSize: number): BlobWriteResult {
    const digests: Partial<Record<HashName, string>> = {};
    for (const [name, hash] of this.hashes) digests[name] = hash.digest('hex');
    return { blobId: this.blobIdHex, plaintextSize, ciphertextSize, digests: digests as BlobDigests };
  }
}

/** Plaintext in, blob stream out (header first). Read `result()` after 'finish' or 'end'. */
export class BlobEncryptStream extends Transform {
  /** The id the blob is being written under, known from the start (32 hex). */
  readonly blobId: string;
  private readonly context: BlobSealContext;
  /** The chunk being filled; reused for every chunk. */
  private readonly chunk: Buffer;
  private fill = 0;
  private index = 0;
  private plaintextSize = 0;
  private ciphertextSize = 0;
  private headerSent = false;
  private finished: BlobWriteResult | undefined;

  constructor(options: BlobWriteOptions) {
    super();
    this.context = new BlobSealContext(options);
    this.blobId = this.context.blobIdHex;
    this.chunk = Buffer.allocUnsafe(this.context.chunkSize);
  }

  result(): BlobWriteResult {
    if (!this.finished) throw new TamgaError('INTERNAL', 'The blob result was asked for before the blob was completely written.');
    return this.finished;
  }

  override _transform(data: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const input = typeof data === 'string' ? Buffer.from(data, encoding) : data;
      this.sendHeader();
      this.plaintextSize += input.length;
      let pos = 0;
      while (pos < input.length) {
        // A full chunk with more bytes behind it is not the last one: seal it now.
        if (this.fill === this.chunk.length) this.sealHeld(false);
        const copied = input.copy(this.chunk, this.fill, pos, Math.min(input.length, pos + this.chunk.length - this.fill));
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
      this.sendHeader();
      this.sealHeld(true); // an empty plaintext still gets its one empty, final chunk
      this.finished = this.context.result(this.plaintextSize, this.ciphertextSize);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  private sendHeader(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    this.push(this.context.header);
    this.ciphertextSize += HEADER_SIZE;
  }

  private sealHeld(isLast: boolean): void {
    // The plaintext buffer is reused; update() returns fresh ciphertext, so nothing pushed aliases it.
    for (const part of this.context.seal(this.index, isLast, this.chunk.subarray(0, this.fill))) {
      this.push(part);
      this.ciphertextSize += part.length;
    }
    this.index += 1;
    this.fill = 0;
  }
}

/** For small things held in memory anyway (thumbnails, previews): one call, no stream. */
export function encryptBuffer(plain: Buffer, options: BlobWriteOptions): { ciphertext: Buffer; result: BlobWriteResult } {
  const context = new BlobSealContext(options);
  const parts: Buffer[] = [context.header];
  const chunkCount = Math.max(1, Math.ceil(plain.length / context.chunkSize));
  for (let index = 0; index < chunkCount; index++) {
    const start = index * context.chunkSize;
    parts.push(...context.seal(index, index === chunkCount - 1, plain.subarray(start, start + context.chunkSize)));
  }
  const ciphertext = Buffer.concat(parts);
  return { ciphertext, result: context.result(plain.length, ciphertext.length) };
}
