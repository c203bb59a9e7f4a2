/** `tamga extract <vault> <item> --out FILE`: the original, byte-exact; logs an `extracted` event. */
import type { Command } from 'commander';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('write an original, byte-exact, to a new file (checked against its SHA-256)')
    .argument('<vault>', 'the vault folder')
    .argument('<item>', 'item id, or SHA-256 (8+ hex digits)')
    .requiredOption('--out <file>', 'the file to write (must not exist)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, item: string, opts: VaultCommandOptions & { out: string; json?: boolean }) => {
      const result = await withVault(dir, opts, (engine) => engine.extractItem({ item, outPath: opts.out }), 'write-if-possible');
      if (opts.json) printJson(result);
      else process.stdout.write(`Wrote ${result.outPath} (${result.size} bytes, SHA-256 ${result.sha256}, verified).\n`);
    });
}
