/**
 * The engine facade: the one object the window (through the worker host), the CLI and the
 * tests call. It holds at most one open vault and implements the contract of
 * src/shared/api.ts; everything it returns is plain data and every failure a TamgaError.
 * Each method is a line or two over the feature module that does the work.
 */
import type { ApiEvent, TamgaApi } from '../../shared/api';
import type { ExportProgress, VerifyReport } from '../../shared/bundle';
import type { ReceiptImportRequest, ReceiptImportResult } from '../../shared/receipt';
import type { ImportSummary } from '../../shared/import';
import type { AuditProgress, AuditReport, AuditRequest } from '../../shared/items';
import type { LockReason } from '../../shared/session';
import { TamgaError } from '../../shared/errors';
import { auditVault } from './audit/audit';
import { auditSubset, checkParts } from './audit/audit-subset';
import { exportBundle } from './bundle/export/export';
import { previewExport } from './bundle/export/preview';
import { queryItems } from './bundle/export/query-items';
import { verifyBundle } from './bundle/verify/verify';
import { receiveBundle } from './receive/receive';
import { lockStop, runImport } from './ingest/import-run';
import { InterruptedWorkRecord } from './interrupted-work';
import { extractItem } from './items/extract';
import { listItems } from './items/item-rows';
import { OpenBlobs } from './media/open-blobs';
import { readMedia, type MediaSession } from './media/read-media';
import { VideoPreviews } from './media/video-previews';
import { readSettings, updateSettings } from './settings/settings';
import { addVaultSender, listVaultSenders, removeVaultSender } from './senders/vault-senders';
import * as organise from './organise';
import * as search from './search';
import { detailOf, resolveItem, summaryOf } from './items/item-view';
import { closeHeicWorkers } from './thumbnails/heic';
import { defaultActor } from './version';
import { requireOperator } from './vault/operator-request';
import { makeCheckpoint } from './custody/vault-log';
import { noteVerifier, vaultLogOrigin, verifierKey } from './custody/checkpoint';
import { checkPassphrase, createVault, inspectVault, unlockVault, type OpenVault } from './vault/vault';
import { createRecoveryKey, recoverVault, removeRecoveryKey, unlockWithRecovery, type RecoverySecret } from './vault/recovery';
import { writeRecoveryPages } from './vault/recovery-page';
import type { ReplicaCheckReport, ReplicaProgress, ReplicaPushResult, ReplicaSource, RestoreResult } from '../../shared/replica';
import * as replicas from './replica/replicas';
import { finishRestore } from './replica/restore-finish';
import { addendumFiles, checkpointTimestampFiles, savedTimestampServers, saveTimestampServers, stampSeals, type AddendumFile, type StampResult } from './timestamp/vault-stamps';
import { timestampStatus } from './timestamp/seal-status';
import { setTimestampServers } from './timestamp/saved-servers';
import { importReceipt } from './receipt/import-receipt';
import { intakePackage, type IntakeRequest, type IntakeResult } from './intake/intake';
import { makeReceipt, type MadeReceipt } from './receipt/make-receipt';

