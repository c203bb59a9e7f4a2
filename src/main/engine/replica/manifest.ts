/**
 * Replica manifest format v1 (docs/formats.md, "Replicas", repeats this).
 *
 * manifests/NNNNNNNN.json is UTF-8 JSON, exactly JSON.stringify(manifest, null, 2) plus one
 * line feed, with the members in this order:
 *   format "tamga-replica-manifest", formatVersion 1, vaultId, replicaId (lower-case
 *   UUIDs), number (1, 2, 3 …; gaps allowed, never reused), createdAt (ISO 8601 UTC),
 *   signingKey {alg "ed25519", publicKey (64 hex), fingerprint (SHA-256 of the raw key,
 *   64 hex)}, index (the name of this push's index snapshot), vaultFile (the name of the
 *   vault.json copy), checkpoint (the newest signed checkpoint of the vault's custody log,
 *   a C2SP signed note, as text), sha256sums (SHA-256 of manifests/NNNNNNNN.sha256),
 *   objectCount, totalBytes, objects: [{name, size, sha256}] sorted by name (byte order),
 *   every object of the replica this manifest vouches for, the index and vault file included.
 *
 * manifests/NNNNNNNN.json.sig is the raw 64-byte Ed25519 signature (RFC 8032, pure) by the
 * vault's signing key over the exact bytes of the .json: what `openssl pkeyutl -verify
 * -pubin -rawin` checks. The signed bytes start with `{`, so the signature can pass neither
 * for a custody event's ("tamga custody event v1\n"…), a checkpoint's ("tamga.vault/"…) nor
 * a bundle seal's (a tag manifest starts with a hex digest).
 *
 * manifests/NNNNNNNN.sha256 lists every object as `sha256sum -c` reads it:
 * "<64 hex>  <name>\n" in the objects' order.
 *
 * A reader is strict: any other member, order, type or spacing is MALFORMED, and names
 * must be names a manifest may list (layout.ts objectKind).
 */
import { createHash } from 'node:crypto';
import { keyFingerprint, PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verifySignature, type Signer } from '../crypto/signing';
import { objectKind } from './layout';

export const MANIFEST_FORMAT = 'tamga-replica-manifest';
export const MANIFEST_FORMAT_VERSION = 1;
/** A manifest is read whole; 100 000 items make ~30 MB. Far more than that is not a manifest. */
export const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;

export interface ManifestObject {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly formatVersion: typeof MANIFEST_FORMAT_VERSION;
  readonly vaultId: string;
  readonly replicaId: string;
  readonly number: number;
  readonly createdAt: string;
  readonly signingKey: { readonly alg: 'ed25519'; readonly publicKey: string; readonly fingerprint: string };
  readonly index: string;
  readonly vaultFile: string;
  readonly checkpoint: string;
  readonly sha256sums: string;
  readonly objectCount: number;
  readonly totalBytes: number;
  readonly objects: readonly ManifestObject[];
}

export type ManifestInput = Omit<Manifest, 'format' | 'formatVersion' | 'signingKey' | 'sha256sums' | 'objectCount' | 'totalBytes' | 'objects'> & {
  readonly publicKey: Buffer;
  readonly objects: readonly ManifestObject[];
};

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const byName = (a: ManifestObject, b: ManifestObject): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function checksumsText(objects: readonly ManifestObject[]): string {
  return objects.map((o) => `${o.sha256}  ${o.name}\n`).join('');
}

export interface BuiltManifest {
  readonly manifest: Manifest;
  /** The exact bytes of the .json. */
  readonly bytes: Buffer;
  readonly checksums: Buffer;
}

export function buildManifest(input: ManifestInput): BuiltManifest {
  const objects = [...input.objects].sort(byName);
  const checksums = Buffer.from(checksumsText(objects), 'utf8');
  // Member order is the format: this literal is written exactly as it stands.
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    vaultId: input.vaultId,
    replicaId: input.replicaId,
    number: input.number,
    createdAt: input.createdAt,
    signingKey: { alg: 'ed25519', publicKey: input.publicKey.toString('hex'), fingerprint: keyFingerprint(input.publicKey) },
    index: input.index,
    vaultFile: input.vaultFile,
    checkpoint: input.checkpoint,
    sha256sums: sha256(checksums),
    objectCount: objects.length,
    totalBytes: objects.reduce((sum, o) => sum + o.size, 0),
    objects: objects.map((o) => ({ name: o.name, size: o.size, sha256: o.sha256 })),
  };
  return { manifest, bytes: serialiseManifest(manifest), checksums };
}

export function serialiseManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
}

export function signManifest(signer: Signer, bytes: Buffer): Buffer {
  return signer.sign(bytes);
}

