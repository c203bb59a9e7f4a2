/**
 * Checks a replica's objects against the manifest that vouches for them, naming each kind
 * of damage with the objects it concerns: missing, truncated, grown, changed bytes, or
 * holding another object's bytes (a swap). Objects are streamed, never held whole; with a
 * blob key, originals and thumbnails are decrypted in the same pass (every chunk
 * authenticated), which proves more than the hash: that they are this vault's ciphertext.
 *
 * Every answer comes from the object itself (a GET, or a stat for a size-only check), never
 * from a listing: S3 listings are eventually consistent (Swift, Ceph and B2 may for a while
 * not show an object just written, or still show one deleted or overwritten, at its old
 * size), so an object a listing lacks may be there and one it shows may be gone. Only the
 * storage's direct answer is a verdict.
 */
import { createHash } from 'node:crypto';
import type { ReplicaProblem, ReplicaProblemCode } from '../../../shared/replica';
import { TamgaError } from '../../../shared/errors';
import { BlobDecryptStream } from '../crypto/blob-reader';
import { blobIdOf } from './layout';
import type { ManifestObject } from './manifest';
import type { ReplicaStore } from './store';

export interface ObjectCheckOptions {
  /** Which objects to read whole; the others are checked by size only. All when absent. */
  readonly hash?: (object: ManifestObject) => boolean;
  /** The vault's blob key: decrypt originals and thumbnails too. */
  readonly blobKey?: Buffer;
  readonly signal?: AbortSignal;
  readonly onObject?: (object: ManifestObject, bytes: number) => void;
  /** Where to copy each hashed object as it is read (restore); committed only when it proves right. */
  readonly copy?: (object: ManifestObject) => Promise<ObjectSink | null>;
}

export interface ObjectSink {
  write(chunk: Uint8Array): Promise<void>;
  /** The bytes proved right: keep them. */
  commit(): Promise<void>;
  /** They did not, or reading failed: leave nothing. */
  discard(): Promise<void>;
}

export interface ObjectCheckResult {
  readonly problems: ReplicaProblem[];
  /** Names of the objects found whole and right (hashed, or of the right size when not hashed). */
  readonly intact: Set<string>;
  readonly hashedObjects: number;
  readonly hashedBytes: number;
  readonly decryptedObjects: number;
}

interface Read {
  readonly sha256: string;
  readonly size: number;
  /** Why decryption failed; null when it succeeded or was not tried. */
  readonly undecryptable: string | null;
}

/** Hashes an object and, with a key, decrypts it in the same pass (the plaintext is dropped). */
async function readObject(store: ReplicaStore, object: ManifestObject, blobKey: Buffer | undefined, signal: AbortSignal | undefined, sink: ObjectSink | null): Promise<Read> {
  const hash = createHash('sha256');
  let size = 0;
  const blobId = blobIdOf(object.name);
  const decrypt = blobKey !== undefined && blobId !== null ? new BlobDecryptStream({ blobKey, expectedBlobId: blobId }) : null;
  let undecryptable: string | null = null;
  // Settles at the first failure and stays settled: waits below can never miss it.
  const failed = new Promise<void>((resolve) =>
    decrypt?.on('error', (err: unknown) => {
      undecryptable ??= err instanceof Error ? err.message : String(err);
      resolve();
    }),
  );
  const settled = (event: 'drain' | 'end'): Promise<void> => Promise.race([new Promise<void>((resolve) => decrypt?.once(event, () => resolve())), failed]);
  decrypt?.on('data', () => undefined);
  for await (const chunk of await store.get(object.name, signal)) {
    hash.update(chunk);
    size += chunk.length;
    await sink?.write(chunk);
    if (decrypt !== null && undecryptable === null && !decrypt.write(chunk)) await settled('drain');
  }
  if (decrypt !== null && undecryptable === null) {
    const ended = settled('end');
    decrypt.end();
    await ended;
  }
  return { sha256: hash.digest('hex'), size, undecryptable };
}

/** How many stats are in flight at once: each is a HEAD on S3, and a sample leaves most objects to them. */
const STATS_AT_ONCE = 8;

/** Each object's size as the storage answers for it directly (null: not there). */
async function sizesOf(store: ReplicaStore, objects: readonly ManifestObject[], signal: AbortSignal | undefined): Promise<Map<string, number | null>> {
  const sizes = new Map<string, number | null>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < objects.length) {
      if (signal?.aborted === true) throw new TamgaError('CANCELLED', 'The replica check was cancelled.');
      const object = objects[next++] as ManifestObject;
      sizes.set(object.name, (await store.stat(object.name))?.size ?? null);
    }
  };
  await Promise.all(Array.from({ length: Math.min(STATS_AT_ONCE, objects.length) }, worker));
  return sizes;
}

