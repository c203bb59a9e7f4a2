/** How the CLI prints: JSON on stdout for scripts, aligned text for people, errors as one line on stderr. */
import { TamgaError } from '../shared/errors';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes to stdout and waits when the reader is slower (a pipe to a script), so that a
 * long stream (show --all --json) is never held in memory; resolves at once if the reader went away.
 */
export function writeOut(text: string): Promise<void> {
  if (process.stdout.destroyed) return Promise.resolve();
  if (process.stdout.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.once('drain', done);
    process.stdout.once('close', done);
  });
}

/** Prints "label  value" rows with the values aligned. */
export function printRows(rows: ReadonlyArray<readonly [string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
}

/** One line, `tamga: <reason> [CODE]`, so that scripts can both show and match it. */
export function printError(err: unknown): void {
  const error =
    err instanceof TamgaError ? err : new TamgaError('INTERNAL', err instanceof Error ? err.message : String(err));
  const oneLine = error.message.replace(/\s*\n\s*/g, ' ');
  process.stderr.write(`tamga: ${oneLine} [${error.code}]\n`);
  if (error.code === 'INTERNAL' && process.env.TAMGA_DEBUG) process.stderr.write(`${String((err as Error).stack)}\n`);
}
