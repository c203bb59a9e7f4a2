/**
 * The `tamga` command: the same engine facade the window uses, for scripts, servers and
 * auditors. Exit 0 ok, 1 a check failed, 2 usage or operational error (one line on stderr),
 * 141 the reader closed the output early (src/cli/closed-pipe.ts).
 */
import { Command, CommanderError } from 'commander';
import { registerAudit } from './commands/audit';
import { registerCheckpoint } from './commands/checkpoint';
import { registerCase } from './commands/case';
import { registerDescribe } from './commands/describe';
import { registerExport } from './commands/export';
import { registerExtract } from './commands/extract';
import { registerImport } from './commands/import';
import { registerIntake } from './commands/intake';
import { registerInfo } from './commands/info';
import { registerItems } from './commands/items';
import { registerKeys } from './commands/keys';
import { registerInit } from './commands/init';
import { registerOperator } from './commands/operator';
import { registerPasswd } from './commands/passwd';
import { registerRecover } from './commands/recover';
import { registerRecoveryKey } from './commands/recovery-key';
import { registerReceipt } from './commands/receipt';
import { registerReplica } from './commands/replica';
import { registerRestore } from './commands/restore';
import { registerReceive } from './commands/receive';
import { registerReveal } from './commands/reveal';
import { registerSearch } from './commands/search';
import { registerTag } from './commands/tag';
import { registerTimestamp } from './commands/timestamp';
import { registerVerify } from './commands/verify';
import { EXIT_PIPE_CLOSED, stdoutClosed, watchClosedPipes } from './closed-pipe';
import { EXIT_ERROR, EXIT_OK } from './exit-codes';
import { printError } from './output';

export function buildProgram(): Command {
  const program = new Command('tamga')
    .description('Tamga: an offline, encrypted evidence archive with a chain of custody and sealed bundles.')
    .version('0.1.0')
    .showHelpAfterError('(run tamga --help for usage)')
    .addHelpText(
      'after',
      '\nPassphrases come from --passphrase-file, the TAMGA_PASSPHRASE variable, or a prompt on the terminal.\n' +
        'Exit codes: 0 ok, 1 a check found a problem (for verify also: sealed by a key not confirmed with --key or a known sender),\n' +
        '2 usage or operational error, 141 the output was closed before all of it was written (e.g. by `| head`).',
    )
    .exitOverride()
    // Tamga's own options (--version, --help) only before the command: after it, an argument
    // such as a query "-Video" belongs to the command (src/cli/dash-operands.ts).
    .enablePositionalOptions();
  registerInit(program);
  registerInfo(program);
  registerPasswd(program);
  registerRecoveryKey(program);
  registerRecover(program);
  registerImport(program);
  registerIntake(program);
  registerItems(program);
  registerSearch(program);
  registerTag(program);
  registerDescribe(program);
  registerReveal(program);
  registerCase(program);
  registerExtract(program);
  registerAudit(program);
  registerCheckpoint(program);
  registerVerify(program);
  registerReceive(program);
  registerKeys(program);
  registerOperator(program);
  registerExport(program);
  registerTimestamp(program);
  registerReceipt(program);
  registerReplica(program);
  registerRestore(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Runs the command line and returns the exit code (never throws, never calls process.exit). */
export async function main(argv: readonly string[]): Promise<number> {
  watchClosedPipes();
  const code = await run(argv);
  // A write that failed reports so after it returned: wait for the last one to settle.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  return code === EXIT_OK && stdoutClosed() ? EXIT_PIPE_CLOSED : code;
}

async function run(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    // Commands that report a check (audit) or partial failure (import) set exitCode.
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successful exits; any other parse error is a usage error.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help'
        ? EXIT_OK
        : EXIT_ERROR;
    }
    printError(err);
    return EXIT_ERROR;
  }
}