export interface Engine extends TamgaApi {
  /** Locks the vault if one is open; the host calls it on exit. */
  close(): Promise<void>;
  /** Locks the vault for a reason other than the person asking (idle, suspend); `lockVault` is lock('user'). */
  lock(reason: LockReason): Promise<void>;
  /** Receives progress while calls run; returns the unsubscribe function. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
  /** The whole vault, or (CLI) one part of `subset.of` per run, the next part each time (audit-subset.ts); progress as `auditProgress` events. */
  auditVault(request?: AuditRequest): Promise<AuditReport>;
  /**
   * RFC 3161 timestamps over the seals this vault made and has not had stamped by these
   * TSAs (the URLs given, else those saved; `save` keeps the given ones). CLI only.
   */
  timestampSeals(request: { readonly urls?: readonly string[]; readonly save?: boolean; readonly timeoutMs?: number }): Promise<StampResult & { readonly saved: boolean }>;
  /** The files that add a bundle's timestamps to a copy already sent (vault-stamps.ts). */
  timestampAddendum(bundleId: string): Promise<AddendumFile[]>;
  /** The newest checkpoint of the custody log that has a timestamp, with its tokens, as files (vault-stamps.ts). */
  timestampedCheckpointFiles(): Promise<AddendumFile[]>;
  /**
   * A receipt for a bundle received: the bundle is checked (with `key` pinned, and the
   * vault's known senders), then the vault key signs which bundle it is, the verdict, when
   * and by whom (receipt/make-receipt.ts). CLI only.
   */
  makeReceipt(request: { readonly bundle: string; readonly key?: string }): Promise<MadeReceipt & { readonly report: VerifyReport }>;
  /** Takes in a BagIt bag or a ProofMode share, checked first, keeping what it brings (intake/intake.ts). CLI only. */
  intakePackage(request: IntakeRequest): Promise<IntakeResult>;
  /** Checks a receipt for a bundle this vault exported and records `delivered` (receipt/import-receipt.ts). CLI only. */
  importReceipt(request: ReceiptImportRequest): Promise<ReceiptImportResult>;
  /**
   * The replica calls of the contract, with what only the CLI and the tests pass: an
   * abort signal and a progress callback (the window gets `replicaProgress` events, which
   * are emitted either way). Off-site copies hold only ciphertext (docs/formats.md, "Replicas").
   */
  pushReplicas(name?: string, options?: replicas.ReplicaRunOptions): Promise<ReplicaPushResult[]>;
  verifyReplica(request: { readonly name: string; readonly sample?: number }, options?: replicas.ReplicaRunOptions): Promise<ReplicaCheckReport>;
  /** Checks a replica with no vault, against a pinned key fingerprint; the source is a folder path or an S3 location with credentials. */
  verifyReplicaKeyless(request: { readonly source: ReplicaSource; readonly keyFingerprint: string }, options?: replicas.ReplicaRunOptions): Promise<ReplicaCheckReport>;
  /** Rebuilds a locked vault folder from a replica (no vault needed); then unlock it and call finishRestore. */
  restoreReplica(request: { readonly source: ReplicaSource; readonly target: string; readonly keyFingerprint?: string; readonly previous?: boolean }, options?: replicas.ReplicaRunOptions): Promise<RestoreResult>;
}

export interface EngineOptions {
  /** scrypt cost for new vaults, as log2 N (never below the default; for benchmarks of stronger settings). */
  readonly newVaultLog2N?: number;
  /** Recorded as the actor of custody events, e.g. "tamga-cli 0.1.0". */
  readonly actor?: string;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TamgaError('INVALID_ARGUMENT', `${name} must be a non-empty string.`);
  }
  return value;
}

/** Words or shares, exactly one of them. */
function recoverySecretOf(request: { readonly words?: unknown; readonly shares?: unknown }): RecoverySecret {
  const hasWords = typeof request.words === 'string' && request.words.trim() !== '';
  const hasShares = Array.isArray(request.shares) && request.shares.length > 0;
  if (hasWords === hasShares) throw new TamgaError('INVALID_ARGUMENT', 'Give the recovery words or the shares of the recovery key (one of them).');
  if (hasWords) return { words: request.words as string };
  const shares = request.shares as unknown[];
  if (!shares.every((share) => typeof share === 'string')) throw new TamgaError('INVALID_ARGUMENT', 'Each share must be text.');
  return { shares: shares as string[] };
}

