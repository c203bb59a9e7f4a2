/**
 * Bodies for the replica store tests: `size` pseudo-random bytes (AES-CTR keystream,
 * incompressible) made on the fly in `chunk`-sized pieces, never held whole, with their
 * SHA-256 known once the last piece is out.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';

export interface GeneratedBody {
  readonly body: AsyncIterable<Uint8Array>;
  /** Bytes handed out so far. */
  pulled(): number;
  /** SHA-256 of everything handed out (complete once the body has ended). */
  sha256(): string;
}

export function generatedBody(size: number, options: { chunk?: number; beforeChunk?: (pulled: number) => Promise<void> | void } = {}): GeneratedBody {
  const chunk = options.chunk ?? 256 * 1024;
  const cipher = createCipheriv('aes-256-ctr', randomBytes(32), randomBytes(16));
  const hash = createHash('sha256');
  let pulled = 0;
  const zeros = Buffer.alloc(chunk);
  async function* body(): AsyncGenerator<Uint8Array> {
    while (pulled < size) {
      await options.beforeChunk?.(pulled);
      // A fresh buffer each time: the store may still hold the previous one.
      const piece = cipher.update(zeros.subarray(0, Math.min(chunk, size - pulled)));
      hash.update(piece);
      pulled += piece.length;
      yield piece;
    }
  }
  return { body: body(), pulled: () => pulled, sha256: () => hash.copy().digest('hex') };
}

/** SHA-256 and length of a streamed object. */
export async function digest(stream: AsyncIterable<Uint8Array>): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const piece of stream) {
    hash.update(piece);
    size += piece.byteLength;
  }
  return { sha256: hash.digest('hex'), size };
}
