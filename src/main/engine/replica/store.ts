/**
 * Where a replica's objects live: a folder (folder-store.ts) or an S3 bucket
 * (s3-store.ts). Both are plain key/value stores of opaque bytes; everything a replica
 * promises (ciphertext only, numbered signed manifests, names that never collide) is
 * built above this interface, so a store needs no trust and no knowledge of Tamga.
 * tests/helpers/replica-store-contract.ts is the contract every implementation passes.
 */
import { TamgaError } from '../../../shared/errors';

export interface ReplicaObject {
  readonly name: string;
  readonly size: number;
}

/** What a store cleared of an earlier, killed writer's leftovers before a push (removeLeftovers). */
export interface LeftoverCleanup {
  /** Unfinished multipart uploads aborted (S3); 0 for a folder. */
  readonly abortedUploads: number;
  /** Why the unfinished uploads could not be looked for (the storage does not list them); null when they were. */
  readonly uploadsUnlisted: string | null;
}

export interface ReplicaStore {
  /** Human description for messages, e.g. "folder /mnt/usb/ngo" */
  readonly description: string;
  /** Writes an object; visible under `name` only when complete (folder: tmp file + fsync + rename + dir fsync). */
  put(name: string, body: Uint8Array | AsyncIterable<Uint8Array>, size: number, signal?: AbortSignal): Promise<void>;
  /** Streams an object; throws TamgaError NOT_FOUND when absent. */
  get(name: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
  /** Size of an object, or null when absent. */
  stat(name: string): Promise<ReplicaObject | null>;
  /** Every object whose name starts with prefix ('' = all), any order. */
  list(prefix: string): AsyncIterable<ReplicaObject>;
  delete(name: string): Promise<void>;
  /**
   * Removes what an earlier writer killed midway left that is no object (a folder's
   * temporary files, an S3 bucket's unfinished multipart uploads under the prefix). Only
   * the one writer may call it: a push, under the vault's writer lock, before it sends anything.
   */
  removeLeftovers?(): Promise<LeftoverCleanup>;
}

/** One path segment: letters, digits and . _ - only, and not "." or "..". */
const SEGMENT = /^[A-Za-z0-9._-]+$/;
export const MAX_OBJECT_NAME = 512;

/**
 * Object names are '/'-separated relative keys (`blobs/ab/<hex>`, `index/…`). Anything
 * else (absolute, `..`, empty segments, backslashes, odd characters) is refused, so that a
 * name read from a hostile manifest or listing can never reach outside the store.
 */
export function checkObjectName(name: string): string {
  const segments = typeof name === 'string' ? name.split('/') : [];
  const ok =
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= MAX_OBJECT_NAME &&
    segments.every((s) => SEGMENT.test(s) && s !== '.' && s !== '..');
  if (!ok) throw new TamgaError('INVALID_ARGUMENT', `${JSON.stringify(name)} is not a replica object name (relative, '/'-separated, letters, digits, '.', '_' and '-' only, no '..').`);
  return name;
}

export function isObjectName(name: string): boolean {
  try {
    checkObjectName(name);
    return true;
  } catch {
    return false;
  }
}
