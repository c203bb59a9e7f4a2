/**
 * The blob stream format v1 (docs/formats.md "Blob stream format v1"): the 60-byte header,
 * the per-blob key, the chunk nonces and the arithmetic that turns a file size into a chunk
 * layout. The writer, the streaming reader and the random-access reader all take these from
 * here, so the three can never disagree about a byte.
 *
 * Everything a reader parses is hostile until a tag says otherwise: the header is checked
 * field by field before anything is allocated from it, and sizes are checked before any
 * chunk is read.
 */
import { hkdfSync } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';

export const MAGIC = Buffer.from('TAMGBLOB', 'ascii');
export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 60;
export const TAG_SIZE = 16;
export const NONCE_SIZE = 12;
export const BLOB_ID_SIZE = 16;
export const SALT_SIZE = 32;
/** 4 KiB … 16 MiB: a reader refuses other sizes before allocating a chunk buffer. */
export const MIN_CHUNK_SIZE_LOG2 = 12;
export const MAX_CHUNK_SIZE_LOG2 = 24;
export const DEFAULT_CHUNK_SIZE_LOG2 = 20;
/**
 * Not part of the format: how much of a chunk one cipher update() call handles. Node's
 * update() allocates and zero-fills its output and, for GCM, copies it once more; done a
 * whole 1 MiB chunk at a time that is fresh memory every time (page faults), done in 64 KiB
 * slices it is small, reused and cache-warm: about half the CPU per MiB here.
 */
export const CIPHER_SLICE = 64 * 1024;
/** HKDF info prefix; the 16 raw blob-id bytes follow it. */
export const BLOB_KEY_INFO = 'tamga blob v1';
export const BLOB_KEY_SIZE = 32;

const OFFSET_VERSION = 8;
const OFFSET_CHUNK_LOG2 = 9;
const OFFSET_RESERVED = 10;
const OFFSET_BLOB_ID = 12;
const OFFSET_SALT = 28;
const COUNTER_SIZE = NONCE_SIZE - 1;
const BLOB_ID_HEX = /^[0-9a-f]{32}$/i;

export interface BlobHeader {
  readonly version: number;
  readonly chunkSizeLog2: number;
  readonly chunkSize: number;
  readonly blobId: Buffer;
  /** The id as 32 lower-case hex digits (the file's name). */
  readonly blobIdHex: string;
  readonly salt: Buffer;
  /** The exact 60 header bytes: the AAD of every chunk. */
  readonly bytes: Buffer;
}

export interface BlobLayout {
  readonly chunkCount: number;
  readonly plaintextSize: number;
  readonly lastChunkPlainSize: number;
}

/** A short form of a blob id for messages; the full id goes in the error details. */
export function shortBlobId(blobIdHex: string): string {
  return `${blobIdHex.slice(0, 12)}…`;
}

/** Accepts 32 hex digits or 16 raw bytes; anything else is a caller's mistake. */
export function normalizeBlobId(id: string | Buffer): Buffer {
  if (typeof id === 'string') {
    if (!BLOB_ID_HEX.test(id)) throw new TamgaError('INVALID_ARGUMENT', `"${id}" is not a blob id (32 hexadecimal digits).`);
    return Buffer.from(id, 'hex');
  }
  if (!Buffer.isBuffer(id) || id.length !== BLOB_ID_SIZE) {
    throw new TamgaError('INVALID_ARGUMENT', `A blob id must be ${BLOB_ID_SIZE} bytes long.`);
  }
  return id;
}

export function checkBlobKey(blobKey: Buffer): void {
  if (!Buffer.isBuffer(blobKey) || blobKey.length !== BLOB_KEY_SIZE) {
    throw new TamgaError('INVALID_ARGUMENT', `The blob key must be ${BLOB_KEY_SIZE} bytes long.`);
  }
}

