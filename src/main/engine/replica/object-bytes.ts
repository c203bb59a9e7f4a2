/** Reading replica objects: small ones whole (with a ceiling), large ones as a stream hashed on the way. */
import { createHash, type Hash } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import type { ReplicaStore } from './store';

/** Reads a small object (a manifest, a signature, vault.json) whole; CORRUPT when larger than `max`. */
export async function readSmallObject(store: ReplicaStore, name: string, max: number, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of await store.get(name, signal)) {
    size += chunk.length;
    if (size > max) throw new TamgaError('CORRUPT', `${name} in the replica is larger than ${max} bytes: it is not what Tamga writes there.`, { name });
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Passes chunks through unchanged while feeding them to `hash` and counting them. */
export async function* hashing(source: AsyncIterable<Uint8Array>, hash: Hash, onBytes?: (n: number) => void): AsyncIterable<Uint8Array> {
  for await (const chunk of source) {
    hash.update(chunk);
    onBytes?.(chunk.length);
    yield chunk;
  }
}

export const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
