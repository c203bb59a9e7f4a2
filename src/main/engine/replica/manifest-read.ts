/**
 * Finding and reading a replica's manifests: which numbers are there, and whether one is
 * whole (its .json and .sig present, the JSON in Tamga's exact form, the name's number the
 * one inside, the signature good under the key it must be by).
 *
 * The listing names the candidates, but an S3 listing may lag (a manifest just written not
 * shown yet, one deleted still shown): numbers above the listing's are asked for directly,
 * and a listed manifest the storage does not serve is absent, not damaged.
 */
import type { ReplicaObject, ReplicaStore } from './store';
import { TamgaError } from '../../../shared/errors';
import { keyFingerprint } from '../crypto/signing';
import { checksumsName, isManifestFile, manifestName, MANIFESTS_PREFIX, numberOf, signatureName } from './layout';
import { MAX_MANIFEST_BYTES, parseManifest, verifyManifestSignature, type Manifest } from './manifest';
import { readSmallObject, sha256Hex } from './object-bytes';

export type Listing = ReadonlyMap<string, number>;

/** Every object of the store, name → size, in one pass (one LIST for a bucket). */
export async function listAll(store: ReplicaStore): Promise<Map<string, number>> {
  const listing = new Map<string, number>();
  for await (const object of store.list('') as AsyncIterable<ReplicaObject>) listing.set(object.name, object.size);
  return listing;
}

/** The numbers that have a .json, newest first. */
export function manifestNumbers(listing: Listing): number[] {
  const numbers = new Set<number>();
  for (const name of listing.keys()) if (name.startsWith(MANIFESTS_PREFIX) && name.endsWith('.json') && isManifestFile(name)) numbers.add(numberOf(name) as number);
  return [...numbers].sort((a, b) => b - a);
}

/** The highest number any manifests/ file or index snapshot carries (a crashed push's leftovers included). */
export function highestNumberSeen(listing: Listing): number {
  let highest = 0;
  for (const name of listing.keys()) highest = Math.max(highest, numberOf(name) ?? 0);
  return highest;
}

/**
 * The manifest numbers to try, newest first: the listing's, and any higher one whose .json
 * the storage serves when asked (up to the highest number any name in the listing carries,
 * or `hint`, the number the vault last recorded, and one past it): a listing that does not
 * show the newest manifest yet must not make an older one pass for the newest.
 */
export async function manifestCandidates(store: ReplicaStore, listing: Listing, hint: number | null): Promise<number[]> {
  const numbers = manifestNumbers(listing);
  const upTo = Math.max(highestNumberSeen(listing), hint ?? 0) + 1;
  for (let n = (numbers[0] ?? 0) + 1; n <= upTo; n++) if ((await store.stat(manifestName(n))) !== null) numbers.unshift(n);
  return numbers;
}

/** True when the storage, asked directly, holds any file of manifest `number` (a killed push may have left its checksum list or signature alone). */
export async function numberTaken(store: ReplicaStore, number: number): Promise<boolean> {
  for (const name of [manifestName(number), signatureName(number), checksumsName(number)]) if ((await store.stat(name)) !== null) return true;
  return false;
}

export interface LoadedManifest {
  readonly number: number;
  readonly name: string;
  /** True when the storage does not serve the .json at all (a listing may still show it): not a manifest that is there. */
  readonly absent: boolean;
  /** SHA-256 of the .json bytes; null when they could not be read. */
  readonly sha256: string | null;
  /** Set only when the manifest is whole and its signature verifies. */
  readonly manifest: Manifest | null;
  /** Why it is not usable: null when it is. */
  readonly damage: string | null;
  /** The number inside a manifest filed under another one (an older manifest put in a newer one's place). */
  readonly holdsNumber: number | null;
  /** True when it verifies but with another key than the one required. */
  readonly foreign: boolean;
}

export interface ExpectedKey {
  /** The raw public key, hex, when known (the vault's); else the fingerprint alone pins it. */
  readonly publicKey: string | null;
  readonly fingerprint: string | null;
}

export async function loadManifest(store: ReplicaStore, number: number, key: ExpectedKey, signal?: AbortSignal): Promise<LoadedManifest> {
  const name = manifestName(number);
  const base = { number, name, holdsNumber: null, foreign: false, absent: false };
  let bytes: Buffer;
  let signature: Buffer;
  try {
    bytes = await readSmallObject(store, name, MAX_MANIFEST_BYTES, signal);
  } catch (err) {
    if (err instanceof TamgaError && (err.code === 'NOT_FOUND' || err.code === 'CORRUPT')) return { ...base, absent: err.code === 'NOT_FOUND', sha256: null, manifest: null, damage: err.code === 'NOT_FOUND' ? 'it is missing' : err.message };
    throw err;
  }
  const sha256 = sha256Hex(bytes);
  const parsed = parseManifest(bytes);
  if (!parsed.ok) return { ...base, sha256, manifest: null, damage: `it cannot be read: ${parsed.reason}` };
  const manifest = parsed.manifest;
  try {
    signature = await readSmallObject(store, signatureName(number), 1024, signal);
  } catch (err) {
    if (err instanceof TamgaError && (err.code === 'NOT_FOUND' || err.code === 'CORRUPT')) return { ...base, sha256, manifest: null, damage: `its signature ${signatureName(number)} is ${err.code === 'NOT_FOUND' ? 'missing' : 'not a signature'}` };
    throw err;
  }
  if (!verifyManifestSignature(bytes, signature, manifest.signingKey.publicKey)) return { ...base, sha256, manifest: null, damage: `its signature ${signatureName(number)} does not verify` };
  const expected = key.publicKey !== null ? keyFingerprint(Buffer.from(key.publicKey, 'hex')) : key.fingerprint;
  if (expected !== null && manifest.signingKey.fingerprint !== expected) {
    return { ...base, sha256, manifest: null, foreign: true, damage: `it is signed by another key (fingerprint ${manifest.signingKey.fingerprint}), not by ${expected}` };
  }
  if (manifest.number !== number) {
    return { ...base, sha256, manifest: null, holdsNumber: manifest.number, damage: `it holds manifest ${manifest.number}, not ${number}: an older manifest was put in its place` };
  }
  return { ...base, sha256, manifest, damage: null };
}