export function chunkSizeFromLog2(chunkSizeLog2: number): number {
  if (!Number.isInteger(chunkSizeLog2) || chunkSizeLog2 < MIN_CHUNK_SIZE_LOG2 || chunkSizeLog2 > MAX_CHUNK_SIZE_LOG2) {
    throw new TamgaError(
      'INVALID_ARGUMENT',
      `The chunk size must be 2^${MIN_CHUNK_SIZE_LOG2} to 2^${MAX_CHUNK_SIZE_LOG2} bytes; 2^${String(chunkSizeLog2)} was asked for.`,
    );
  }
  return 2 ** chunkSizeLog2;
}

export function encodeHeader(fields: { chunkSizeLog2: number; blobId: Buffer; salt: Buffer }): Buffer {
  chunkSizeFromLog2(fields.chunkSizeLog2);
  normalizeBlobId(fields.blobId);
  if (!Buffer.isBuffer(fields.salt) || fields.salt.length !== SALT_SIZE) {
    throw new TamgaError('INVALID_ARGUMENT', `A blob salt must be ${SALT_SIZE} bytes long.`);
  }
  const header = Buffer.alloc(HEADER_SIZE); // zero-filled: the reserved bytes are zero
  MAGIC.copy(header, 0);
  header[OFFSET_VERSION] = FORMAT_VERSION;
  header[OFFSET_CHUNK_LOG2] = fields.chunkSizeLog2;
  fields.blobId.copy(header, OFFSET_BLOB_ID);
  fields.salt.copy(header, OFFSET_SALT);
  return header;
}

/**
 * Checks a header before anything is allocated from it. The version is checked right after
 * the magic, because a future version may lay out the rest differently; a chunk size
 * outside 12..24 in a v1 header is not "a newer format" but a damaged one, hence CORRUPT.
 */
export function parseHeader(bytes: Buffer, expectedBlobId?: string | Buffer): BlobHeader {
  const expected = expectedBlobId === undefined ? undefined : normalizeBlobId(expectedBlobId);
  const name = expected ? `Blob ${shortBlobId(expected.toString('hex'))}` : 'The blob';
  const idDetails = expected ? { blobId: expected.toString('hex') } : {};
  if (bytes.length < HEADER_SIZE) {
    throw new TamgaError('CORRUPT', `${name} is too short to hold its header (the file was truncated).`, { ...idDetails, size: bytes.length });
  }
  const header = Buffer.from(bytes.subarray(0, HEADER_SIZE)); // own copy: callers reuse their buffers
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new TamgaError('CORRUPT', `${name} does not start with the Tamga blob signature (it is not a blob or it was damaged).`, idDetails);
  }
  const version = header[OFFSET_VERSION] ?? 0;
  if (version !== FORMAT_VERSION) {
    throw new TamgaError(
      'UNSUPPORTED_VERSION',
      `${name} is in format version ${version}, which this version of Tamga cannot read (it reads version ${FORMAT_VERSION}).`,
      { ...idDetails, version },
    );
  }
  const chunkSizeLog2 = header[OFFSET_CHUNK_LOG2] ?? 0;
  if (chunkSizeLog2 < MIN_CHUNK_SIZE_LOG2 || chunkSizeLog2 > MAX_CHUNK_SIZE_LOG2) {
    throw new TamgaError(
      'CORRUPT',
      `${name} claims a chunk size of 2^${chunkSizeLog2} bytes, outside the allowed 2^${MIN_CHUNK_SIZE_LOG2} to 2^${MAX_CHUNK_SIZE_LOG2} (the file was damaged).`,
      { ...idDetails, chunkSizeLog2 },
    );
  }
  if (header[OFFSET_RESERVED] !== 0 || header[OFFSET_RESERVED + 1] !== 0) {
    throw new TamgaError('CORRUPT', `${name} has non-zero reserved header bytes (the file was damaged).`, idDetails);
  }
  const blobId = header.subarray(OFFSET_BLOB_ID, OFFSET_BLOB_ID + BLOB_ID_SIZE);
  const blobIdHex = blobId.toString('hex');
  if (expected && !blobId.equals(expected)) {
    throw new TamgaError(
      'CORRUPT',
      `${name} holds the contents of blob ${shortBlobId(blobIdHex)} (the file was renamed or copied over another).`,
      { ...idDetails, headerBlobId: blobIdHex },
    );
  }
  return {
    version,
    chunkSizeLog2,
    chunkSize: 2 ** chunkSizeLog2,
    blobId,
    blobIdHex,
    salt: header.subarray(OFFSET_SALT, OFFSET_SALT + SALT_SIZE),
    bytes: header,
  };
}

