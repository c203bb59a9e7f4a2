/**
 * The recovery key as `tamga restore` takes it: from files only (words never on the
 * command line, where ps and the shell history would keep them), and checked for what
 * can be checked without the vault (a word not on the list, a failed checksum, fewer
 * shares than they say are needed) before anything is fetched.
 */
import { TamgaError } from '../shared/errors';
import { distinctShares, parseShare } from '../main/engine/vault/recovery-shares';
import { recoveryKeyFromWords } from '../main/engine/vault/recovery-words';
import { readSecretFile } from './passphrase';

export type CliRecoverySecret = { readonly words: string } | { readonly shares: string[] };

/** Null when neither file option was given (the passphrase is used then). */
export async function recoverySecretFromFiles(wordsFile: string | undefined, shareFiles: readonly string[] | undefined): Promise<CliRecoverySecret | null> {
  if (wordsFile !== undefined && shareFiles !== undefined) throw new TamgaError('INVALID_ARGUMENT', 'Give either --recovery-words-file or --recovery-share-file, not both.');
  if (wordsFile !== undefined) {
    const words = await readSecretFile(wordsFile, 'recovery words');
    recoveryKeyFromWords(words).fill(0);
    return { words };
  }
  if (shareFiles !== undefined) {
    const shares = await Promise.all(shareFiles.map((file) => readSecretFile(file, 'share')));
    distinctShares(shares.map((text, i) => parseShare(text, `Share ${i + 1} given`, i + 1)));
    return { shares };
  }
  return null;
}
