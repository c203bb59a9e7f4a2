/** `tamga init <dir>`: create a vault and print the key fingerprint its owner publishes. */
import type { Command } from 'commander';
import { loadEngine } from '../load-engine';
import { defaultActor } from '../../main/engine/version';
import { printJson } from '../output';
import { requirePassphrase } from '../passphrase';
import { printVaultDetails } from '../vault-format';
import { addOperatorOptions, OPERATOR_STATEMENT, operatorFromOptions, type OperatorOptions } from './operator';

export function registerInit(program: Command): void {
  addOperatorOptions(program.command('init').description('create a new vault in an empty or new folder').argument('<dir>', 'the vault folder'))
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--legacy-hashes', 'also compute SHA-1 and MD5 on import, for forensic tools that use them')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, opts: OperatorOptions & { passphraseFile?: string; legacyHashes?: boolean; json?: boolean }) => {
      // Checked before the passphrase is asked for (the engine checks the members again).
      const operator = operatorFromOptions(opts);
      const passphrase = await requirePassphrase({
        file: opts.passphraseFile,
        envVar: 'TAMGA_PASSPHRASE',
        label: 'New vault passphrase',
        confirm: true,
      });
      const engine = await loadEngine({ actor: defaultActor('cli') });
      try {
        const info = await engine.createVault({ path: dir, passphrase, legacyHashes: opts.legacyHashes === true, operator });
        if (opts.json) printJson(info);
        else {
          process.stdout.write('Vault created. Publish the key fingerprint so that others can check your bundles.\n\n');
          printVaultDetails(info);
          process.stdout.write(info.operator === null ? '\nNo operator recorded: custody events name only the tool (set one with tamga operator).\n' : `\n${OPERATOR_STATEMENT}\n`);
        }
      } finally {
        await engine.close();
      }
    });
}
