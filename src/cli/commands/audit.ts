/** `tamga audit <vault>`: decrypt and check everything; exit 1 naming each problem. */
import type { Command } from 'commander';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('decrypt every original and thumbnail, check every hash and custody chain, find orphans')
    .argument('<vault>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, opts: VaultCommandOptions & { json?: boolean }) => {
      const report = await withVault(dir, opts, (engine) => engine.auditVault(), 'write-if-possible');
      if (opts.json) printJson(report);
      else {
        for (const p of report.problems) process.stdout.write(`PROBLEM ${p.code}: ${p.message}\n`);
        process.stdout.write(
          `${report.ok ? 'Audit passed' : `Audit found ${report.problems.length} problem(s)`}: ${report.checkedItems} items, ` +
            `${report.checkedBytes} bytes decrypted and hashed, ${report.checkedEvents} custody events verified.\n`,
        );
        if (report.log !== null) process.stdout.write(`Custody log: ${report.log.size} events, root ${report.log.root}.\n`);
        if (report.checkpoint !== null) process.stdout.write(`Signed checkpoint (kept in the vault):\n${report.checkpoint}`);
        else if (report.log !== null && !report.ok) process.stdout.write('No checkpoint was signed and nothing was recorded: a damaged log must not be vouched for.\n');
      }
      process.exitCode = report.ok ? EXIT_OK : EXIT_CHECK_FAILED;
    });
}
