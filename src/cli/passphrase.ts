/**
 * Where the CLI gets a passphrase: a file (`--passphrase-file`), the environment
 * (`TAMGA_PASSPHRASE`), or a prompt on the terminal with no echo. Never from a plain
 * command-line argument, which other users of the machine can read in the process list.
 */
import { readFile } from 'node:fs/promises';
import { read } from 'read';
import { TamgaError } from '../shared/errors';

export interface PassphraseSource {
  /** Path of a file whose content (minus one trailing newline) is the passphrase. */
  readonly file?: string | undefined;
  /** Name of the environment variable to read. */
  readonly envVar: string;
  /** What to call it in the prompt, e.g. "Passphrase" or "New passphrase". */
  readonly label: string;
  /** Ask twice on a terminal (for a new passphrase). */
  readonly confirm?: boolean;
}

async function fromFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new TamgaError('NOT_FOUND', `Cannot read the passphrase file ${path}: ${(err as NodeJS.ErrnoException).code ?? 'error'}.`);
  }
  // Editors add one final newline; anything else is part of the passphrase.
  return text.replace(/\r?\n$/, '');
}

async function prompt(label: string): Promise<string> {
  // The prompt goes to stderr so that `--json` output on stdout stays machine-readable.
  return read({ prompt: `${label}: `, silent: true, replace: '', output: process.stderr });
}

/** Returns null when no source is available (no file, no variable, not a terminal). */
export async function passphraseFrom(source: PassphraseSource): Promise<string | null> {
  if (source.file !== undefined) return fromFile(source.file);
  const env = process.env[source.envVar];
  if (env !== undefined && env !== '') return env;
  if (!process.stdin.isTTY) return null;
  const first = await prompt(source.label);
  if (source.confirm) {
    const second = await prompt(`${source.label} (again)`);
    if (first !== second) throw new TamgaError('INVALID_ARGUMENT', 'The two passphrases differ; nothing was changed.');
  }
  return first;
}

export async function requirePassphrase(source: PassphraseSource): Promise<string> {
  const passphrase = await passphraseFrom(source);
  if (passphrase === null) {
    throw new TamgaError(
      'INVALID_ARGUMENT',
      `No ${source.label.toLowerCase()}: pass --passphrase-file, set ${source.envVar}, or run in a terminal to be asked.`,
    );
  }
  return passphrase;
}
