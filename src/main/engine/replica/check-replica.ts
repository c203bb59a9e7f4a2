/**
 * The one check behind `replica verify` (with the vault, or keyless) : the manifest (the
 * newest, whole, signed by the right key, not older than the vault remembers), its checksum
 * list, every object it lists (hashed, or a sample of the originals and thumbnails), and,
 * with the vault's keys, that originals and thumbnails decrypt and the index snapshot opens.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { ManifestSummary, ReplicaCheckReport, ReplicaProblem, ReplicaProgress } from '../../../shared/replica';
import { TamgaError } from '../../../shared/errors';
import { publicKeyPem } from '../crypto/signing';
import { openIndex } from '../db/open-index';
import { parseVaultFile } from '../vault/vault-file';
import { checkObjects } from './check-objects';
import { chooseManifest } from './choose-manifest';
import { blobIdOf, checksumsName, INDEX_PREFIX, isManifestFile, manifestName, numberOf, README_NAME, VAULT_FILE_PREFIX } from './layout';
import { listAll, loadManifest, type ExpectedKey, type Listing, type LoadedManifest } from './manifest-read';
import type { Manifest, ManifestObject } from './manifest';
import { readSmallObject, sha256Hex } from './object-bytes';
import type { ReplicaStore } from './store';

export interface CheckInput {
  readonly store: ReplicaStore;
  readonly key: ExpectedKey;
  /** What the vault remembers: the last manifest it wrote there. Null keyless, or before a first push. */
  readonly recorded: { readonly number: number; readonly sha256: string } | null;
  /** The vault and replica the manifest must be of, when known. */
  readonly vaultId?: string;
  readonly replicaId?: string;
  /** With the vault: decrypt originals and thumbnails, open the index snapshot (in tmpDir). */
  readonly keys?: { readonly blob: Buffer; readonly index: Buffer; readonly tmpDir: string };
  /** Hash only these many originals and thumbnails, after `cursor` in name order, wrapping round. */
  readonly sample?: { readonly count: number; readonly cursor: string | null };
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplicaProgress) => void;
}

export interface CheckOutput {
  readonly report: ReplicaCheckReport;
  /** Where the next sampled check goes on. */
  readonly nextCursor: string | null;
}

export function summaryOf(loaded: LoadedManifest & { readonly manifest: Manifest }): ManifestSummary {
  const m = loaded.manifest;
  return { number: m.number, createdAt: m.createdAt, sha256: loaded.sha256 as string, objectCount: m.objectCount, totalBytes: m.totalBytes, keyFingerprint: m.signingKey.fingerprint, vaultId: m.vaultId, replicaId: m.replicaId, checkpoint: m.checkpoint };
}

/** The originals and thumbnails a sample reads: `count` names after `cursor`, wrapping round. */
function sampleNames(objects: readonly ManifestObject[], sample: { count: number; cursor: string | null }): { names: Set<string>; last: string | null } {
  const blobs = objects.filter((o) => blobIdOf(o.name) !== null).map((o) => o.name);
  const start = sample.cursor === null ? 0 : Math.max(0, blobs.findIndex((n) => n > (sample.cursor as string)));
  const names: string[] = [];
  for (let i = 0; i < Math.min(sample.count, blobs.length); i++) names.push(blobs[(start + i) % blobs.length] as string);
  return { names: new Set(names), last: names.at(-1) ?? null };
}

/** Objects here that no manifest of this storage needs: a restore never uses them. */
export function unlisted(listing: Listing, manifest: Manifest): string[] {
  const listed = new Set(manifest.objects.map((o) => o.name));
  return [...listing.keys()]
    .filter((name) => !listed.has(name) && name !== README_NAME && !isManifestFile(name) && !((name.startsWith(INDEX_PREFIX) || name.startsWith(VAULT_FILE_PREFIX)) && (numberOf(name) ?? 0) < manifest.number))
    .sort();
}

/** The unlisted objects the storage, asked directly, still holds (a lagging listing may show deleted ones). */
export async function ignoredObjects(store: ReplicaStore, listing: Listing, manifest: Manifest): Promise<string[]> {
  const ignored: string[] = [];
  for (const name of unlisted(listing, manifest)) if ((await store.stat(name)) !== null) ignored.push(name);
  return ignored;
}

