/**
 * The vault's replicas as the engine offers them: add, remove, status, push, verify (each a
 * line over the module that does the work), and the calls that need no vault (keyless
 * verify, restore). Adding and removing are custody events on the vault's chain:
 * 'replica-added' {replica, name, kind} and 'replica-removed' {replica, name, kind};
 * push.ts records 'replica-pushed'. No event holds a path, a bucket or a credential.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';
import type { ReplicaCheckReport, ReplicaConfig, ReplicaProgress, ReplicaPushResult, ReplicaSource, ReplicaStatus, RestoreResult } from '../../../shared/replica';
import { vaultChainName } from '../../../shared/custody';
import { TamgaError } from '../../../shared/errors';
import { appendEvent } from '../custody/store';
import { fromFsError } from '../fs/fs-errors';
import type { OpenVault } from '../vault/vault';
import { checkReplica } from './check-replica';
import { FolderStore } from './folder-store';
import { blobObjectName, MANIFESTS_PREFIX } from './layout';
import { describeConfig, openReplicaStore } from './open-store';
import { pushReplica } from './push';
import { referencedBlobs } from './referenced-blobs';
import { configView, deleteReplicaRow, insertReplicaRow, listReplicaRows, requireReplicaRow, saveVerifyCursor, sentObjects, findReplicaRow, type ReplicaRow } from './replica-rows';
import { restoreFromReplica, type RestoreRequest } from './restore';
import type { ReplicaStore } from './store';

export interface ReplicaRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ReplicaProgress) => void;
}

const REPLICA_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function statusOf(vault: OpenVault, row: ReplicaRow, referenced: ReadonlyArray<{ readonly name: string; readonly itemId: string }>): ReplicaStatus {
  const sent = sentObjects(vault.db, row.id);
  const lastManifest = row.lastNumber === null || row.lastSha256 === null ? null : { number: row.lastNumber, sha256: row.lastSha256, pushedAt: row.lastPushedAt ?? '' };
  const pending = referenced.filter((r) => !sent.has(r.name));
  return {
    id: row.id,
    name: row.name,
    description: describeConfig(row.config),
    config: configView(row.config),
    addedAt: row.addedAt,
    lastManifest,
    pendingObjects: pending.length,
    pendingItems: new Set(pending.map((r) => r.itemId)).size,
  };
}

export function listReplicas(vault: OpenVault): ReplicaStatus[] {
  const referenced = referencedBlobs(vault.db).map((r) => ({ name: blobObjectName(r.area, r.blobId), itemId: r.itemId }));
  return listReplicaRows(vault.db).map((row) => statusOf(vault, row, referenced));
}

/** A replica folder is new, empty, or already a replica (it has manifests/), and not inside the vault. */
async function prepareFolder(vault: OpenVault, path: string): Promise<string> {
  if (!isAbsolute(path)) path = resolve(path);
  const inside = relative(resolve(vault.paths.root), path);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) throw new TamgaError('INVALID_ARGUMENT', `${path} is inside the vault; a replica belongs on another disk or machine.`);
  try {
    const entries = await readdir(path);
    if (entries.length > 0 && !entries.includes(MANIFESTS_PREFIX.slice(0, -1))) {
      throw new TamgaError('ALREADY_EXISTS', `${path} holds other files; a replica needs an empty or new folder (or one that already is a replica).`, { path });
    }
  } catch (err) {
    if (err instanceof TamgaError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fromFsError(err, `checking ${path}`);
    await mkdir(path, { recursive: true, mode: 0o700 }).catch((e: unknown) => {
      throw fromFsError(e, `creating ${path}`);
    });
  }
  return path;
}

/** An S3 config is held to what the S3 store takes (endpoint, bucket, prefix, credentials), before it is kept. */
function checkConfig(config: ReplicaConfig): void {
  if (config.kind === 's3') openReplicaStore(config);
}

export async function addReplica(vault: OpenVault, request: { readonly name: string; readonly config: ReplicaConfig }): Promise<ReplicaStatus> {
  const { name } = request;
  if (typeof name !== 'string' || !REPLICA_NAME.test(name)) throw new TamgaError('INVALID_ARGUMENT', `A replica name is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit; not ${JSON.stringify(name)}.`);
  if (findReplicaRow(vault.db, name) !== null) throw new TamgaError('ALREADY_EXISTS', `This vault already has a replica named "${name}".`);
  checkConfig(request.config);
  const config: ReplicaConfig = request.config.kind === 'folder' ? { kind: 'folder', path: await prepareFolder(vault, request.config.path) } : request.config;
  const id = randomUUID();
  vault.db.transaction(() => {
    insertReplicaRow(vault.db, { id, name, config, addedAt: new Date().toISOString() });
    appendEvent(vault.db, vault.signer, { chain: vaultChainName(vault.vaultFile.vaultId), type: 'replica-added', actor: vault.actor, data: { replica: id, name, kind: config.kind } });
  }).immediate();
  return listReplicas(vault).find((r) => r.id === id) as ReplicaStatus;
}