/** The blob id is in the info as well as in the AAD, so a header whose id was rewritten gets another key. */
export function deriveBlobKey(blobKey: Buffer, header: { readonly salt: Buffer; readonly blobId: Buffer }): Buffer {
  checkBlobKey(blobKey);
  const info = Buffer.concat([Buffer.from(BLOB_KEY_INFO, 'utf8'), header.blobId]);
  return Buffer.from(hkdfSync('sha256', blobKey, header.salt, info, 32));
}

/** 11-byte big-endian chunk counter ‖ last-chunk flag: reordering or cutting changes the nonce. */
export function chunkNonce(index: number, isLast: boolean): Buffer {
  if (!Number.isSafeInteger(index) || index < 0) {
    throw new TamgaError('INVALID_ARGUMENT', `A chunk index must be a non-negative integer, not ${String(index)}.`);
  }
  const nonce = Buffer.alloc(NONCE_SIZE);
  // A safe integer fits in the low 8 of the 11 counter bytes; the top 3 stay zero.
  nonce.writeBigUInt64BE(BigInt(index), COUNTER_SIZE - 8);
  nonce[COUNTER_SIZE] = isLast ? 1 : 0;
  return nonce;
}

/** The file size of a blob holding `plaintextSize` bytes (header and tags included). */
export function ciphertextSizeFor(plaintextSize: number, chunkSize: number): number {
  checkChunkSize(chunkSize);
  if (!Number.isSafeInteger(plaintextSize) || plaintextSize < 0) {
    throw new TamgaError('INVALID_ARGUMENT', `A plaintext size must be a non-negative integer, not ${String(plaintextSize)}.`);
  }
  const chunkCount = Math.max(1, Math.ceil(plaintextSize / chunkSize));
  return HEADER_SIZE + plaintextSize + TAG_SIZE * chunkCount;
}

/**
 * The chunk layout implied by a whole file's size (header included). Only one layout fits
 * a valid blob; any other size means bytes were cut off or added.
 */
export function layoutFromCiphertextSize(size: number, chunkSize: number, blobIdHex?: string): BlobLayout {
  checkChunkSize(chunkSize);
  const name = blobIdHex ? `Blob ${shortBlobId(blobIdHex)}` : 'The blob';
  const damaged = (): TamgaError =>
    new TamgaError('CORRUPT', `${name} is ${String(size)} bytes long, which no complete blob can be: it is truncated or has trailing bytes.`, {
      ...(blobIdHex ? { blobId: blobIdHex } : {}),
      size,
    });
  if (!Number.isSafeInteger(size) || size < HEADER_SIZE + TAG_SIZE) throw damaged();
  const body = size - HEADER_SIZE;
  const sealedChunkSize = chunkSize + TAG_SIZE;
  const chunkCount = Math.ceil(body / sealedChunkSize);
  const lastChunkPlainSize = body - (chunkCount - 1) * sealedChunkSize - TAG_SIZE;
  if (lastChunkPlainSize < 0 || (chunkCount > 1 && lastChunkPlainSize < 1)) throw damaged();
  return { chunkCount, plaintextSize: (chunkCount - 1) * chunkSize + lastChunkPlainSize, lastChunkPlainSize };
}

function checkChunkSize(chunkSize: number): void {
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new TamgaError('INVALID_ARGUMENT', `A chunk size must be a positive integer, not ${String(chunkSize)}.`);
  }
}
