/**
 * A bundle or package refused because its check found problems (BUNDLE_REFUSED, from
 * `tamga receive` and `tamga intake`): the error, then each problem on its own line, and exit
 * code 1 (nothing was taken in).
 */
import { TamgaError } from '../shared/errors';
import { printable } from './commands/verify';
import { EXIT_CHECK_FAILED } from './exit-codes';
import { printError } from './output';

/** Says the refusal and sets the exit code when `err` is one; false for any other error (to be thrown on). */
export function reportRefusal(err: unknown): boolean {
  if (!(err instanceof TamgaError) || err.code !== 'BUNDLE_REFUSED') return false;
  printError(err);
  const problems = (err.details?.problems ?? []) as { code: string; message: string }[];
  for (const p of problems) process.stderr.write(`  ${p.code}: ${printable(p.message)}\n`);
  process.exitCode = EXIT_CHECK_FAILED;
  return true;
}