export function createEngine(options: EngineOptions = {}): Engine {
  const actor = options.actor ?? defaultActor();
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent): void => listeners.forEach((listener) => listener(event));
  let vault: OpenVault | null = null;
  let runningImport: AbortController | null = null;
  let runningExport: AbortController | null = null;
  let runningPush: AbortController | null = null;
  /** Settles when the running push has stopped (lock waits for it before closing the index). */
  let pushSettled: Promise<unknown> = Promise.resolve();
  const runningVerifies = new Set<AbortController>();
  /** Settles when the running export has stopped and removed what it wrote (lock waits for it too). */
  let exportSettled: Promise<unknown> = Promise.resolve(undefined);
  /** Settles when the running import has stopped (lock waits for it before closing the index), with its summary. */
  let importSettled: Promise<ImportSummary | undefined> = Promise.resolve(undefined);
  /** Where the running export writes (to say after the next unlock what a lock stopped). */
  let runningExportPath = '';
  /** Settles when the last lock has finished (closed the index, recorded what it stopped). */
  let lockSettled: Promise<void> = Promise.resolve();
  /** Work the last lock stopped, told once after the same vault is unlocked again. */
  const interrupted = new InterruptedWorkRecord();
  /** Open media files and viewed originals of the current unlock session. */
  let media: MediaSession | null = null;
  /** Whether getTimestamps is asking servers now (one round at a time: a token is kept once per seal and server). */
  let stamping = false;

  /** A replica run's progress: to the caller's callback, and as an event for the window. */
  const progressTo =
    (replica: string | null, onProgress?: (progress: ReplicaProgress) => void) =>
    (progress: ReplicaProgress): void => {
      onProgress?.(progress);
      emit({ type: 'replicaProgress', replica, progress });
    };

  const current = (): OpenVault => {
    if (vault === null) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked. Unlock a vault first.');
    return vault;
  };

  const writable = (): OpenVault => {
    const open = current();
    if (open.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; unlock it for writing.');
    return open;
  };

  const opened = (open: OpenVault): OpenVault => {
    vault = open;
    media = { vault: open, blobs: new OpenBlobs(open.store), viewed: new Set(), previews: new VideoPreviews(open) };
    emit({ type: 'vaultUnlocked', settings: readSettings(open) });
    return open;
  };

  const lock = async (reason: LockReason): Promise<void> => {
    // Refuse new work at once and say so at once (the window and the media service wipe
    // what they show on vaultLocked: nothing may stay on screen while an import winds
    // down); then let the import stop (what finished stays) before the index it writes to
    // is closed and the keys zeroed.
    const open = vault;
    const session = media;
    const importing = runningImport !== null;
    const exportingTo = runningExport === null ? null : runningExportPath;
    const vaultId = open !== null && (importing || exportingTo !== null) ? open.info().vaultId : null;
    vault = null;
    media = null;
    if (open !== null) emit({ type: 'vaultLocked', reason });
    runningImport?.abort(lockStop());
    runningExport?.abort();
    runningPush?.abort();
    // ffmpeg making a playable preview is killed at once; nothing more is written.
    const previewsStopped = session?.previews.stop();
    // A lock that comes while another is still stopping work (an unlock locks first) ends
    // after it, so that what the first one records is there when the next vault opens.
    const previous = lockSettled;
    let settled = (): void => undefined;
    lockSettled = new Promise<void>((resolve) => (settled = resolve));
    try {
      await previous;
      const imported = await importSettled;
      // Undefined when it failed or was stopped: it then removed what it had written.
      const exported = await exportSettled;
      await pushSettled;
      await previewsStopped;
      await session?.blobs.closeAll();
      open?.close();
      const stoppedExport = exportingTo !== null && exported === undefined ? exportingTo : null;
      const stoppedImport = importing && imported?.stoppedByLock === true ? imported.importId : null;
      if (vaultId !== null) interrupted.record({ vaultId, reason, importId: stoppedImport, exportTo: stoppedExport });
      // Decoder workers may hold decoded evidence in memory: end them with the session.
      await closeHeicWorkers();
    } finally {
      settled();
    }
  };

  return {
    inspectVault: async (path) => inspectVault(requireString(path, 'path')),

    async createVault(request) {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      const operator = request.operator === undefined || request.operator === null ? null : requireOperator(request.operator);
      await lock('user');
      const created = opened(await createVault(path, passphrase, { actor, operator, ...(options.newVaultLog2N === undefined ? {} : { log2N: options.newVaultLog2N }) }));
      if (request.legacyHashes === true) created.setLegacyHashes(true);
      return created.info();
    },

    async unlockVault(request) {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      await lock('user');
      try {
        return opened(await unlockVault(path, passphrase, { readonly: request.readonly === true, actor })).info();
      } catch (error) {
        // A vault on a medium that cannot be written opens read-only, as the CLI does: the info says so.
        if (request.readonly === true || !(error instanceof TamgaError) || error.code !== 'READ_ONLY') throw error;
        return opened(await unlockVault(path, passphrase, { readonly: true, actor })).info();
      }
    },

    lockVault: () => lock('user'),
    lock,

    vaultInfo: async () => current().info(),

    async changePassphrase(request) {
      await writable().changePassphrase(requireString(request.oldPassphrase, 'oldPassphrase'), requireString(request.newPassphrase, 'newPassphrase'));
    },

    createRecoveryKey: async (request) => createRecoveryKey(writable(), { shares: request.shares ?? null }),
    removeRecoveryKey: async () => removeRecoveryKey(writable()),
    writeRecoveryPage: async (request) => writeRecoveryPages(request.made, requireString(request.outPath, 'outPath')),

    async recoverVault(request) {
      const path = requireString(request.path, 'path');
      const newPassphrase = requireString(request.newPassphrase, 'newPassphrase');
      const secret = recoverySecretOf(request);
      await lock('user');
      return opened(await recoverVault(path, secret, newPassphrase, { actor })).info();
    },

    async importFiles(request) {
      const open = writable();
      if (runningImport !== null) throw new TamgaError('BUSY', 'An import is already running; wait for it or cancel it.');
      if (!Array.isArray(request.paths) || !request.paths.every((p) => typeof p === 'string')) {
        throw new TamgaError('INVALID_ARGUMENT', 'paths must be a list of file or folder paths.');
      }
      runningImport = new AbortController();
      try {
        const running = runImport(
          { db: open.db, store: open.store, signer: open.signer, actor: open.actor, vaultRoot: open.paths.root, hashes: open.legacyHashes },
          request,
          { signal: runningImport.signal, onProgress: (progress) => emit({ type: 'importProgress', progress }) },
        );
        importSettled = running.catch(() => undefined);
        return await running;
      } finally {
        runningImport = null;
      }
    },

    async cancelImport() {
      runningImport?.abort();
    },

    async itemsMatching(request) {
      const { db } = current();
      const items = Array.isArray(request.items) ? request.items.filter((id): id is string => typeof id === 'string') : [];
      if (items.length === 0) return [];
      const matching = new Set(await queryItems(db)(typeof request.query === 'string' ? request.query : ''));
      return items.filter((id) => matching.has(id));
    },

    previewExport: async (selection) => {
      const { db } = current();
      return previewExport(db, selection, queryItems(db));
    },

    async takeInterruptedWork() {
      const open = current();
      return interrupted.take(open.info().vaultId, open.db);
    },

    async listItems() {
      const { db } = current();
      return listItems(db).map((row) => summaryOf(db, row));
    },

    async getItem(ref) {
      const { db } = current();
      const row = resolveItem(db, requireString(ref, 'item'));
      const previewReady = row.kind === 'video' && media !== null && (await media.previews.has(row.id));
      return detailOf(db, row, previewReady);
    },

    async makeVideoPreview(ref) {
      const { db } = current();
      const session = media;
      if (session === null) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked. Unlock a vault first.');
      return session.previews.make(resolveItem(db, requireString(ref, 'item')).id);
    },

    extractItem: async (request) =>
      extractItem(current(), { item: requireString(request.item, 'item'), outPath: requireString(request.outPath, 'outPath') }),

    auditVault: async (request?: AuditRequest) => {
      const onProgress = (progress: AuditProgress): void => emit({ type: 'auditProgress', progress });
      if (request?.subset === undefined) return auditVault(current(), onProgress);
      return auditSubset(current(), checkParts(request.subset.of), onProgress);
    },

    async exportBundle(request) {
      // Read-only too: a sealed bundle from a write-protected vault, its export not recorded (result.recorded).
      const open = current();
      if (runningExport !== null) throw new TamgaError('BUSY', 'An export is already running; wait for it or cancel it.');
      runningExport = new AbortController();
      runningExportPath = typeof request.outPath === 'string' ? request.outPath : '';
      try {
        const onProgress = (progress: ExportProgress): void => emit({ type: 'exportProgress', progress });
        const running = exportBundle(open, request, { signal: runningExport.signal, onProgress, search: queryItems(open.db) });
        exportSettled = running.catch(() => undefined);
        return await running;
      } finally {
        runningExport = null;
      }
    },

    async cancelExport() {
      runningExport?.abort();
    },

    // Needs no vault: a bundle is checked against its own seal and the key the caller pins.
    // An unlocked vault's known senders are keys its user confirmed, so they count too.
    async verifyBundle(request) {
      const running = new AbortController();
      runningVerifies.add(running);
      try {
        const fromVault = vault === null ? [] : listVaultSenders(vault);
        const knownSenders = [...(Array.isArray(request.knownSenders) ? request.knownSenders : []), ...fromVault];
        return await verifyBundle({ ...request, knownSenders }, { signal: running.signal, onProgress: (progress) => emit({ type: 'verifyProgress', progress }) });
      } finally {
        runningVerifies.delete(running);
      }
    },

    async cancelVerify() {
      for (const running of runningVerifies) running.abort();
    },

    async receiveBundle(request) {
      const open = writable();
      if (runningImport !== null) throw new TamgaError('BUSY', 'An import is running; wait for it or cancel it before receiving a bundle.');
      runningImport = new AbortController();
      try {
        const running = receiveBundle(open, { path: requireString(request.path, 'path'), ...(typeof request.key === 'string' ? { key: request.key } : {}), acceptProblems: request.acceptProblems === true }, { signal: runningImport.signal });
        importSettled = running.then(() => undefined, () => undefined);
        return await running;
      } finally {
        runningImport = null;
      }
    },

    searchItems: async (request) => search.searchItems(current().db, request),
    async findByFile(path) {
      current(); // a locked vault says so before a large file is read
      return search.findByFile(() => current().db, requireString(path, 'path'));
    },
    getItemDescription: async (ref) => organise.itemDescription(current().db, requireString(ref, 'item')),
    describeItems: async (request) => organise.describeItems(writable(), request),
    makeCheckpoint: async () => {
      const open = writable();
      const { vaultId } = open.vaultFile;
      const made = makeCheckpoint(open.db, open.signer, vaultId, 'request');
      const origin = vaultLogOrigin(vaultId);
      return { note: made.note, origin, size: made.size, root: made.root, verifierKey: verifierKey(noteVerifier(origin, open.signer.publicKey)) };
    },
    async timestampSeals(request) {
      const open = writable();
      const given = request.urls ?? [];
      if (request.save === true) {
        if (given.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Name the timestamp servers to save with --tsa URL.');
        saveTimestampServers(open.db, given);
      }
      const urls = given.length > 0 ? given : savedTimestampServers(open.db);
      if (urls.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'No timestamp server is given or saved: name one with --tsa URL (two, of different operators, are recommended); --save keeps them.');
      const result = await stampSeals(open, urls, request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs });
      return { ...result, saved: request.save === true };
    },
    timestampAddendum: async (bundleId) => addendumFiles(current().db, requireString(bundleId, 'bundleId')),
    timestampedCheckpointFiles: async () => checkpointTimestampFiles(current().db),
    async makeReceipt(request) {
      const open = current();
      const bundle = requireString(request.bundle, 'bundle');
      const report = await verifyBundle({ path: bundle, ...(request.key === undefined ? {} : { key: request.key }), knownSenders: listVaultSenders(open) });
      return { ...(await makeReceipt(open, bundle, report)), report };
    },
    intakePackage: async (request) => intakePackage(writable(), { ...request, path: requireString(request.path, 'path') }),
    importReceipt: async (request) => importReceipt(writable(), { ...request, path: requireString(request.path, 'path') }),
    timestampStatus: async () => timestampStatus(current().db),
    setTimestampServers: async (urls) => setTimestampServers(writable().db, urls),
    async getTimestamps() {
      const open = writable();
      if (stamping) throw new TamgaError('BUSY', 'Timestamps are being asked for already; wait for the answers.');
      const urls = savedTimestampServers(open.db);
      if (urls.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'No timestamp server is saved: add one in Settings, under Timestamp servers.');
      stamping = true;
      try {
        return await stampSeals(open, urls);
      } catch (error) {
        // Locked while a server was being asked: the index is closed, so nothing more was
        // recorded (every token is written with its event in one transaction, or not at all).
        if (vault !== open) throw new TamgaError('VAULT_LOCKED', 'The vault was locked while timestamps were asked for; those received before are kept.');
        throw error;
      } finally {
        stamping = false;
      }
    },
    addReplica: async (request) => replicas.addReplica(writable(), request),
    listReplicas: async () => replicas.listReplicas(current()),
    removeReplica: async (name) => replicas.removeReplica(writable(), requireString(name, 'name')),
    async pushReplicas(name, options = {}) {
      const open = writable();
      if (runningPush !== null) throw new TamgaError('BUSY', 'A push is already running; wait for it or cancel it.');
      runningPush = new AbortController();
      const signal = options.signal === undefined ? runningPush.signal : AbortSignal.any([runningPush.signal, options.signal]);
      // One replica at a time, so each progress event names the replica being sent to; like
      // replicas.pushReplicas, a failed one does not stop the others, and the first failure is thrown.
      const running = (async (): Promise<ReplicaPushResult[]> => {
        const names = name === undefined ? (await replicas.listReplicas(open)).map((r) => r.name) : [name];
        if (names.length === 0) return replicas.pushReplicas(open, undefined, { signal });
        const results: ReplicaPushResult[] = [];
        let failure: unknown = null;
        for (const each of names) {
          try {
            results.push(...(await replicas.pushReplicas(open, each, { signal, onProgress: progressTo(each, options.onProgress) })));
          } catch (error) {
            if (error instanceof TamgaError && error.code === 'CANCELLED') throw error;
            failure ??= error;
          }
        }
        if (failure !== null) throw failure;
        return results;
      })();
      pushSettled = running.catch(() => undefined);
      try {
        return await running;
      } finally {
        runningPush = null;
      }
    },
    async cancelReplicaPush() {
      runningPush?.abort();
    },
    verifyReplica: async (request, options = {}) => replicas.verifyReplica(current(), request, { ...options, onProgress: progressTo(request.name, options.onProgress) }),
    verifyReplicaKeyless: async (request, options = {}) => replicas.verifyReplicaKeyless(request, { ...options, onProgress: progressTo(null, options.onProgress) }),
    restoreReplica: async (request, options = {}) => replicas.restoreReplica(request, { ...options, onProgress: progressTo(null, options.onProgress) }),
    finishRestore: async (manifest) => finishRestore(writable(), manifest),

    async finishRestoreWithRecovery(request) {
      const path = requireString(request.path, 'path');
      const newPassphrase = requireString(request.newPassphrase, 'newPassphrase');
      const secret = recoverySecretOf(request);
      checkPassphrase(newPassphrase);
      await lock('user');
      const unlocked = await unlockWithRecovery(path, secret, { actor });
      try {
        const problems = finishRestore(unlocked.vault, request.manifest);
        await unlocked.setNewPassphrase(newPassphrase);
        opened(unlocked.vault);
        return problems;
      } catch (error) {
        unlocked.vault.close();
        throw error;
      }
    },
    revealPrivateField: async (request) => organise.revealPrivateField(current().db, request),
    tagItems: async (request) => organise.tagItems(writable(), request),
    untagItems: async (request) => organise.untagItems(writable(), request),
    countSelection: async (selection) => organise.countSelection(current().db, selection),
    tagSelection: async (request) => organise.tagSelection(writable(), request, (progress) => emit({ type: 'selectionProgress', progress })),
    untagSelection: async (request) => organise.untagSelection(writable(), request, (progress) => emit({ type: 'selectionProgress', progress })),
    listTags: async () => organise.listTags(current().db),
    createCase: async (request) => organise.createCase(writable().db, request),
    updateCase: async (request) => organise.updateCase(writable().db, request),
    listCases: async () => organise.listCases(current().db),
    addToCase: async (request) => organise.addToCase(writable(), request),
    removeFromCase: async (request) => organise.removeFromCase(writable(), request),

    async readMedia(request) {
      const session = media;
      if (session === null) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked. Unlock a vault first.');
      const chunk = await readMedia(session, request);
      // Locked while the bytes were read: they stay in the engine.
      if (media !== session) throw new TamgaError('VAULT_LOCKED', 'The vault was locked.');
      return chunk;
    },

    getSettings: async () => readSettings(current()),

    async updateSettings(update) {
      const settings = updateSettings(writable(), update);
      emit({ type: 'settingsChanged', settings });
      return settings;
    },

    getOperator: async () => current().operator,
    async setOperator(operator) {
      const checked = operator === null ? null : requireOperator(operator);
      return writable().setOperator(checked);
    },

    listKnownSenders: async () => listVaultSenders(current()),
    addKnownSender: async (request) => addVaultSender(writable(), request),
    removeKnownSender: async (nameOrFingerprint) => removeVaultSender(writable(), nameOrFingerprint),

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close: () => lock('shutdown'),
  };
}
