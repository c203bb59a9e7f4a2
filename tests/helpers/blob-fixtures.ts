/** Test plumbing for the blob stream: deterministic bytes, split feeding, tampering, error capture. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TamgaError } from '../../src/shared/errors';
import { BlobDecryptStream } from '../../src/main/engine/crypto/blob-reader';
import { BlobEncryptStream, type BlobWriteOptions, type BlobWriteResult } from '../../src/main/engine/crypto/blob-writer';
import { HEADER_SIZE, TAG_SIZE } from '../../src/main/engine/crypto/blob-format';

/** mulberry32: a small seeded generator, so that every failure can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pseudoRandomBytes(length: number, seed: number): Buffer {
  const next = prng(seed);
  const out = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
  return out;
}

/** Cuts a buffer into pieces of 1..maxPiece bytes, so the streams meet every kind of boundary. */
export function randomPieces(data: Buffer, seed: number, maxPiece: number): Buffer[] {
  const next = prng(seed);
  const pieces: Buffer[] = [];
  for (let pos = 0; pos < data.length; ) {
    const size = 1 + Math.floor(next() * maxPiece);
    pieces.push(data.subarray(pos, pos + size));
    pos += size;
  }
  return pieces;
}

export async function encryptViaStream(pieces: readonly Buffer[], options: BlobWriteOptions): Promise<{ ciphertext: Buffer; result: BlobWriteResult }> {
  const encrypt = new BlobEncryptStream(options);
  const out: Buffer[] = [];
  await pipeline(Readable.from(pieces), encrypt, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) out.push(chunk);
  });
  return { ciphertext: Buffer.concat(out), result: encrypt.result() };
}

export interface DecryptOutcome {
  /** Every byte the stream emitted, in order, up to the end or the error. */
  readonly emitted: Buffer;
  readonly error: unknown;
}

/** Feeds a decrypt stream in pieces and records what it emitted before ending or failing. */
export function decryptViaStream(pieces: readonly Buffer[], options: { blobKey: Buffer; expectedBlobId: string | Buffer }): Promise<DecryptOutcome> {
  return new Promise((resolve) => {
    const decrypt = new BlobDecryptStream(options);
    const out: Buffer[] = [];
    let settled = false;
    const settle = (error: unknown): void => {
      if (settled) return;
      settled = true;
      resolve({ emitted: Buffer.concat(out), error });
    };
    decrypt.on('data', (chunk: Buffer) => out.push(chunk));
    decrypt.on('error', settle);
    decrypt.on('end', () => settle(undefined));
    for (const piece of pieces) decrypt.write(piece);
    decrypt.end();
  });
}

/** Where chunk `index` of a blob sits, given its chunk size and plaintext size. */
export function chunkSpan(index: number, chunkSize: number, plaintextSize: number): { start: number; tagStart: number; end: number } {
  const start = HEADER_SIZE + index * (chunkSize + TAG_SIZE);
  const plainLength = Math.min(chunkSize, plaintextSize - index * chunkSize);
  return { start, tagStart: start + plainLength, end: start + plainLength + TAG_SIZE };
}

export function flipBit(data: Buffer, byte: number, bit = 0): Buffer {
  const copy = Buffer.from(data);
  copy[byte] = (copy[byte] ?? 0) ^ (1 << bit);
  return copy;
}

export function thrown(fn: () => unknown): TamgaError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TamgaError) return err;
    throw new Error(`expected a TamgaError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a TamgaError, nothing was thrown');
}

export async function rejected(promise: Promise<unknown>): Promise<TamgaError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TamgaError) return err;
    throw new Error(`expected a TamgaError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected a TamgaError, the promise resolved');
}
