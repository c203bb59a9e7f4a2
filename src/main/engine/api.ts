/**
 * The engine facade: the one object the window (through the worker host), the CLI and the
 * tests call. It holds at most one open vault and implements the contract of
 * src/shared/api.ts; everything it returns is plain data and every failure a TamgaError.
 */
import type { ChangePassphraseRequest, CreateVaultRequest, TamgaApi, UnlockVaultRequest, VaultInfo, VaultPublicInfo } from '../../shared/api';
import { TamgaError } from '../../shared/errors';
import { createVault, inspectVault, unlockVault, type OpenVault } from './vault/vault';

export interface Engine extends TamgaApi {
  /** Locks the vault if one is open; the host calls it on exit. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** scrypt cost for new vaults, as log2 N (never below the default; for benchmarks of stronger settings). */
  readonly newVaultLog2N?: number;
}

function requireString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TamgaError('INVALID_ARGUMENT', `${name} must be a non-empty string.`);
  }
  return value;
}

export function createEngine(options: EngineOptions = {}): Engine {
  let vault: OpenVault | null = null;

  const current = (): OpenVault => {
    if (vault === null) throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked. Unlock a vault first.');
    return vault;
  };

  const lock = async (): Promise<void> => {
    const open = vault;
    vault = null;
    open?.close();
  };

  return {
    async inspectVault(path: string): Promise<VaultPublicInfo> {
      return inspectVault(requireString(path, 'path'));
    },

    async createVault(request: CreateVaultRequest): Promise<VaultInfo> {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      await lock();
      vault = await createVault(path, passphrase, options.newVaultLog2N === undefined ? {} : { log2N: options.newVaultLog2N });
      return vault.info();
    },

    async unlockVault(request: UnlockVaultRequest): Promise<VaultInfo> {
      const path = requireString(request.path, 'path');
      const passphrase = requireString(request.passphrase, 'passphrase');
      await lock();
      vault = await unlockVault(path, passphrase, { readonly: request.readonly === true });
      return vault.info();
    },

    lockVault: lock,

    async vaultInfo(): Promise<VaultInfo> {
      return current().info();
    },

    async changePassphrase(request: ChangePassphraseRequest): Promise<void> {
      await current().changePassphrase(
        requireString(request.oldPassphrase, 'oldPassphrase'),
        requireString(request.newPassphrase, 'newPassphrase'),
      );
    },

    close: lock,
  };
}