export type ManifestReading = { readonly ok: true; readonly manifest: Manifest } | { readonly ok: false; readonly reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HEX64 = /^[0-9a-f]{64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Parses and checks a manifest's bytes: the exact serialisation, every member's form, the
 * names, the counts and the checksum-file hash. It does not check the signature
 * (verifyManifestSignature) nor the objects themselves.
 */
export function parseManifest(bytes: Buffer): ManifestReading {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'it is not UTF-8 JSON' };
  }
  const m = json as Partial<Record<keyof Manifest, unknown>>;
  if (typeof json !== 'object' || json === null || m.format !== MANIFEST_FORMAT) return { ok: false, reason: 'it is not a Tamga replica manifest' };
  if (m.formatVersion !== MANIFEST_FORMAT_VERSION) return { ok: false, reason: `it has format version ${String(m.formatVersion)}; this Tamga reads ${MANIFEST_FORMAT_VERSION}` };
  const key = m.signingKey as Partial<Manifest['signingKey']> | undefined;
  const objects = m.objects;
  const checks: Array<[boolean, string]> = [
    [typeof m.vaultId === 'string' && UUID.test(m.vaultId), 'vaultId'],
    [typeof m.replicaId === 'string' && UUID.test(m.replicaId), 'replicaId'],
    [isCount(m.number) && m.number >= 1, 'number'],
    [typeof m.createdAt === 'string' && ISO.test(m.createdAt), 'createdAt'],
    [typeof key === 'object' && key !== null && key.alg === 'ed25519' && typeof key.publicKey === 'string' && HEX64.test(key.publicKey) && key.fingerprint === keyFingerprint(Buffer.from(key.publicKey, 'hex')), 'signingKey'],
    [typeof m.index === 'string' && objectKind(m.index) === 'index', 'index'],
    [typeof m.vaultFile === 'string' && objectKind(m.vaultFile) === 'vault-file', 'vaultFile'],
    [typeof m.checkpoint === 'string' && m.checkpoint.length > 0, 'checkpoint'],
    [typeof m.sha256sums === 'string' && HEX64.test(m.sha256sums), 'sha256sums'],
    [isCount(m.objectCount) && isCount(m.totalBytes), 'objectCount/totalBytes'],
    [Array.isArray(objects) && objects.every((o: Partial<ManifestObject>) => typeof o === 'object' && o !== null && typeof o.name === 'string' && objectKind(o.name) !== null && isCount(o.size) && typeof o.sha256 === 'string' && HEX64.test(o.sha256)), 'objects'],
  ];
  const bad = checks.find(([ok]) => !ok);
  if (bad !== undefined) return { ok: false, reason: `its ${bad[1]} is missing or malformed` };
  // Rebuilt member by member in the format's order: an extra or misplaced member then fails the byte comparison below.
  const given = json as Manifest;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_FORMAT_VERSION,
    vaultId: given.vaultId,
    replicaId: given.replicaId,
    number: given.number,
    createdAt: given.createdAt,
    signingKey: { alg: 'ed25519', publicKey: given.signingKey.publicKey, fingerprint: given.signingKey.fingerprint },
    index: given.index,
    vaultFile: given.vaultFile,
    checkpoint: given.checkpoint,
    sha256sums: given.sha256sums,
    objectCount: given.objectCount,
    totalBytes: given.totalBytes,
    objects: given.objects.map((o) => ({ name: o.name, size: o.size, sha256: o.sha256 })),
  };
  const list = manifest.objects;
  for (let i = 1; i < list.length; i++) if (byName(list[i - 1] as ManifestObject, list[i] as ManifestObject) >= 0) return { ok: false, reason: 'its objects are not sorted by name, or one is listed twice' };
  if (manifest.objectCount !== list.length || manifest.totalBytes !== list.reduce((s, o) => s + o.size, 0)) return { ok: false, reason: 'its objectCount or totalBytes disagrees with its objects' };
  const names = new Set(list.map((o) => o.name));
  if (!names.has(manifest.index) || !names.has(manifest.vaultFile)) return { ok: false, reason: 'its index or vault file is not among its objects' };
  if (manifest.sha256sums !== sha256(checksumsText(list))) return { ok: false, reason: 'its sha256sums is not the hash of its checksum list' };
  // Only the one serialisation is the format: anything else was not written by Tamga.
  if (!serialiseManifest(manifest).equals(bytes)) return { ok: false, reason: 'it is not in the exact form Tamga writes (members, order or spacing differ)' };
  return { ok: true, manifest };
}

/** True when `signature` is the manifest key's Ed25519 signature over the bytes. */
export function verifyManifestSignature(bytes: Buffer, signature: Buffer, publicKeyHex: string): boolean {
  const publicKey = Buffer.from(publicKeyHex, 'hex');
  return publicKey.length === PUBLIC_KEY_BYTES && signature.length === SIGNATURE_BYTES && verifySignature(bytes, signature, publicKey);
}
