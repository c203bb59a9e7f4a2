/**
 * `tamga restore SOURCE NEWDIR`: a vault folder again from a replica, on any machine.
 *
 * Only what the newest whole manifest vouches for is taken: each object is hashed as it
 * arrives and kept only when it is exactly what the manifest lists; anything else in the
 * storage is ignored and named. The vault is built in a hidden sibling folder and renamed
 * into place, like `init`. What comes out is a locked vault folder: opening it is a normal
 * unlock (the passphrase, or later a recovery key), after which the caller finishes with
 * finishRestore (restore-finish.ts) and an audit. A damaged newest manifest stops the
 * restore, naming the newest whole one before it, which is used only when asked for.
 * What a killed restore into the same target left is removed first (restore-leftovers.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ReplicaProblem, ReplicaProgress, RestoreResult } from '../../../shared/replica';
import { TamgaError } from '../../../shared/errors';
import { fsyncDirectory } from '../fs/atomic-write';
import { fromFsError } from '../fs/fs-errors';
import { BLOBS_DIR, INDEX_FILE, THUMBS_DIR, TMP_DIR, VAULT_FILE } from '../vault/layout';
import { parseVaultFile } from '../vault/vault-file';
import { checkObjects, type ObjectSink } from './check-objects';
import { ignoredObjects, newerTraces, summaryOf } from './check-replica';
import { chooseManifest } from './choose-manifest';
import { blobIdOf, objectKind } from './layout';
import { listAll } from './manifest-read';
import { clearUnfinishedRestores, RESTORE_OWNER_FILE, stagingName } from './restore-leftovers';
import type { ManifestObject } from './manifest';
import type { ReplicaStore } from './store';
import { crashPoint } from '../testing/crash-point';

export interface RestoreRequest {
  readonly target: string;
  /** The key fingerprint the manifest must be signed by; else the key the replica names (said in the result). */
  readonly keyFingerprint?: string;
  /** Restore from the newest whole manifest when the newest one is damaged. */
  readonly previous?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplicaProgress) => void;
}

async function assertFreeTarget(target: string): Promise<void> {
  try {
    if ((await readdir(target)).length > 0) throw new TamgaError('ALREADY_EXISTS', `${target} is not empty; a restore needs an empty or new folder.`, { path: target });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new TamgaError('ALREADY_EXISTS', `${target} is a file, not a folder.`, { path: target });
    throw fromFsError(err, `checking ${target}`);
  }
}

/** Where each vouched-for object goes in the vault folder. */
function placeOf(staging: string, object: ManifestObject, manifestIndex: string, manifestVaultFile: string): string | null {
  if (object.name === manifestIndex) return join(staging, INDEX_FILE);
  if (object.name === manifestVaultFile) return join(staging, VAULT_FILE);
  const kind = objectKind(object.name);
  const blobId = blobIdOf(object.name);
  if ((kind === 'blob' || kind === 'thumb') && blobId !== null) return join(staging, kind === 'blob' ? BLOBS_DIR : THUMBS_DIR, blobId.slice(0, 2), blobId);
  return null; // the public key file and older snapshots: not part of a vault folder
}

