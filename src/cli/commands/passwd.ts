/** `tamga passwd <dir>`: change the passphrase (rewraps the master key; no data is re-encrypted). */
import type { Command } from 'commander';
import { loadEngine } from '../load-engine';
import { defaultActor } from '../../main/engine/version';
import { requirePassphrase } from '../passphrase';

export function registerPasswd(program: Command): void {
  program
    .command('passwd')
    .description('change the vault passphrase')
    .argument('<dir>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the current passphrase from this file')
    .option('--new-passphrase-file <file>', 'read the new passphrase from this file (or set TAMGA_NEW_PASSPHRASE)')
    .action(async (dir: string, opts: { passphraseFile?: string; newPassphraseFile?: string }) => {
      const oldPassphrase = await requirePassphrase({ file: opts.passphraseFile, envVar: 'TAMGA_PASSPHRASE', label: 'Current passphrase' });
      const engine = await loadEngine({ actor: defaultActor('cli') });
      try {
        await engine.unlockVault({ path: dir, passphrase: oldPassphrase });
        const newPassphrase = await requirePassphrase({
          file: opts.newPassphraseFile,
          envVar: 'TAMGA_NEW_PASSPHRASE',
          label: 'New passphrase',
          confirm: true,
        });
        await engine.changePassphrase({ oldPassphrase, newPassphrase });
        process.stdout.write('Passphrase changed. The old passphrase no longer opens this vault.\n');
      } finally {
        await engine.close();
      }
    });
}