/** Names carrying a higher number than the manifest used: a push cut short, or a newer manifest hidden. */
export function newerTraces(listing: Listing, number: number): string[] {
  return [...listing.keys()].filter((name) => (numberOf(name) ?? 0) > number).sort();
}

async function indexOpens(store: ReplicaStore, name: string, key: Buffer, tmpDir: string): Promise<string | null> {
  const dir = await mkdtemp(join(tmpDir, 'replica-check-'));
  const path = join(dir, 'index.db');
  try {
    await pipeline(Readable.from(await store.get(name)), createWriteStream(path, { mode: 0o600 }));
    const db = await openIndex(path, key, { create: false, readonly: true });
    try {
      const result = db.pragma('quick_check', { simple: true });
      return result === 'ok' ? null : `SQLite's quick_check says: ${String(result)}`;
    } finally {
      db.close();
    }
  } catch (err) {
    return err instanceof TamgaError ? err.message : String(err);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The vault.json copy and the public key file must carry the key that signed the manifest. */
async function keyFilesAgree(store: ReplicaStore, manifest: Manifest, intact: Set<string>): Promise<ReplicaProblem[]> {
  const problems: ReplicaProblem[] = [];
  if (intact.has(manifest.vaultFile)) {
    let key: string | null;
    try {
      key = parseVaultFile(JSON.parse((await readSmallObject(store, manifest.vaultFile, 1024 * 1024)).toString('utf8'))).signing.publicKey;
    } catch {
      key = null;
    }
    if (key !== manifest.signingKey.publicKey) problems.push({ code: 'VAULT_FILE_MISMATCH', message: `${manifest.vaultFile} is not a vault.json with the key that signed the manifest.`, objects: [manifest.vaultFile] });
  }
  const pem = manifest.objects.find((o) => o.name === 'vault-key.pem');
  if (pem !== undefined && intact.has(pem.name) && pem.sha256 !== sha256Hex(publicKeyPem(Buffer.from(manifest.signingKey.publicKey, 'hex')))) {
    problems.push({ code: 'VAULT_FILE_MISMATCH', message: `${pem.name} is not the key that signed the manifest.`, objects: [pem.name] });
  }
  return problems;
}

/** What the vault remembers against what the storage shows. */
async function rollbackProblems(input: CheckInput, used: LoadedManifest & { manifest: Manifest }, notes: string[]): Promise<ReplicaProblem[]> {
  const { recorded } = input;
  if (recorded === null) return [];
  const problems: ReplicaProblem[] = [];
  const recordedName = manifestName(recorded.number);
  if (used.number < recorded.number) {
    problems.push({ code: 'MANIFEST_ROLLED_BACK', message: `The vault last wrote manifest ${recorded.number} to this replica, but the newest whole one here is ${used.number}: the storage rolled back, or lost or hid the newer manifest.`, objects: [recordedName, used.name] });
  } else if (used.number === recorded.number) {
    if (used.sha256 !== recorded.sha256) problems.push({ code: 'MANIFEST_REPLACED', message: `${used.name} is not the manifest the vault wrote (its SHA-256 differs from the one the vault recorded).`, objects: [used.name] });
  } else {
    notes.push(`Manifest ${used.number} is newer than the last one the vault recorded (${recorded.number}): a push ended after writing it and before recording it.`);
    const before = await loadManifest(input.store, recorded.number, input.key, input.signal);
    if (!before.absent && before.sha256 !== recorded.sha256) problems.push({ code: 'MANIFEST_REPLACED', message: `${recordedName} is not the manifest the vault wrote (its SHA-256 differs from the one the vault recorded).`, objects: [recordedName] });
  }
  return problems;
}

export async function checkReplica(input: CheckInput): Promise<CheckOutput> {
  const { store, signal } = input;
  const listing = await listAll(store);
  const chosen = await chooseManifest(store, listing, input.key, signal, input.recorded?.number ?? null);
  const problems: ReplicaProblem[] = [...chosen.problems];
  const notes: string[] = [];
  const used = chosen.usable;
  const empty = { checkedObjects: 0, hashedObjects: 0, hashedBytes: 0, decryptedObjects: 0, ignored: [] as string[] };
  if (used === null) {
    if (input.recorded !== null && chosen.newest === null) problems[0] = { code: 'MANIFEST_ROLLED_BACK', message: `The vault last wrote manifest ${input.recorded.number} to this replica, but ${store.description} holds no manifest at all.`, objects: [manifestName(input.recorded.number)] };
    return { report: { ok: false, description: store.description, manifest: null, problems, notes, ...empty }, nextCursor: input.sample?.cursor ?? null };
  }
  const { manifest } = used;
  if (used !== chosen.newest) notes.push(`Checked against ${used.name}, the newest whole manifest.`);
  if ((input.vaultId !== undefined && manifest.vaultId !== input.vaultId) || (input.replicaId !== undefined && manifest.replicaId !== input.replicaId)) {
    problems.push({ code: 'MANIFEST_FOREIGN', message: `${used.name} is of another ${manifest.vaultId !== input.vaultId ? 'vault' : 'replica'} (vault ${manifest.vaultId}, replica ${manifest.replicaId}).`, objects: [used.name] });
  }
  problems.push(...(await rollbackProblems(input, used, notes)));

  const sums = checksumsName(used.number);
  // Asked for directly, not looked up in the listing, which may not show it yet.
  const sumsBytes = await readSmallObject(store, sums, 1024 * 1024 * 1024, signal).catch((err: unknown) => {
    if (err instanceof TamgaError && (err.code === 'NOT_FOUND' || err.code === 'CORRUPT')) return null;
    throw err;
  });
  if (sumsBytes === null || sha256Hex(sumsBytes) !== manifest.sha256sums) {
    problems.push({ code: 'CHECKSUMS_MISMATCH', message: `${sums}, the checksum list for sha256sum, is ${sumsBytes === null ? 'missing' : 'not the one the manifest vouches for'} (the manifest itself still lists every object's SHA-256).`, objects: [sums] });
  }

  const sample = input.sample === undefined ? null : sampleNames(manifest.objects, input.sample);
  const progress: ReplicaProgress = { phase: 'check', objectsDone: 0, objectsTotal: manifest.objectCount, bytesDone: 0, bytesTotal: manifest.totalBytes, current: null };
  let { objectsDone, bytesDone } = progress;
  const checked = await checkObjects(store, manifest.objects, {
    ...(sample === null ? {} : { hash: (o: ManifestObject) => blobIdOf(o.name) === null || sample.names.has(o.name) }),
    ...(input.keys === undefined ? {} : { blobKey: input.keys.blob }),
    ...(signal === undefined ? {} : { signal }),
    onObject: (object, bytes) => {
      objectsDone += 1;
      bytesDone += bytes;
      input.onProgress?.({ ...progress, objectsDone, bytesDone, current: object.name });
    },
  });
  problems.push(...checked.problems);
  problems.push(...(await keyFilesAgree(store, manifest, checked.intact)));
  if (input.keys !== undefined && checked.intact.has(manifest.index)) {
    const failure = await indexOpens(store, manifest.index, input.keys.index, input.keys.tmpDir);
    if (failure !== null) problems.push({ code: 'INDEX_UNREADABLE', message: `The index snapshot ${manifest.index} does not open with this vault's index key: ${failure}`, objects: [manifest.index] });
  }
  const traces = newerTraces(listing, used.number);
  if (traces.length > 0 && (input.recorded === null || input.recorded.number <= used.number)) {
    notes.push(`Objects of a newer push than manifest ${used.number} are here (${traces.slice(0, 5).join(', ')}${traces.length > 5 ? ', …' : ''}): a push was cut short, or the storage hides a newer manifest.`);
  }
  const ignored = await ignoredObjects(store, listing, manifest);
  if (sample !== null) notes.push(`Sampled: ${sample.names.size} of the originals and thumbnails read whole; the others checked by size. The next sampled verify goes on after ${sample.last ?? 'the start'}.`);
  const report: ReplicaCheckReport = {
    ok: problems.length === 0,
    description: store.description,
    manifest: summaryOf(used),
    checkedObjects: manifest.objectCount,
    hashedObjects: checked.hashedObjects,
    hashedBytes: checked.hashedBytes,
    decryptedObjects: checked.decryptedObjects,
    problems,
    ignored,
    notes,
  };
  return { report, nextCursor: sample?.last ?? null };
}