/** Writes into tmp/ and renames into place only on commit, so a wrong object leaves nothing. */
function fileSink(staging: string, path: string): ObjectSink {
  const temp = join(staging, TMP_DIR, `${randomBytes(12).toString('hex')}.part`);
  let out: WriteStream | null = null;
  const finish = (): Promise<void> => new Promise((done, fail) => (out === null ? done() : out.end((err?: Error | null) => (err ? fail(err) : done()))));
  return {
    async write(chunk) {
      out ??= createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      if (!out.write(chunk)) await new Promise<void>((done) => out?.once('drain', () => done()));
    },
    async commit() {
      out ??= createWriteStream(temp, { flags: 'wx', mode: 0o600 });
      await finish();
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await rename(temp, path);
    },
    async discard() {
      await finish().catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}

export async function restoreFromReplica(store: ReplicaStore, request: RestoreRequest): Promise<RestoreResult> {
  const target = resolve(request.target);
  await assertFreeTarget(target);
  const notes: string[] = [];
  const cleared = await clearUnfinishedRestores(dirname(target), target);
  if (cleared !== null) notes.push(cleared);
  const listing = await listAll(store);
  const chosen = await chooseManifest(store, listing, { publicKey: null, fingerprint: request.keyFingerprint ?? null }, request.signal);
  const problems: ReplicaProblem[] = [...chosen.problems];
  const nothing = { ok: false, target, restoredObjects: 0, restoredBytes: 0, ignored: [] as string[], notes };
  const used = chosen.usable;
  if (used === null) {
    return { ...nothing, manifest: null, problems, refused: { reason: problems[0]?.message ?? 'No manifest can be used.', previous: null } };
  }
  if (used !== chosen.newest && request.previous !== true) {
    const reason = `${problems[0]?.message ?? ''} The newest whole manifest before it is ${used.name} (${used.manifest.createdAt}); restore from it only knowingly, with --previous.`;
    return { ...nothing, manifest: null, problems, refused: { reason, previous: used.number } };
  }
  const { manifest } = used;
  if (used !== chosen.newest) notes.push(`Restored from ${used.name} (${manifest.createdAt}), not from the damaged newest manifest, as asked.`);
  if (request.keyFingerprint === undefined) notes.push(`The manifest is signed by the key with fingerprint ${manifest.signingKey.fingerprint}; compare it with the vault's (or pin it with --key). Unlocking with the passphrase proves it again.`);

  const parent = dirname(target);
  const staging = join(parent, stagingName(target, randomUUID()));
  try {
    await mkdir(parent, { recursive: true });
    await mkdir(staging, { mode: 0o700 });
    // So that a restore into the same target started meanwhile knows this folder is in use.
    await writeFile(join(staging, RESTORE_OWNER_FILE), `${process.pid}\n`, { mode: 0o600 });
    for (const dir of [BLOBS_DIR, THUMBS_DIR, TMP_DIR]) await mkdir(join(staging, dir), { mode: 0o700 });
    // The vault file and the index first: without them there is no vault, so nothing else is fetched.
    const essential = manifest.objects.filter((o) => o.name === manifest.vaultFile || o.name === manifest.index);
    const rest = manifest.objects.filter((o) => !essential.includes(o));
    let restoredObjects = 0;
    let restoredBytes = 0;
    const progress: { -readonly [K in keyof ReplicaProgress]: ReplicaProgress[K] } = { phase: 'fetch', objectsDone: 0, objectsTotal: manifest.objectCount, bytesDone: 0, bytesTotal: manifest.totalBytes, current: null };
    const fetch = async (objects: ManifestObject[]) =>
      checkObjects(store, objects, {
        ...(request.signal === undefined ? {} : { signal: request.signal }),
        copy: async (object) => {
          const place = placeOf(staging, object, manifest.index, manifest.vaultFile);
          return place === null ? null : fileSink(staging, place);
        },
        onObject: (object, bytes) => {
          crashPoint('restore:object-fetched');
          progress.objectsDone += 1;
          progress.bytesDone += bytes;
          request.onProgress?.({ ...progress, current: object.name });
        },
      });
    const first = await fetch(essential);
    problems.push(...first.problems);
    const vaultJsonOk = first.intact.has(manifest.vaultFile) && (await vaultKeyMatches(join(staging, VAULT_FILE), manifest.signingKey.publicKey, problems, manifest.vaultFile));
    if (!vaultJsonOk || !first.intact.has(manifest.index)) {
      return { ...nothing, manifest: summaryOf(used), problems, refused: { reason: 'The vault.json copy or the index snapshot that the manifest lists is missing or damaged: without them no vault can be rebuilt.', previous: null } };
    }
    const second = await fetch(rest);
    problems.push(...second.problems);
    for (const set of [first.intact, second.intact]) {
      for (const name of set) {
        const object = manifest.objects.find((o) => o.name === name);
        restoredObjects += 1;
        restoredBytes += object?.size ?? 0;
      }
    }
    await rm(join(staging, TMP_DIR), { recursive: true, force: true });
    await mkdir(join(staging, TMP_DIR), { mode: 0o700 });
    await chmod(join(staging, INDEX_FILE), 0o600);
    await rm(join(staging, RESTORE_OWNER_FILE));
    await rmdir(target).catch(() => undefined);
    await rename(staging, target);
    await fsyncDirectory(parent);
    const ignored = await ignoredObjects(store, listing, manifest);
    const traces = newerTraces(listing, manifest.number);
    if (traces.length > 0) notes.push(`Objects of a newer push than manifest ${manifest.number} are here (${traces.slice(0, 5).join(', ')}): a push was cut short, or the storage hides a newer manifest.`);
    return { ok: problems.length === 0, target, manifest: summaryOf(used), restoredObjects, restoredBytes, problems, ignored, notes, refused: null };
  } catch (err) {
    throw err instanceof TamgaError ? err : fromFsError(err, `restoring into ${target}`);
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** The vault.json copy must hold the key that signed the manifest (unlock later proves the seed matches it). */
async function vaultKeyMatches(path: string, publicKey: string, problems: ReplicaProblem[], name: string): Promise<boolean> {
  try {
    if (parseVaultFile(JSON.parse(await readFile(path, 'utf8'))).signing.publicKey === publicKey) return true;
  } catch {
    // fall through: named below
  }
  problems.push({ code: 'VAULT_FILE_MISMATCH', message: `${name} is not a vault.json with the key that signed the manifest.`, objects: [name] });
  return false;
}
