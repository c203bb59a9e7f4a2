/**
 * The API contract: every call the window (through the preload) and the CLI make into
 * the engine. One table of method names drives the preload, the IPC handlers and the
 * end-to-end harness, so a call cannot exist in one place and not the others.
 *
 * Every call is async and every argument and result is structured-clone-safe plain
 * data (no Buffers, no class instances); failures are `TamgaError`s with a code.
 */

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
}

export interface CreateVaultRequest {
  readonly path: string;
  readonly passphrase: string;
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
}

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
] as const satisfies readonly ApiMethod[];

type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
// If this line fails to compile, a TamgaApi method is missing from API_METHODS.
export const API_METHODS_COMPLETE: Missing extends never ? true : never = true;

/** The IPC channel of a method: prefixed so the preload never forwards anything else. */
export function apiChannel(method: ApiMethod): `tamga:${ApiMethod}` {
  return `tamga:${method}`;
}
