/**
 * A second, deliberately naive implementation of the blob stream format, written from the
 * text of docs/formats.md alone (no import from src/): the tests check that the real writer
 * and readers agree with it byte for byte, and it lets the worked example choose its salt,
 * which the real writer never lets a caller do.
 */
import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';

export interface ReferenceBlobInput {
  readonly blobKey: Buffer;
  readonly blobId: Buffer;
  readonly salt: Buffer;
  readonly chunkSizeLog2: number;
  readonly plaintext: Buffer;
}

export function referenceHeader(input: Omit<ReferenceBlobInput, 'plaintext' | 'blobKey'>): Buffer {
  return Buffer.concat([Buffer.from('TAMGBLOB', 'ascii'), Buffer.from([1, input.chunkSizeLog2, 0, 0]), input.blobId, input.salt]);
}

export function referenceKey(blobKey: Buffer, blobId: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', blobKey, salt, Buffer.concat([Buffer.from('tamga blob v1', 'utf8'), blobId]), 32));
}

export function referenceNonce(index: number, isLast: boolean): Buffer {
  const hex = index.toString(16).padStart(22, '0');
  return Buffer.concat([Buffer.from(hex, 'hex'), Buffer.from([isLast ? 1 : 0])]);
}

export function referenceEncrypt(input: ReferenceBlobInput): Buffer {
  const header = referenceHeader(input);
  const key = referenceKey(input.blobKey, input.blobId, input.salt);
  const chunkSize = 2 ** input.chunkSizeLog2;
  const chunks: Buffer[] = [];
  for (let start = 0; start < input.plaintext.length; start += chunkSize) chunks.push(input.plaintext.subarray(start, start + chunkSize));
  if (chunks.length === 0) chunks.push(Buffer.alloc(0));
  const parts = [header];
  chunks.forEach((chunk, i) => {
    const cipher = createCipheriv('aes-256-gcm', key, referenceNonce(i, i === chunks.length - 1));
    cipher.setAAD(header);
    parts.push(cipher.update(chunk), cipher.final(), cipher.getAuthTag());
  });
  return Buffer.concat(parts);
}

/** Decrypts a complete, valid blob; throws a plain Error on anything else. */
export function referenceDecrypt(file: Buffer, blobKey: Buffer): Buffer {
  const header = file.subarray(0, 60);
  if (header.subarray(0, 8).toString('ascii') !== 'TAMGBLOB' || header[8] !== 1) throw new Error('not a v1 blob');
  const chunkSize = 2 ** (header[9] ?? 0);
  const key = referenceKey(blobKey, header.subarray(12, 28), header.subarray(28, 60));
  const body = file.subarray(60);
  const sealedSize = chunkSize + 16;
  const n = Math.max(1, Math.ceil(body.length / sealedSize));
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const sealed = body.subarray(i * sealedSize, (i + 1) * sealedSize);
    const decipher = createDecipheriv('aes-256-gcm', key, referenceNonce(i, i === n - 1));
    decipher.setAAD(header);
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    out.push(decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final());
  }
  return Buffer.concat(out);
}
