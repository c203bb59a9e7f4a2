/**
 * Hashing a bundle's files: every algorithm a file needs, in one read of the file. Large
 * files send SHA-512 to a second thread (hash-worker.ts) while this one does the rest;
 * small files are hashed here whole (a thread hop costs more than it saves).
 */
import { createHash } from 'node:crypto';
import { HashWorker } from './hash-worker';
import { throwIfStopped } from './problems';
import type { BundleSource } from './source';

export const HASH_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];
export type Digests = ReadonlyMap<HashAlgorithm, string>;

/** Hex digits of each algorithm's digest. */
export const HEX_LENGTH: Readonly<Record<HashAlgorithm, number>> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };

export function isHashAlgorithm(name: string): name is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly string[]).includes(name);
}

/** Files from this size on use the second thread when they need SHA-512 and something else. */
const OFFLOAD_MIN_BYTES = 4 * 1024 * 1024;

export function hashBytes(bytes: Uint8Array, algorithms: ReadonlySet<HashAlgorithm>): Digests {
  return new Map([...algorithms].map((a) => [a, createHash(a).update(bytes).digest('hex')]));
}

export class FileHasher {
  private worker: HashWorker | null = null;

  constructor(
    private readonly source: BundleSource,
    private readonly signal: AbortSignal,
    private readonly onBytes: (bytes: number) => void,
  ) {}

  /** Streams one file through its hashes; throws ReadFailure (or VerifyStopped) on the way. */
  async hash(path: string, algorithms: ReadonlySet<HashAlgorithm>, size: number): Promise<Digests> {
    const offload = algorithms.has('sha512') && algorithms.size > 1 && size >= OFFLOAD_MIN_BYTES;
    const local = [...algorithms].filter((a) => !offload || a !== 'sha512').map((a) => [a, createHash(a)] as const);
    const worker = offload ? (this.worker ??= new HashWorker()) : null;
    worker?.begin(['sha512']);
    for await (const chunk of this.source.read(path, this.signal)) {
      for (const [, hash] of local) hash.update(chunk);
      if (worker !== null) await worker.update(chunk);
      this.onBytes(chunk.length);
    }
    throwIfStopped(this.signal);
    const digests = new Map<HashAlgorithm, string>(local.map(([a, hash]) => [a, hash.digest('hex')]));
    if (worker !== null) digests.set('sha512', (await worker.digest()).sha512 ?? '');
    return digests;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
