/**
 * The names of a replica's objects (docs/formats.md, "Replicas"). Every name says what
 * the object is and none ever holds different bytes over time: blobs and thumbnails keep
 * the vault's random ids (their content never changes), a copy of vault.json is named by
 * its SHA-256, each push's index snapshot gets the manifest number and a random part,
 * and manifests are numbered. README.txt and the public key are the same bytes at every
 * push. A name that fits none of these is not one of Tamga's.
 */
import { randomBytes } from 'node:crypto';
import type { BlobArea } from '../blobs/blob-store';

export const README_NAME = 'README.txt';
export const PUBLIC_KEY_NAME = 'vault-key.pem';
export const MANIFESTS_PREFIX = 'manifests/';
export const INDEX_PREFIX = 'index/';
export const VAULT_FILE_PREFIX = 'vault/';

const BLOB = /^(blobs|thumbs)\/([0-9a-f]{2})\/([0-9a-f]{32})$/;
const INDEX = /^index\/([0-9]{8,})-[0-9a-f]{16}\.db$/;
const VAULT_FILE = /^vault\/[0-9a-f]{64}\.json$/;
const MANIFEST_FILE = /^manifests\/([0-9]{8,})\.(json|json\.sig|sha256)$/;

/** Manifest numbers are written with at least 8 digits so that they also sort by name. */
export function numberText(number: number): string {
  return String(number).padStart(8, '0');
}

export const manifestName = (number: number): string => `${MANIFESTS_PREFIX}${numberText(number)}.json`;
export const signatureName = (number: number): string => `${manifestName(number)}.sig`;
export const checksumsName = (number: number): string => `${MANIFESTS_PREFIX}${numberText(number)}.sha256`;

export function blobObjectName(area: BlobArea, blobId: string): string {
  return `${area}/${blobId.slice(0, 2)}/${blobId}`;
}

/** A fresh name for one push's index snapshot: never the name of an earlier one. */
export function newIndexName(number: number): string {
  return `${INDEX_PREFIX}${numberText(number)}-${randomBytes(8).toString('hex')}.db`;
}

export function vaultFileName(sha256: string): string {
  return `${VAULT_FILE_PREFIX}${sha256}.json`;
}

export type ObjectKind = 'blob' | 'thumb' | 'index' | 'vault-file' | 'public-key';

/** What a manifest may list under a name; null for a name a manifest never lists. */
export function objectKind(name: string): ObjectKind | null {
  const blob = BLOB.exec(name);
  if (blob !== null) return blob[3]?.startsWith(blob[2] ?? '') === true ? (blob[1] === 'blobs' ? 'blob' : 'thumb') : null;
  if (INDEX.test(name)) return 'index';
  if (VAULT_FILE.test(name)) return 'vault-file';
  if (name === PUBLIC_KEY_NAME) return 'public-key';
  return null;
}

/** The blob id of a blobs/ or thumbs/ name. */
export function blobIdOf(name: string): string | null {
  return BLOB.exec(name)?.[3] ?? null;
}

/** The manifest number a manifests/ file or index snapshot belongs to, or null. */
export function numberOf(name: string): number | null {
  const match = MANIFEST_FILE.exec(name) ?? INDEX.exec(name);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export function isManifestFile(name: string): boolean {
  return MANIFEST_FILE.test(name);
}
