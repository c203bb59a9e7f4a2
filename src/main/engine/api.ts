/**
 * The engine facade: the one object the window (through the worker host), the CLI and the
 * tests call. It holds at most one open vault and implements the contract of
 * src/shared/api.ts; everything it returns is plain data and every failure a TamgaError.
 * Each method is a line or two over the feature module that does the work.
 */
import type { ApiEvent, TamgaApi } from '../../shared/api';
import { TamgaError } from '../../shared/errors';
import { auditVault } from './audit/audit';
import { runImport } from './ingest/import-run';
import { extractItem } from './items/extract';
import { listItems } from './items/item-rows';
import { detailOf, resolveItem, summaryOf } from './items/item-view';
import { closeHeicWorkers } from './thumbnails/heic';
import { defaultActor } from './version';
import { createVault, inspectVault, unlockVault, type OpenVault } from './vault/vault';

export interface Engine extends TamgaApi {
  /** Locks the vault if one is open; the host calls it on exit. */
  close(): Promise<void>;
  /** Receives progress while calls run; returns the unsubscribe function. */
  subscribe(listener: (event: ApiEvent) => void): () => void;
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

export function createEngine(options: EngineOptions = {}): Engine {
  const actor = options.actor ?? defaultActor();
  const listeners = new Set<(event: ApiEvent) => void>();
  const emit = (event: ApiEvent): void => listeners.forEach((listener) => listener(event));
  let vault: OpenVault | null = null;
  let runningImport: AbortController | null = null;

  const current = (): OpenVault => {
    if (vault === null) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked. Unlock a vault first.');
    return vault;
  };

  const writable = (): OpenVault => {
    const open = current();
    if (open.readonly) throw new TamgaError('INVALID_ARGUMENT', 'The vault is open read-only; unlock it for writing.');
    return open;
  };

  const lock = async (): Promise<void> => {
    runningImport?.abort();
    const open = vault;
    vault = null;
    open?.close();
    // Decoder workers may hold decoded evidence in memory: end them with the session.
    await closeHeicWorkers();
  };

  return {
    inspectVault: async (path) => inspectVault(requireString(path, 'path')),

    async createVault(request) {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      await lock();
      vault = await createVault(path, passphrase, { actor, ...(options.newVaultLog2N === undefined ? {} : { log2N: options.newVaultLog2N }) });
      if (request.legacyHashes === true) vault.setLegacyHashes(true);
      return vault.info();
    },

    async unlockVault(request) {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      await lock();
      vault = await unlockVault(path, passphrase, { readonly: request.readonly === true, actor });
      return vault.info();
    },

    lockVault: lock,

    vaultInfo: async () => current().info(),

    async changePassphrase(request) {
      await writable().changePassphrase(requireString(request.oldPassphrase, 'oldPassphrase'), requireString(request.newPassphrase, 'newPassphrase'));
    },

    async importFiles(request) {
      const open = writable();
      if (runningImport !== null) throw new TamgaError('INVALID_ARGUMENT', 'An import is already running; wait for it or cancel it.');
      if (!Array.isArray(request.paths) || !request.paths.every((p) => typeof p === 'string')) {
        throw new TamgaError('INVALID_ARGUMENT', 'paths must be a list of file or folder paths.');
      }
      runningImport = new AbortController();
      try {
        return await runImport(
          { db: open.db, store: open.store, signer: open.signer, actor: open.actor, vaultRoot: open.paths.root, hashes: open.legacyHashes },
          request,
          { signal: runningImport.signal, onProgress: (progress) => emit({ type: 'importProgress', progress }) },
        );
      } finally {
        runningImport = null;
      }
    },

    async cancelImport() {
      runningImport?.abort();
    },

    async listItems() {
      const { db } = current();
      return listItems(db).map((row) => summaryOf(db, row));
    },

    async getItem(ref) {
      const { db } = current();
      return detailOf(db, resolveItem(db, requireString(ref, 'item')));
    },

    extractItem: async (request) =>
      extractItem(writable(), { item: requireString(request.item, 'item'), outPath: requireString(request.outPath, 'outPath') }),

    auditVault: async () => auditVault(writable()),

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close: lock,
  };
}
