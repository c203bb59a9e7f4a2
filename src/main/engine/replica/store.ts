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
