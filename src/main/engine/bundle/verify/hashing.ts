/**
 * Hashing a bundle's files: every algorithm a file needs, in one read of the file. SHA-512
 * is the slowest by far (no CPU instructions), so for files from OFFLOAD_MIN_BYTES on it
 * runs on a second thread (../hash-worker.ts) while this one reads and does the rest. A
 * file's digests are handed back as a function to call later: the caller reads and hashes
 * the next file while the second thread finishes this one, so the threads overlap across
 * files (a bundle of photos), not only within a large file.
 *
 * The thread starts as soon as the listing shows enough to give it, so that its start-up
 * (~60 ms) overlaps the checks of the tag files; until it runs, only files large enough to
 * be worth the wait are given to it, smaller ones are hashed here whole.
 */
import { createHash, type Hash } from 'node:crypto';
import { HashWorker } from '../hash-worker';
import { throwIfStopped } from './problems';
import type { BundleSource } from './source';

export const HASH_ALGORITHMS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];
export type Digests = ReadonlyMap<HashAlgorithm, string>;
/** A file's digests, once every thread hashing it is done. */
export type PendingDigests = () => Promise<Digests>;
/**
 * How a file is hashed: its SHA-512 on the second thread when worth it ('offload'; only one
 * file at a time, as that thread hashes in order), wholly here ('local'), or wholly here in
 * this thread's spare time ('spare': each chunk only while the second thread has plenty queued).
 */
export type HashMode = 'offload' | 'local' | 'spare';

/** Hex digits of each algorithm's digest. */
export const HEX_LENGTH: Readonly<Record<HashAlgorithm, number>> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };

export function isHashAlgorithm(name: string): name is HashAlgorithm {
  return (HASH_ALGORITHMS as readonly string[]).includes(name);
}

/** Files from this size on give SHA-512 to the second thread (below, handing over costs about what it saves). */
const OFFLOAD_MIN_BYTES = 256 * 1024;
/** The thread is started only for at least this much to offload: less is hashed sooner here than the thread starts. */
const THREAD_MIN_BYTES = 32 * 1024 * 1024;
/** Until the thread runs, files this large wait for it; smaller ones are hashed here whole. */
const WAIT_FOR_THREAD_BYTES = 32 * 1024 * 1024;

type LocalHashes = ReadonlyArray<readonly [HashAlgorithm, Hash]>;

export class FileHasher {
  private worker: HashWorker | null = null;

  constructor(
    private readonly source: BundleSource,
    private readonly signal: AbortSignal,
    private readonly onBytes: (bytes: number) => void,
  ) {
    let offloadable = 0;
    for (const file of source.files.values()) if (file.size >= OFFLOAD_MIN_BYTES) offloadable += file.size;
    if (offloadable >= THREAD_MIN_BYTES) this.worker = new HashWorker();
  }

  /** Streams one file through its hashes; throws ReadFailure (or VerifyStopped) on the way. */
  async hash(path: string, algorithms: ReadonlySet<HashAlgorithm>, size: number, mode: HashMode): Promise<PendingDigests> {
    const worker = mode === 'offload' ? this.offloadTo(algorithms, size) : null;
    const local = localHashes(algorithms, worker);
    worker?.begin(['sha512']);
    for await (const chunk of this.source.read(path, this.signal)) {
      if (mode === 'spare') await this.spareTime();
      for (const [, hash] of local) hash.update(chunk);
      if (worker !== null) await worker.update(chunk);
      this.onBytes(chunk.length);
    }
    throwIfStopped(this.signal);
    return finish(local, worker);
  }

  /** The same for a file already in memory (read ahead, or a tag file read whole). */
  async hashBytes(bytes: Buffer, algorithms: ReadonlySet<HashAlgorithm>, mode: HashMode): Promise<PendingDigests> {
    if (mode === 'spare') await this.spareTime();
    const worker = mode === 'offload' ? this.offloadTo(algorithms, bytes.length) : null;
    const local = localHashes(algorithms, worker);
    for (const [, hash] of local) hash.update(bytes);
    if (worker !== null) {
      worker.begin(['sha512']);
      await worker.update(bytes);
    }
    return finish(local, worker);
  }

  /** No more files go to the second thread: 'spare' hashing stops waiting on it. */
  endOffloading(): void {
    this.worker?.stopBusyWaits();
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }

  private spareTime(): Promise<void> {
    return this.worker?.whenBusy() ?? Promise.resolve();
  }

  private offloadTo(algorithms: ReadonlySet<HashAlgorithm>, size: number): HashWorker | null {
    const worker = this.worker;
    if (worker === null || !algorithms.has('sha512') || algorithms.size < 2 || size < OFFLOAD_MIN_BYTES) return null;
    return worker.running || size >= WAIT_FOR_THREAD_BYTES ? worker : null;
  }
}

function localHashes(algorithms: ReadonlySet<HashAlgorithm>, worker: HashWorker | null): LocalHashes {
  return [...algorithms].filter((a) => worker === null || a !== 'sha512').map((a) => [a, createHash(a)] as const);
}

async function finish(local: LocalHashes, worker: HashWorker | null): Promise<PendingDigests> {
  const digests = new Map<HashAlgorithm, string>(local.map(([a, hash]) => [a, hash.digest('hex')]));
  if (worker === null) return () => Promise.resolve(digests);
  const remote = await worker.end();
  return async () => digests.set('sha512', (await remote()).sha512 ?? '');
}
