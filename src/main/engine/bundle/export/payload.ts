/**
 * One original on its way into a bundle: read from its encrypted blob, decrypted chunk by
 * chunk (each authenticated before it leaves), and hashed with SHA-256 and SHA-512 in the
 * same pass; for large files SHA-512 runs on a second thread (bundle/hash-worker.ts: SHA-512
 * has no CPU instructions and costs more than decryption and SHA-256 together), so a file
 * costs about the slower of the two threads. At the end the SHA-256 and size must equal
 * what the index recorded at import;
 * otherwise the stream fails with CORRUPT naming the item, so the writer keeps nothing.
 * Memory stays at a few chunks whatever the size of the file.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import { TamgaError } from '../../../../shared/errors';
import type { BlobStore } from '../../blobs/blob-store';
import { BlobDecryptStream } from '../../crypto/blob-reader';
import { fromFsError } from '../../fs/fs-errors';
import type { HashWorker } from '../hash-worker';
import type { Digests, Exhibit } from './exhibit';

const READ_CHUNK = 1024 * 1024;

/** From this size on, SHA-512 goes to the second thread (a thread hop costs more than it saves below). */
export const OFFLOAD_MIN_BYTES = 4 * 1024 * 1024;

export interface PayloadOptions {
  readonly signal: AbortSignal;
  /** Called with the number of new plaintext bytes after every chunk. */
  readonly onBytes: (bytes: number) => void;
  /** A second thread for SHA-512, for files of OFFLOAD_MIN_BYTES or more; null: hash here. */
  readonly sha512Thread: HashWorker | null;
}

export function cancelled(cause?: unknown): TamgaError {
  return new TamgaError('CANCELLED', 'The export was cancelled; nothing was kept.', undefined, cause === undefined ? undefined : { cause });
}

/** Hashes what passes through and checks it against the recorded hash and size at the end. */
class DigestTap extends Transform {
  private readonly sha256 = createHash('sha256');
  private readonly sha512: Hash | null;
  private readonly thread: HashWorker | null;
  private size = 0;
  private result: Digests | null = null;

  constructor(
    private readonly exhibit: Exhibit,
    private readonly options: PayloadOptions,
  ) {
    super({ highWaterMark: READ_CHUNK });
    this.thread = exhibit.item.size >= OFFLOAD_MIN_BYTES ? options.sha512Thread : null;
    this.sha512 = this.thread === null ? createHash('sha512') : null;
    this.thread?.begin(['sha512']);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.options.signal.aborted) {
      callback(cancelled());
      return;
    }
    this.sha256.update(chunk);
    this.sha512?.update(chunk);
    this.size += chunk.length;
    const pass = (): void => {
      this.options.onBytes(chunk.length);
      callback(null, chunk);
    };
    // The thread copies the chunk into its own memory: the chunk moves on at once.
    if (this.thread === null) pass();
    else this.thread.update(chunk).then(pass, (err: unknown) => callback(err as Error));
  }

  override _flush(callback: TransformCallback): void {
    this.finish().then(() => callback(), (err: unknown) => callback(err as Error));
  }

  private async finish(): Promise<void> {
    const { item, number } = this.exhibit;
    const sha256 = this.sha256.digest('hex');
    if (sha256 !== item.sha256 || this.size !== item.size) {
      throw new TamgaError(
        'CORRUPT',
        `Exhibit ${number} (item ${item.id}, "${item.originalName}"): the archived copy does not match the SHA-256 recorded at import; the export was stopped and nothing was kept.`,
        { itemId: item.id, exhibit: number, expected: item.sha256, actual: sha256 },
      );
    }
    const sha512 = this.thread === null ? (this.sha512?.digest('hex') ?? '') : ((await this.thread.digest()).sha512 ?? '');
    if (!/^[0-9a-f]{128}$/.test(sha512)) throw new TamgaError('INTERNAL', `Exhibit ${number}: the SHA-512 thread gave no digest.`);
    this.result = { sha256, sha512 };
  }

  digests(): Digests {
    if (this.result === null) throw new TamgaError('INTERNAL', `Exhibit ${this.exhibit.number} was not read to its end.`);
    return this.result;
  }
}

export interface PayloadStream {
  /** The plaintext, checked; an error on it means "discard everything written from it". */
  readonly stream: Readable;
  /** The digests, once the stream has ended without error. */
  digests(): Digests;
}

/** Starts reading one exhibit's original; the caller must consume `stream` to its end. */
export function openPayload(store: BlobStore, blobKey: Buffer, exhibit: Exhibit, options: PayloadOptions): PayloadStream {
  const { item } = exhibit;
  const tap = new DigestTap(exhibit, options);
  const source = createReadStream(store.path('blobs', item.blobId), { highWaterMark: READ_CHUNK });
  // The callback form returns the tap, still readable, and destroys every stage on an error.
  pipeline(source, new BlobDecryptStream({ blobKey, expectedBlobId: item.blobId }), tap, (err) => {
    if (err && !tap.destroyed) tap.destroy(err);
  });
  return { stream: tap, digests: () => tap.digests() };
}

/** Turns a read failure into the error a person can act on. */
export function payloadError(err: unknown, exhibit: Exhibit): TamgaError {
  if (err instanceof TamgaError) {
    if (err.code !== 'CORRUPT' || err.message.startsWith(`Exhibit ${exhibit.number}`)) return err;
    const { item, number } = exhibit;
    return new TamgaError('CORRUPT', `Exhibit ${number} (item ${item.id}, "${item.originalName}"): ${err.message} The export was stopped and nothing was kept.`, {
      ...err.details,
      itemId: item.id,
      exhibit: number,
    });
  }
  const code = (err as NodeJS.ErrnoException).code;
  if ((err as Error).name === 'AbortError') return cancelled(err);
  if (code === 'ENOENT' && (err as NodeJS.ErrnoException).path?.includes(exhibit.item.blobId)) {
    return new TamgaError('CORRUPT', `Exhibit ${exhibit.number} (item ${exhibit.item.id}): its encrypted copy is missing from the vault; nothing was kept.`, {
      itemId: exhibit.item.id,
      exhibit: exhibit.number,
    });
  }
  return fromFsError(err, `writing exhibit ${exhibit.number} into the bundle`);
}
