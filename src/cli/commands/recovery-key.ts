/**
 * `tamga recovery-key`: the vault's recovery key, a second way in that does not depend on
 * one person remembering the passphrase (docs/formats.md, "Recovery key").
 *
 *   tamga recovery-key create VAULT [--shares K-of-N] [--out page.pdf|page.txt]
 *       makes it (or replaces the old one, which stops working) and shows it this once:
 *       24 words, or with --shares only K-of-N shares (one page each: page-share-1-of-N.pdf …)
 *   tamga recovery-key remove VAULT
 *       removes it: only the passphrase opens the vault again
 *
 * Each is recorded on the vault chain; the key itself never is.
 */
import type { Command } from 'commander';
import { stat } from 'node:fs/promises';
import { TamgaError } from '../../shared/errors';
import type { RecoveryKeyMade } from '../../shared/recovery';
import { groupedFingerprint, pagePaths, wordRows } from '../../main/engine/vault/recovery-page';
import { groupShare, parseSplit } from '../../main/engine/vault/recovery-shares';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

interface CreateOptions extends VaultCommandOptions {
  shares?: string;
  out?: string;
  json?: boolean;
}

async function refuseExisting(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (exists) throw new TamgaError('ALREADY_EXISTS', `${path} exists already; choose another --out (the page is never written over a file). Nothing was changed.`, { path });
  }
}

function printMade(made: RecoveryKeyMade): void {
  const out = (line = ''): boolean => process.stdout.write(`${line}\n`);
  out(made.replaced ? 'New recovery key made. The old recovery key (its words or shares) no longer opens this vault.' : 'Recovery key made.');
  out(`Vault id          ${made.vaultId}`);
  out(`Key fingerprint   ${groupedFingerprint(made.keyFingerprint)}`);
  out();
  if (made.words !== null) {
    out('Write down these 24 words, in order. They are shown only this once; whoever has them can open the vault:');
    out();
    for (const row of wordRows(made.words)) out(`  ${row}`);
  } else if (made.shares !== null) {
    const { k, n, setId, codes } = made.shares;
    out(`The recovery key is split into ${n} shares (set ${setId}); any ${k} of them open the vault, fewer reveal nothing.`);
    out('Give each share to a different person. They are shown only this once:');
    for (const [i, code] of codes.entries()) {
      out();
      out(`  Share ${i + 1} of ${n} (${k} needed)`);
      out(`  ${groupShare(code).join(' ')}`);
    }
  }
  out();
}

export function registerRecoveryKey(program: Command): void {
  const command = program.command('recovery-key').description("make, replace or remove the vault's recovery key (words or k-of-n shares that open it without the passphrase)");
  command
    .command('create')
    .description('make the recovery key (replacing any older one) and show it once')
    .argument('<dir>', 'the vault folder')
    .option('--shares <K-of-N>', 'hand the key out only as N shares, any K of which open the vault (e.g. 2-of-3)')
    .option('--out <file>', 'also write a printable page (.pdf or .txt; one per share: <name>-share-<i>-of-<N>.<ext>)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the key as JSON (for a script that prints it; it is shown only this once)')
    .action(async (dir: string, opts: CreateOptions) => {
      const shares = opts.shares === undefined ? null : parseSplit(opts.shares);
      // Checked before anything changes: a page that cannot be written must not cost the old key.
      const outPaths = opts.out === undefined ? [] : pagePaths(opts.out, { shares });
      await refuseExisting(outPaths);
      await withVault(dir, opts, async (engine) => {
        const made = await engine.createRecoveryKey({ shares });
        if (opts.json) printJson(made);
        else printMade(made);
        if (opts.out !== undefined) {
          const written = await engine.writeRecoveryPage({ made, outPath: opts.out });
          for (const path of written) process.stderr.write(`Printable page written: ${path}. Print it, check it, then delete the file.\n`);
        }
        if (!opts.json) {
          process.stdout.write('To use it: tamga recover VAULT. Making a new recovery key, or removing it, makes this one useless here.\n');
          process.stdout.write('Replicas hold vault.json as of their last push: push them again (tamga replica push VAULT) so a restore can use this key. Copies pushed before still open with the old key, if there was one.\n');
        }
      });
    });
  command
    .command('remove')
    .description('remove the recovery key: only the passphrase opens the vault again')
    .argument('<dir>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .action(async (dir: string, opts: VaultCommandOptions) => {
      await withVault(dir, opts, async (engine) => {
        await engine.removeRecoveryKey();
        process.stdout.write('Recovery key removed. Its words or shares no longer open this vault; only the passphrase does.\n');
      });
    });
}
