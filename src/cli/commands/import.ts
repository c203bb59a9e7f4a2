/**
 * `tamga import <vault> <paths...>`: archive files and folders. A progress bar on a
 * terminal; a summary naming every skipped or failed file and why; `--json` for scripts.
 * Exit 0 when everything found was archived or deliberately skipped, 2 when a file failed.
 */
import type { Command } from 'commander';
import type { ImportSummary } from '../../shared/import';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes';
import { withVault, type VaultCommandOptions } from '../open-vault';
import { printJson } from '../output';
import { startImportProgress } from '../progress';

interface ImportOptions extends VaultCommandOptions {
  tag: string[];
  includeJunk?: boolean;
  json?: boolean;
}

function printSummary(summary: ImportSummary): void {
  const { counts } = summary;
  const out = (line: string): boolean => process.stdout.write(`${line}\n`);
  if (summary.stopped !== null) out(`Import stopped: ${summary.stopped.message} [${summary.stopped.code}] What is counted below as new or duplicate is archived in full; the rest is not.`);
  else out(summary.cancelled ? 'Import cancelled; what finished is kept.' : 'Import finished.');
  out(`  new items      ${counts.newItems}`);
  out(`  duplicates     ${counts.duplicates} (already in the vault; this copy recorded as a new acquisition)`);
  out(`  skipped        ${counts.skipped}`);
  out(`  OS junk        ${counts.junk} (hidden system files, not imported)`);
  out(`  failed         ${counts.failed}`);
  out(`  with warnings  ${counts.withWarnings} (archived; some metadata could not be read)`);
  for (const s of summary.skipped.filter((x) => x.reason !== 'os-junk')) out(`skipped  ${s.path}: ${s.message}`);
  for (const f of summary.failed) out(`FAILED   ${f.path}: ${f.message} [${f.code}]`);
  for (const i of summary.imported.filter((x) => x.warnings.length > 0)) out(`warning  ${i.path}: ${i.warnings.join(' ')}`);
  for (const path of summary.notImported) out(`NOT IMPORTED  ${path}`);
}

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('archive files and folders (recursively) into the vault')
    .argument('<vault>', 'the vault folder')
    .argument('<paths...>', 'files and folders to import')
    .option('--tag <tag>', 'tag every imported item (repeatable)', (v: string, all: string[]) => [...all, v], [])
    .option('--include-junk', 'also import hidden OS files (.DS_Store, Thumbs.db, ._*)')
    .option('--passphrase-file <file>', 'read the passphrase from this file')
    .option('--json', 'print the summary as JSON')
    .action(async (dir: string, paths: string[], opts: ImportOptions) => {
      const summary = await withVault(dir, opts, async (engine) => {
        const progress = startImportProgress(engine, { quiet: opts.json === true });
        // Ctrl-C cancels cleanly: the file in progress is abandoned, finished ones stay.
        const onSigint = (): void => void engine.cancelImport();
        process.once('SIGINT', onSigint);
        try {
          return await engine.importFiles({ paths, tags: opts.tag, includeJunk: opts.includeJunk === true });
        } finally {
          process.off('SIGINT', onSigint);
          progress.stop();
        }
      });
      if (opts.json) printJson(summary);
      else printSummary(summary);
      process.exitCode = summary.failed.length > 0 || summary.cancelled || summary.stopped !== null ? EXIT_ERROR : EXIT_OK;
    });
}
