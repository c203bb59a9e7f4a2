/**
 * `tamga info <dir>`: what the vault says about itself. Without a passphrase it shows the
 * public part (format, vault id, key fingerprint) — enough for an auditor comparing
 * fingerprints; with one it opens the index read-only and adds the item count.
 */
import type { Command } from 'commander';
import { loadEngine } from '../load-engine';
import { printJson } from '../output';
import { passphraseFrom, requirePassphrase } from '../passphrase';
import { printVaultDetails } from '../vault-format';

interface InfoOptions {
  passphraseFile?: string;
  unlock?: boolean;
  json?: boolean;
}

export function registerInfo(program: Command): void {
  program
    .command('info')
    .description('show a vault\'s format, id, key fingerprint and (when unlocked) item count')
    .argument('<dir>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file (adds the item count)')
    .option('--unlock', 'ask for the passphrase on the terminal (adds the item count)')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: InfoOptions) => {
      const source = { file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Passphrase' };
      const wantsUnlock = opts.unlock === true || opts.passphraseFile !== undefined || Boolean(process.env.TAMGA_PASSPHRASE);
      const engine = await loadEngine();
      try {
        const passphrase = wantsUnlock ? (opts.unlock ? await requirePassphrase(source) : await passphraseFrom(source)) : null;
        const info =
          passphrase === null
            ? await engine.inspectVault(dir)
            : await engine.unlockVault({ path: dir, passphrase, readonly: true });
        if (opts.json) printJson({ ...info, locked: passphrase === null });
        else printVaultDetails(info);
      } finally {
        await engine.close();
      }
    });
}