const LABELS: Partial<Record<ReplicaProblemCode, string>> = {
  OBJECT_MISSING: 'missing from the replica',
  OBJECT_TRUNCATED: 'shorter than the manifest says (truncated)',
  OBJECT_SIZE_MISMATCH: 'longer than the manifest says',
  OBJECT_CORRUPT: 'of the right size but with other bytes than the manifest lists (changed or damaged)',
  OBJECT_UNDECRYPTABLE: 'as the manifest lists them, but they do not decrypt with this vault’s key',
};

/** One problem per kind, listing every object of that kind. */
export function groupProblems(found: Map<ReplicaProblemCode, string[]>, swaps: string[][]): ReplicaProblem[] {
  const problems: ReplicaProblem[] = [];
  for (const [code, names] of found) {
    if (names.length === 0) continue;
    const shown = names.slice(0, 20).join(', ') + (names.length > 20 ? ` and ${names.length - 20} more` : '');
    const noun = names.length === 1 ? 'object is' : 'objects are';
    problems.push({ code, message: `${names.length} ${noun} ${LABELS[code] ?? code}: ${shown}.`, objects: names });
  }
  if (swaps.length > 0) {
    const pairs = swaps.map(([holder, owner]) => `${holder} holds the bytes of ${owner}`);
    problems.push({ code: 'OBJECT_SWAPPED', message: `${swaps.length === 1 ? 'An object holds' : `${swaps.length} objects hold`} another object's bytes (swapped or copied over): ${pairs.join('; ')}.`, objects: [...new Set(swaps.flat())] });
  }
  return problems;
}

export async function checkObjects(store: ReplicaStore, objects: readonly ManifestObject[], options: ObjectCheckOptions = {}): Promise<ObjectCheckResult> {
  const found = new Map<ReplicaProblemCode, string[]>();
  const add = (code: ReplicaProblemCode, name: string): void => void (found.get(code) ?? found.set(code, []).get(code))?.push(name);
  const swaps: string[][] = [];
  const byHash = new Map(objects.map((o) => [o.sha256, o.name]));
  const intact = new Set<string>();
  let hashedObjects = 0;
  let hashedBytes = 0;
  let decryptedObjects = 0;
  const { hash } = options;
  // Asked first, several at once: one by one, a sample of 200 in 100 000 objects would wait on 99 800 HEADs in turn.
  const sizeOnly = new Set(hash === undefined ? [] : objects.filter((o) => !hash(o)));
  const sizes = await sizesOf(store, [...sizeOnly], options.signal);
  for (const object of objects) {
    if (options.signal?.aborted === true) throw new TamgaError('CANCELLED', 'The replica check was cancelled.');
    const sizeCode = (actual: number): ReplicaProblemCode | null => (actual < object.size ? 'OBJECT_TRUNCATED' : actual > object.size ? 'OBJECT_SIZE_MISMATCH' : null);
    if (sizeOnly.has(object)) {
      const size = sizes.get(object.name) ?? null;
      const code = size === null ? 'OBJECT_MISSING' : sizeCode(size);
      if (code === null) intact.add(object.name);
      else add(code, object.name);
      continue;
    }
    let read: Read;
    const sink = (await options.copy?.(object)) ?? null;
    try {
      read = await readObject(store, object, options.blobKey, options.signal, sink);
    } catch (err) {
      await sink?.discard();
      // The storage's own answer: it is not there.
      if (err instanceof TamgaError && err.code === 'NOT_FOUND') {
        add('OBJECT_MISSING', object.name);
        continue;
      }
      throw err;
    }
    hashedObjects += 1;
    hashedBytes += read.size;
    options.onObject?.(object, read.size);
    if (read.sha256 === object.sha256 && read.size === object.size) {
      if (read.undecryptable !== null) add('OBJECT_UNDECRYPTABLE', object.name);
      else {
        if (options.blobKey !== undefined && blobIdOf(object.name) !== null) decryptedObjects += 1;
        intact.add(object.name);
        await sink?.commit();
        continue;
      }
    }
    await sink?.discard();
    if (read.sha256 === object.sha256 && read.size === object.size) continue;
    const owner = byHash.get(read.sha256);
    if (owner !== undefined && owner !== object.name) swaps.push([object.name, owner]);
    else add(sizeCode(read.size) ?? 'OBJECT_CORRUPT', object.name);
  }
  return { problems: groupProblems(found, swaps), intact, hashedObjects, hashedBytes, decryptedObjects };
}
