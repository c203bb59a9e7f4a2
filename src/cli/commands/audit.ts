/** `tamga audit <vault> [--read-data-subset 1/N | P%]`: decrypt and check everything (or one part per run); exit 1 naming each problem. */
import { Presets, SingleBar } from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import type { Engine } from '../../main/engine/api';
import { MAX_AUDIT_PARTS } from '../../shared/items';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';

/** "1/10" or "10%" to the number of parts (restic's --read-data-subset, one part per run). */
export function parseSubset(value: string): number {
  const fraction = /^1\/(\d+)$/.exec(value.trim());
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
  const parts = fraction !== null ? Number(fraction[1]) : percent !== null ? 100 / Number(percent[1]) : Number.NaN;
  if (!Number.isSafeInteger(parts) || parts < 1 || parts > MAX_AUDIT_PARTS) {
    throw new InvalidArgumentError(`give 1/N (N from 1 to ${MAX_AUDIT_PARTS}) or a percentage that divides 100 (50%, 25%, 10%, 5%, 1% …)`);
  }
  return parts;
}

function startProgress(engine: Engine, quiet: boolean): () => void {
  if (quiet || !process.stderr.isTTY) return () => undefined;
  const bar = new SingleBar({ stream: process.stderr, format: '{bar} {percentage}% | {value}/{total} originals', hideCursor: true }, Presets.shades_classic);
  let running = false;
  const unsubscribe = engine.subscribe((event) => {
    if (event.type !== 'auditProgress') return;
    if (!running) bar.start(Math.max(1, event.progress.itemsTotal), event.progress.itemsDone);
    else bar.update(event.progress.itemsDone);
    running = true;
  });
  return () => {
    unsubscribe();
    if (running) bar.stop();
  };
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('decrypt every original and thumbnail, check every hash and custody chain, find orphans')
    .argument('<vault>', 'the vault folder')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--read-data-subset <1/N|P%>', 'check one part of N per run, the next part each run (N runs check everything)', parseSubset)
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, opts: VaultCommandOptions & { json?: boolean; readDataSubset?: number }) => {
      const report = await withVault(
        dir,
        opts,
        async (engine) => {
          const stop = startProgress(engine, opts.json === true);
          try {
            return await engine.auditVault(opts.readDataSubset === undefined ? {} : { subset: { of: opts.readDataSubset } });
          } finally {
            stop();
          }
        },
        'write-if-possible',
      );
      if (opts.json) printJson(report);
      else {
        for (const p of report.problems) process.stdout.write(`PROBLEM ${p.code}: ${p.message}\n`);
        const what = report.subset === undefined ? '' : ` of part ${report.subset.part} of ${report.subset.of}`;
        process.stdout.write(
          `${report.ok ? 'Audit passed' : `Audit found ${report.problems.length} problem(s)`}: ${report.checkedItems} items${what}, ` +
            `${report.checkedBytes} bytes decrypted and hashed, ${report.checkedEvents} custody events verified.\n`,
        );
        if (report.subset !== undefined) {
          const next = (report.subset.part % report.subset.of) + 1;
          process.stdout.write(
            report.checkpoint === null
              ? `Nothing was recorded, so the next run checks part ${report.subset.part} again.\n`
              : `Recorded on the vault chain; the next run with the same subset checks part ${next}.\n`,
          );
        }
        if (report.log !== null) process.stdout.write(`Custody log: ${report.log.size} events, root ${report.log.root}.\n`);
        if (report.checkpoint !== null) process.stdout.write(`Signed checkpoint (kept in the vault):\n${report.checkpoint}`);
        else if (report.log !== null && !report.ok) process.stdout.write('No checkpoint was signed and nothing was recorded: a damaged log must not be vouched for.\n');
      }
      process.exitCode = report.ok ? EXIT_OK : EXIT_CHECK_FAILED;
    });
}
