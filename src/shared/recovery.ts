/**
 * Recovery keys as the API carries them (src/main/engine/vault/recovery.ts does the work):
 * plain data, safe to structured-clone. The words and shares exist here only on their way
 * to being shown once; nothing keeps them.
 */

/** A recovery key just made: its 24 words, or (when split) its k-of-n shares, never both. */
export interface RecoveryKeyMade {
  readonly vaultId: string;
  readonly keyFingerprint: string;
  readonly createdAt: string;
  /** Whether an older recovery key was replaced (it no longer works). */
  readonly replaced: boolean;
  /** The 24 words, in order; null when the key was handed out only as shares. */
  readonly words: readonly string[] | null;
  /** The shares, share i+1 of n at index i (80 characters each); null when not split. */
  readonly shares: { readonly k: number; readonly n: number; readonly setId: string; readonly codes: readonly string[] } | null;
}

export interface CreateRecoveryKeyRequest {
  /** Hand the key out only as k-of-n shares (2 ≤ k ≤ n ≤ 16); absent or null: as 24 words. */
  readonly shares?: { readonly k: number; readonly n: number } | null;
}

/** Opening a locked vault with its recovery key and giving it a new passphrase: words or shares. */
export interface RecoverVaultRequest {
  readonly path: string;
  /** The 24 words, as typed (spacing, case and numbering do not matter). */
  readonly words?: string;
  /** At least k shares, 80 characters each (groups, spaces and case do not matter). */
  readonly shares?: readonly string[];
  readonly newPassphrase: string;
}

/** Writes the printable page(s) of a key just made (.pdf or .txt; one file per share). */
export interface WriteRecoveryPageRequest {
  readonly made: RecoveryKeyMade;
  readonly outPath: string;
}
