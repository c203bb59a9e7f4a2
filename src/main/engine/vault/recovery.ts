/**
 * Recovery keys: a vault that does not depend on one person's memory.
 *
 * createRecoveryKey makes 256 random bits, wraps the vault's master key under them in
 * vault.json's recovery slot (recovery-slot.ts) and hands the key out once: as 24 words,
 * or only as k-of-n shares (recovery-shares.ts), when no single person should hold it.
 * Creating again replaces the slot, so the old words or shares stop working. The key
 * itself is never stored or logged; the vault chain records that one was created,
 * rotated, removed or used (`recovered`).
 *
 * unlockWithRecovery is what the CLI, the window and `tamga restore` call: it opens the
 * vault with the words or shares and gives back a function that sets a new passphrase.
 */
import { randomBytes } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import type { RecoveryKeyMade } from '../../../shared/recovery';
import { checkPassphrase, openWithMasterKey, type OpenVault, type OpenVaultOptions } from './vault';
import { vaultPaths } from './layout';
import { RECOVERY_SCHEME, unwrapWithRecovery, wrapForRecovery, type RecoverySlot } from './recovery-slot';
import { combineShares, parseShare, splitRecoveryKey } from './recovery-shares';
import { RECOVERY_KEY_BYTES, recoveryKeyFromWords, recoveryKeyToWords } from './recovery-words';
import { readVaultFile, type VaultFile } from './vault-file';

/** The recovery key as the person has it: the 24 words (any spacing, numbering), or k shares (80 characters each). */
export type RecoverySecret = { readonly words: string } | { readonly shares: readonly string[] };

/**
 * Makes (or replaces) the recovery key of an open, writable vault. With `shares`, only the
 * shares come back: the whole key never leaves this function.
 */
export async function createRecoveryKey(vault: OpenVault, options: { readonly shares?: { readonly k: number; readonly n: number } | null } = {}): Promise<RecoveryKeyMade> {
  if (vault.readonly) throw new TamgaError('READ_ONLY', 'The vault is open read-only; a recovery key cannot be made on it.');
  const file = vault.vaultFile;
  const recoveryKey = randomBytes(RECOVERY_KEY_BYTES);
  try {
    const split = options.shares === undefined || options.shares === null ? null : await splitRecoveryKey(recoveryKey, options.shares.k, options.shares.n, file.signing.fingerprint);
    const createdAt = new Date().toISOString();
    const slot: RecoverySlot = {
      scheme: RECOVERY_SCHEME,
      createdAt,
      ...(split === null ? {} : { shares: { k: split.k, n: split.n, setId: split.setId } }),
      masterKey: wrapForRecovery(vault.keys.master, recoveryKey, file),
    };
    const replaced = file.recovery !== undefined;
    await vault.replaceVaultFile({ ...file, recovery: slot }, 'recovery-key', {
      type: replaced ? 'recovery-key-rotated' : 'recovery-key-created',
      data: { scheme: RECOVERY_SCHEME, ...(split === null ? {} : { shares: { k: split.k, n: split.n } }) },
    });
    return {
      vaultId: file.vaultId,
      keyFingerprint: file.signing.fingerprint,
      createdAt,
      replaced,
      words: split === null ? recoveryKeyToWords(recoveryKey) : null,
      shares: split === null ? null : { k: split.k, n: split.n, setId: split.setId, codes: split.codes },
    };
  } finally {
    recoveryKey.fill(0);
  }
}

/** Removes the recovery slot: from then on only the passphrase opens the vault. */
export async function removeRecoveryKey(vault: OpenVault): Promise<void> {
  const file = vault.vaultFile;
  if (file.recovery === undefined) throw new TamgaError('NO_RECOVERY_KEY', 'This vault has no recovery key; there is nothing to remove.');
  const { recovery: _removed, ...rest } = file;
  await vault.replaceVaultFile(rest, 'recovery-key', { type: 'recovery-key-removed', data: {} });
}

function slotOf(file: VaultFile): RecoverySlot {
  if (file.recovery === undefined) {
    throw new TamgaError('NO_RECOVERY_KEY', 'This vault has no recovery key (none was made, or it was removed): only its passphrase opens it.');
  }
  return file.recovery;
}

/** The master key the words or shares open; every failure is named (see the error codes). */
export async function masterKeyFromRecovery(file: VaultFile, secret: RecoverySecret): Promise<Buffer> {
  const slot = slotOf(file);
  let recoveryKey: Buffer;
  if ('words' in secret) {
    recoveryKey = recoveryKeyFromWords(secret.words);
  } else {
    const shares = secret.shares.map((text, i) => parseShare(text, `Share ${i + 1} given`, i + 1));
    recoveryKey = await combineShares(shares, { keyFingerprint: file.signing.fingerprint, split: slot.shares ?? null });
  }
  try {
    return unwrapWithRecovery(slot, recoveryKey, file);
  } finally {
    recoveryKey.fill(0);
  }
}

export interface RecoveryUnlock {
  /** The vault, open for writing with the master key the recovery key unwrapped. */
  readonly vault: OpenVault;
  /**
   * Wraps the master key under a new passphrase (one atomic replacement of vault.json, as
   * passwd does; the recovery slot stays) and records `recovered` on the vault chain.
   */
  setNewPassphrase(newPassphrase: string): Promise<void>;
}

/**
 * Opens a vault with its recovery key instead of its passphrase. Nothing on disk changes
 * until setNewPassphrase; vault.json is checked (strictly, before any key is derived) as
 * for a passphrase unlock, and the signing key must match the one vault.json shows.
 */
export async function unlockWithRecovery(root: string, secret: RecoverySecret, options: OpenVaultOptions = {}): Promise<RecoveryUnlock> {
  if (options.readonly === true) throw new TamgaError('INVALID_ARGUMENT', 'Recovery sets a new passphrase, so it opens the vault for writing.');
  const file = await readVaultFile(vaultPaths(root).vaultFile);
  const master = await masterKeyFromRecovery(file, secret);
  const vault = await openWithMasterKey(root, file, master, options);
  const used = 'words' in secret ? 'words' : 'shares';
  return {
    vault,
    setNewPassphrase: (newPassphrase) => vault.setPassphrase(newPassphrase, 'recovered', { with: used }, 'recover'),
  };
}

/** unlockWithRecovery, then the new passphrase (checked for strength first, before anything is opened). */
export async function recoverVault(root: string, secret: RecoverySecret, newPassphrase: string, options: OpenVaultOptions = {}): Promise<OpenVault> {
  checkPassphrase(newPassphrase);
  const { vault, setNewPassphrase } = await unlockWithRecovery(root, secret, options);
  try {
    await setNewPassphrase(newPassphrase);
    return vault;
  } catch (err) {
    vault.close();
    throw err;
  }
}
