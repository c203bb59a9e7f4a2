/**
 * Where the CLI gets a passphrase: a file (`--passphrase-file`), the environment
 * (`TAMGA_PASSPHRASE`), or a prompt on the terminal with no echo. Never from a plain
 * command-line argument, which other users of the machine can read in the process list.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
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

/** Far more than any passphrase; a file larger than this is not one. */
export const MAX_PASSPHRASE_FILE_BYTES = 4096;

/**
 * Opened without blocking (a FIFO with no writer would otherwise hang here) and read only
 * when it is a regular file of at most MAX_PASSPHRASE_FILE_BYTES: /dev/zero, a terminal,
 * a pipe or a 2 GB file are refused with a sentence, never read.
 */
async function fromFile(path: string, what = 'passphrase'): Promise<string> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new TamgaError(code === 'EACCES' || code === 'EPERM' ? 'PERMISSION_DENIED' : 'NOT_FOUND', `Cannot read the ${what} file ${path}: ${code}.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const kind = info.isFIFO() ? 'a pipe' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : info.isDirectory() ? 'a folder' : 'not a regular file';
      throw new TamgaError('INVALID_ARGUMENT', `The ${what} file ${path} is ${kind}, not a file: write the ${what} into a regular file${what === 'passphrase' ? ', or set TAMGA_PASSPHRASE' : ''}.`);
    }
    if (info.size > MAX_PASSPHRASE_FILE_BYTES) {
      throw new TamgaError('INVALID_ARGUMENT', `The ${what} file ${path} holds ${info.size} bytes; a ${what} file holds at most ${MAX_PASSPHRASE_FILE_BYTES}. Is it the right file?`);
    }
    // Read one byte past the limit: a file that grew after stat is still refused.
    const buffer = Buffer.alloc(MAX_PASSPHRASE_FILE_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_PASSPHRASE_FILE_BYTES) throw new TamgaError('INVALID_ARGUMENT', `The ${what} file ${path} grew past ${MAX_PASSPHRASE_FILE_BYTES} bytes while it was read.`);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    buffer.fill(0);
    // Editors add one final newline; anything else is part of the passphrase.
    return text.replace(/\r?\n$/, '');
  } finally {
    await handle.close();
  }
}

/** A small secret from a file (recovery words, a share), read as carefully as a passphrase file. */
export async function readSecretFile(path: string, what: string): Promise<string> {
  return fromFile(path, what);
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
