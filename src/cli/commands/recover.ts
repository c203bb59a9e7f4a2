/**
 * `tamga recover VAULT`: the passphrase is lost; open the vault with its recovery key and
 * set a new passphrase (one atomic rewrite of vault.json, as passwd; a `recovered` event).
 *
 *   tamga recover VAULT [--words-file F]            the 24 words (or asked for on the terminal)
 *   tamga recover VAULT --share-file F1 --share-file F2 …   K shares (or asked for one by one)
 *   … [--new-passphrase-file F]                       the new passphrase (or TAMGA_NEW_PASSPHRASE, or asked twice)
 */
import type { Command } from 'commander';
import { read } from 'read';
import { TamgaError } from '../../shared/errors';
import { groupedFingerprint } from '../../main/engine/vault/recovery-page';
import { parseShare } from '../../main/engine/vault/recovery-shares';
import { defaultActor } from '../../main/engine/version';
import { loadEngine } from '../load-engine';
import { readSecretFile, requirePassphrase } from '../passphrase';

interface RecoverOptions {
  wordsFile?: string;
  shareFile?: string[];
  newPassphraseFile?: string;
}

async function ask(prompt: string): Promise<string> {
  // Shown as typed: 24 words or 80 characters typed blind are hardly ever right.
  return read({ prompt, output: process.stderr });
}

function noTerminal(what: string): TamgaError {
  return new TamgaError('INVALID_ARGUMENT', `No ${what}: pass --words-file or --share-file, or run in a terminal to be asked.`);
}

/** Shares typed one by one: the first says how many are needed. */
async function askShares(): Promise<string[]> {
  if (!process.stdin.isTTY) throw noTerminal('shares');
  const shares = [await ask('Share 1 (80 characters, groups as printed): ')];
  const first = parseShare(shares[0] ?? '', 'Share 1 given');
  for (let i = 2; i <= first.k; i++) shares.push(await ask(`Share ${i} of the ${first.k} needed: `));
  return shares;
}

export function registerRecover(program: Command): void {
  program
    .command('recover')
    .description('open the vault with its recovery key (words or shares) and set a new passphrase')
    .argument('<dir>', 'the vault folder')
    .option('--words-file <file>', 'read the 24 recovery words from this file (the .txt page works too)')
    .option('--share-file <file>', 'read one share from this file; repeat once per share', (value: string, previous: string[] = []) => [...previous, value])
    .option('--shares', 'type shares at the prompt instead of words')
    .option('--new-passphrase-file <file>', 'read the new passphrase from this file (or set TAMGA_NEW_PASSPHRASE)')
    .action(async (dir: string, opts: RecoverOptions & { shares?: boolean }) => {
      if (opts.wordsFile !== undefined && opts.shareFile !== undefined) throw new TamgaError('INVALID_ARGUMENT', 'Give either --words-file or --share-file, not both.');
      let secret: { words: string } | { shares: string[] };
      if (opts.shareFile !== undefined) secret = { shares: await Promise.all(opts.shareFile.map((file) => readSecretFile(file, 'share'))) };
      else if (opts.shares === true) secret = { shares: await askShares() };
      else if (opts.wordsFile !== undefined) secret = { words: await readSecretFile(opts.wordsFile, 'recovery words') };
      else if (process.stdin.isTTY) secret = { words: await ask('The 24 recovery words (in order, on one line): ') };
      else throw noTerminal('recovery words');
      const newPassphrase = await requirePassphrase({ file: opts.newPassphraseFile, envVar: 'TAMGA_NEW_PASSPHRASE', label: 'New passphrase', confirm: true });
      const engine = await loadEngine({ actor: defaultActor('cli') });
      try {
        const info = await engine.recoverVault({ path: dir, newPassphrase, ...secret });
        process.stdout.write(`Vault recovered: the new passphrase opens it now; the old one no longer does.\nVault id          ${info.vaultId}\nKey fingerprint   ${groupedFingerprint(info.keyFingerprint)}\n`);
        process.stdout.write('The recovery key still works. If it may have been seen by others, make a new one: tamga recovery-key create VAULT.\n');
      } finally {
        await engine.close();
      }
    });
}
