/**
 * A reader that stops reading (`tamga search … | head -1`) closes the pipe; the next write
 * then fails with EPIPE, which Node reports as an unhandled 'error' event: a stack trace
 * on stderr and exit 1, as if Tamga had crashed. Here a closed stdout is an ordinary
 * end: what is still written is dropped, listing loops stop early (nothing they read
 * could reach anyone), and a command that changes the vault still finishes what it began,
 * so the vault is never left half-way because a reader went away.
 *
 * The exit code is then 141 (128 + SIGPIPE), the code `yes | head -1` and git give: the
 * output was not all delivered, and a script with `set -o pipefail` should be able to
 * tell that from a command that ran and printed everything (exit 0 would claim more than
 * happened). A command's own failure (1, a check found a problem; 2, an error) outranks it.
 */
export const EXIT_PIPE_CLOSED = 141;

let closed = false;
let watching = false;

/** Installs the handlers once per process; later calls do nothing. */
export function watchClosedPipes(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    // Any other write failure (a full disk behind a redirect) is a real error: said once, on stderr.
    closed = true;
    process.stderr.write(`tamga: could not write the output: ${err.message} [IO_ERROR]\n`);
    process.exitCode = 2;
  });
  // Nobody reads the reasons any more: nothing to say, and nothing to crash on.
  process.stderr.on('error', () => undefined);
}

/** True once the reader of stdout has gone away. */
export function stdoutClosed(): boolean {
  return closed || process.stdout.destroyed;
}
