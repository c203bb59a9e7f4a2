/**
 * The API contract: every call the window (through the preload) and the CLI make into
 * the engine. One table of method names drives the preload, the IPC handlers and the
 * end-to-end harness, so a call cannot exist in one place and not the others.
 *
 * Every call is async and every argument and result is structured-clone-safe plain
 * data (no Buffers, no class instances); failures are `TamgaError`s with a code.
 */

import type { ImportProgress, ImportRequest, ImportSummary } from './import';
import type { AuditReport, ExtractRequest, ExtractResult, ItemDetail, ItemSummary } from './items';

/** What anyone can read from vault.json without the passphrase. */
export interface VaultPublicInfo {
  readonly path: string;
  readonly formatVersion: number;
  readonly vaultId: string;
  /** SHA-256 of the raw 32-byte Ed25519 public key, lower-case hex: what owners publish. */
  readonly keyFingerprint: string;
  /** The raw Ed25519 public key, lower-case hex. */
  readonly publicKey: string;
  readonly kdf: { readonly name: 'scrypt'; readonly N: number; readonly r: number; readonly p: number };
  readonly createdAt: string;
}

/** What an unlocked vault adds. */
export interface VaultInfo extends VaultPublicInfo {
  readonly itemCount: number;
  /** The index schema version (SQLite user_version). */
  readonly schemaVersion: number;
  /** Whether imports also compute SHA-1 and MD5 (for forensic tools that use them). */
  readonly legacyHashes: boolean;
}

export interface CreateVaultRequest {
  readonly path: string;
  readonly passphrase: string;
  /** Also compute SHA-1 and MD5 on import. */
  readonly legacyHashes?: boolean;
}

export interface UnlockVaultRequest {
  readonly path: string;
  readonly passphrase: string;
  /** Open without the writer lock, e.g. to read details while the app has the vault open. */
  readonly readonly?: boolean;
}

export interface ChangePassphraseRequest {
  readonly oldPassphrase: string;
  readonly newPassphrase: string;
}

export interface TamgaApi {
  /** Reads vault.json only; needs no passphrase. */
  inspectVault(path: string): Promise<VaultPublicInfo>;
  /** Creates a new vault in an empty or missing directory and leaves it unlocked. */
  createVault(request: CreateVaultRequest): Promise<VaultInfo>;
  unlockVault(request: UnlockVaultRequest): Promise<VaultInfo>;
  /** Closes the index, releases the lock and zeroes the keys held in memory. */
  lockVault(): Promise<void>;
  /** The open vault's details; VAULT_LOCKED when none is open. */
  vaultInfo(): Promise<VaultInfo>;
  /** Rewraps the master key under a new passphrase; no data is re-encrypted. */
  changePassphrase(request: ChangePassphraseRequest): Promise<void>;
  /** Imports files and folders; progress arrives as `importProgress` events. */
  importFiles(request: ImportRequest): Promise<ImportSummary>;
  /** Stops the running import after the file in progress is abandoned; what finished stays. */
  cancelImport(): Promise<void>;
  listItems(): Promise<ItemSummary[]>;
  /** One item by id or SHA-256 (prefix of 8+ hex digits), with everything known about it. */
  getItem(ref: string): Promise<ItemDetail>;
  /** Writes the original, byte-exact, to a new file and logs an `extracted` event. */
  extractItem(request: ExtractRequest): Promise<ExtractResult>;
  /** Decrypts and checks every blob, every custody chain, and looks for orphans. */
  auditVault(): Promise<AuditReport>;
}

/** Events the engine pushes while a call runs. */
export type ApiEvent = { readonly type: 'importProgress'; readonly progress: ImportProgress };

/**
 * Calls that must not wait behind the call in progress (the engine host otherwise runs
 * calls one at a time): cancelling an import is only useful while the import runs.
 */
export const IMMEDIATE_METHODS: readonly ApiMethod[] = ['cancelImport'];

export type ApiMethod = keyof TamgaApi;

/**
 * Every method of the contract, in one list. The `satisfies` check below fails to
 * compile when a method is added to `TamgaApi` and not here (or the other way round).
 */
export const API_METHODS = [
  'inspectVault',
  'createVault',
  'unlockVault',
  'lockVault',
  'vaultInfo',
  'changePassphrase',
  'importFiles',
  'cancelImport',
  'listItems',
  'getItem',
  'extractItem',
  'auditVault',
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
// If this line fails to compile, a TamgaApi method is missing from API_METHODS.
export const API_METHODS_COMPLETE: Missing extends never ? true : never = true;

/** The IPC channel of a method: prefixed so the preload never forwards anything else. */
export function apiChannel(method: ApiMethod): `tamga:${ApiMethod}` {
  return `tamga:${method}`;
}
