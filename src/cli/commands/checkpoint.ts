/**
 * `tamga checkpoint <vault> [--out FILE]`: signs a checkpoint of the vault's custody log
 * as it is now (a C2SP signed note: origin `tamga.vault/<vault id>`, size, root), keeps it
 * in the vault and prints it (or writes it to FILE), with the verifier key that checks it.
 * Given to someone now, it lets them check later that the vault's history was only
 * appended to since (`tamga verify NEW --since FILE`). docs/formats.md, "Custody log".
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

export function registerCheckpoint(program: Command): void {
  program
    .command('checkpoint')
    .description("sign a checkpoint of the vault's custody log (size and root) and print it")
    .argument('<vault>', 'the vault folder')
    .option('--out <file>', 'also write the signed checkpoint to this file')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print as JSON')
    .action(async (dir: string, opts: VaultCommandOptions & { out?: string; json?: boolean }) => {
      const made = await withVault(dir, opts, (engine) => engine.makeCheckpoint());
      if (opts.out !== undefined) await writeFile(opts.out, made.note, { flag: 'wx' });
      if (opts.json) return printJson(made);
      process.stdout.write(`${made.note}\nCustody log of ${made.size} events, root ${made.root}. Verifier key (C2SP vkey): ${made.verifierKey}\n`);
    });
}