/** Forgets a replica; what it holds stays where it is (the storage's owner removes it). */
export function removeReplica(vault: OpenVault, name: string): void {
  const row = requireReplicaRow(vault.db, name);
  vault.db.transaction(() => {
    deleteReplicaRow(vault.db, row.id);
    appendEvent(vault.db, vault.signer, { chain: vaultChainName(vault.vaultFile.vaultId), type: 'replica-removed', actor: vault.actor, data: { replica: row.id, name: row.name, kind: row.config.kind } });
  }).immediate();
}

/** Pushes to one replica, or to each in turn (a failure of one is thrown after the others ran). */
export async function pushReplicas(vault: OpenVault, name: string | undefined, options: ReplicaRunOptions): Promise<ReplicaPushResult[]> {
  const rows = name === undefined ? listReplicaRows(vault.db) : [requireReplicaRow(vault.db, name)];
  if (rows.length === 0) throw new TamgaError('NOT_FOUND', 'This vault has no replica yet: add one with tamga replica add VAULT NAME --folder PATH.');
  const results: ReplicaPushResult[] = [];
  let failure: unknown = null;
  for (const row of rows) {
    try {
      results.push(await pushReplica(vault, row, openReplicaStore(row.config), options));
    } catch (err) {
      if (err instanceof TamgaError && err.code === 'CANCELLED') throw err;
      failure ??= err;
    }
  }
  if (failure !== null) throw failure;
  return results;
}

export async function verifyReplica(vault: OpenVault, request: { readonly name: string; readonly sample?: number }, options: ReplicaRunOptions): Promise<ReplicaCheckReport> {
  const row = requireReplicaRow(vault.db, request.name);
  const sample = request.sample === undefined ? undefined : { count: request.sample, cursor: row.verifyCursor };
  if (sample !== undefined && (!Number.isSafeInteger(sample.count) || sample.count < 1)) throw new TamgaError('INVALID_ARGUMENT', '--sample takes a whole number of objects, at least 1.');
  const { report, nextCursor } = await checkReplica({
    store: openReplicaStore(row.config),
    key: { publicKey: vault.signer.publicKey.toString('hex'), fingerprint: null },
    recorded: row.lastNumber === null || row.lastSha256 === null ? null : { number: row.lastNumber, sha256: row.lastSha256 },
    vaultId: vault.vaultFile.vaultId,
    replicaId: row.id,
    keys: { blob: vault.keys.blob, index: vault.keys.index, tmpDir: vault.paths.tmpDir },
    ...(sample === undefined ? {} : { sample }),
    ...options,
  });
  if (sample !== undefined && !vault.readonly) saveVerifyCursor(vault.db, row.id, nextCursor);
  return report;
}

/**
 * A replica named by where it is, with no vault: a folder path, or an S3 location with its
 * credentials. An "s3://…" string is refused: without its endpoint and credentials it
 * names no server (the CLI builds the S3 source from --endpoint and the environment).
 */
export async function sourceStore(source: ReplicaSource): Promise<ReplicaStore> {
  if (typeof source !== 'string') return openReplicaStore(source);
  if (/^s3:\/\//i.test(source)) throw new TamgaError('INVALID_ARGUMENT', `${source} is an S3 address: name its server too, e.g. --endpoint https://s3.example.org (the credentials come from TAMGA_S3_ACCESS_KEY_ID and TAMGA_S3_SECRET_ACCESS_KEY, or are asked).`);
  const info = await stat(source).catch(() => null);
  if (info === null || !info.isDirectory()) throw new TamgaError('NOT_FOUND', `${source} is not a folder: name the replica folder (the one with manifests/ and README.txt).`, { path: source });
  return new FolderStore(source);
}

const FINGERPRINT = /^[0-9a-f]{64}$/;

export function checkFingerprint(fingerprint: string): string {
  const fp = typeof fingerprint === 'string' ? fingerprint.trim().toLowerCase() : '';
  if (!FINGERPRINT.test(fp)) throw new TamgaError('INVALID_ARGUMENT', 'A key fingerprint is 64 hex digits (the SHA-256 of the vault\'s public key, as tamga info shows it).');
  return fp;
}

export async function verifyReplicaKeyless(request: { readonly source: ReplicaSource; readonly keyFingerprint: string }, options: ReplicaRunOptions): Promise<ReplicaCheckReport> {
  const fingerprint = checkFingerprint(request.keyFingerprint);
  return (await checkReplica({ store: await sourceStore(request.source), key: { publicKey: null, fingerprint }, recorded: null, ...options })).report;
}

export async function restoreReplica(request: { readonly source: ReplicaSource } & Omit<RestoreRequest, 'signal' | 'onProgress'>, options: ReplicaRunOptions): Promise<RestoreResult> {
  const store = await sourceStore(request.source);
  const keyFingerprint = request.keyFingerprint === undefined ? undefined : checkFingerprint(request.keyFingerprint);
  return restoreFromReplica(store, { target: request.target, ...(keyFingerprint === undefined ? {} : { keyFingerprint }), ...(request.previous === undefined ? {} : { previous: request.previous }), ...options });
}
