/**
 * The known senders file, for verifying without a vault (an auditor's, a court clerk's),
 * in the manner of ssh's known_hosts. docs/formats.md, "Known senders file", is the
 * specification; in short: UTF-8 text, one `FINGERPRINT NAME` per line (64 hex digits,
 * blanks, then the name to the end of the line), blank lines and lines starting with `#`
 * ignored. A file with any malformed line is refused whole, each bad line named: a typo
 * in a trusted key must be fixed, not silently skipped.
 *
 * Plain node:fs only: `tamga verify` reads it without loading the engine.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { TamgaError } from '../../../shared/errors';
import { checkSenderName, parseFingerprint, sameSenderName, type AddSenderRequest, type KnownSender } from '../../../shared/senders';
import { atomicWriteFile } from '../fs/atomic-write';
import { fromFsError } from '../fs/fs-errors';

/** A known senders file larger than this is refused unread (it holds lines of ~100 bytes). */
export const MAX_KNOWN_SENDERS_FILE_BYTES = 1024 * 1024;

const HEADER = '# Tamga known senders: one key per line, its fingerprint then the sender\'s name.\n# Add a key only after comparing it with the one its owner published.\n';
const ENTRY = /^[ \t]*([0-9A-Fa-f]{64})[ \t]+(.*?)[ \t]*$/;

export interface KnownSendersLineProblem {
  /** 1-based. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedKnownSenders {
  readonly senders: readonly KnownSender[];
  readonly problems: readonly KnownSendersLineProblem[];
  /** Each sender's line number, in the order of `senders`. */
  readonly lines: readonly number[];
}

/** The file's bytes → its senders and every malformed line (none are skipped silently). */
export function parseKnownSenders(bytes: Uint8Array): ParsedKnownSenders {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { senders: [], lines: [], problems: [{ line: 1, message: 'the file is not UTF-8 text' }] };
  }
  const senders: KnownSender[] = [];
  const lines: number[] = [];
  const problems: KnownSendersLineProblem[] = [];
  const rows = text.split('\n');
  if (rows.at(-1) === '') rows.pop();
  rows.forEach((raw, index) => {
    const line = index + 1;
    const row = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ \t]*(#.*)?$/.test(row)) return;
    const match = ENTRY.exec(row);
    if (match === null) {
      problems.push({ line, message: 'not "FINGERPRINT NAME" (64 hexadecimal digits, a space, then a name)' });
      return;
    }
    const fingerprint = (match[1] ?? '').toLowerCase();
    const checked = checkSenderName(match[2] ?? '');
    if ('problem' in checked) {
      problems.push({ line, message: checked.problem });
      return;
    }
    const earlier = senders.findIndex((s) => s.fingerprint === fingerprint || sameSenderName(s.name, checked.name));
    if (earlier >= 0) {
      const what = senders[earlier]?.fingerprint === fingerprint ? 'the same key' : 'the same name';
      problems.push({ line, message: `${what} as line ${lines[earlier] ?? 0}` });
      return;
    }
    senders.push({ fingerprint, name: checked.name, addedAt: null });
    lines.push(line);
  });
  return { senders, problems, lines };
}

/** One line of the file, as `tamga keys add --file` appends it. */
export function knownSenderLine(sender: Pick<KnownSender, 'fingerprint' | 'name'>): string {
  return `${sender.fingerprint} ${sender.name}\n`;
}

/**
 * Where `tamga` looks when no file is named: $XDG_CONFIG_HOME/tamga/known_senders, else
 * ~/.config/tamga/known_senders; on Windows %APPDATA%\tamga\known_senders.
 */
export function defaultKnownSendersPath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA !== undefined && env.APPDATA !== '') return join(env.APPDATA, 'tamga', 'known_senders');
  const config = env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(env.HOME ?? homedir(), '.config');
  return join(config, 'tamga', 'known_senders');
}

async function readBytes(path: string, missingOk: boolean): Promise<Buffer | null> {
  try {
    const bytes = await readFile(path);
    if (bytes.length > MAX_KNOWN_SENDERS_FILE_BYTES) throw new TamgaError('INVALID_ARGUMENT', `${path} is larger than ${MAX_KNOWN_SENDERS_FILE_BYTES} bytes: not a known senders file.`);
    return bytes;
  } catch (error) {
    if (missingOk && (error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromFsError(error, `reading the known senders file ${path}`);
  }
}

function refuse(path: string, problems: readonly KnownSendersLineProblem[]): TamgaError {
  const lines = problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
  return new TamgaError('INVALID_ARGUMENT', `The known senders file ${path} has ${problems.length} malformed line${problems.length === 1 ? '' : 's'}, so none of it is used: ${lines}.`, {
    path,
    lines: problems.map((p) => p.line),
  });
}

/** The senders of a file; [] when `missingOk` and it does not exist; INVALID_ARGUMENT naming every bad line. */
export async function readKnownSendersFile(path: string, missingOk = false): Promise<KnownSender[]> {
  const bytes = await readBytes(path, missingOk);
  if (bytes === null) return [];
  const parsed = parseKnownSenders(bytes);
  if (parsed.problems.length > 0) throw refuse(path, parsed.problems);
  return [...parsed.senders];
}

/** Appends a sender (creating the file, with a header, and its folder when missing). */
export async function addToKnownSendersFile(path: string, request: AddSenderRequest): Promise<KnownSender> {
  const fingerprint = parseFingerprint(request.fingerprint);
  if (fingerprint === null) throw new TamgaError('INVALID_ARGUMENT', 'A key fingerprint is 64 hexadecimal digits (SHA-256 of the public key), as `tamga info` prints it.');
  const checked = checkSenderName(request.name);
  if ('problem' in checked) throw new TamgaError('INVALID_ARGUMENT', checked.problem);
  const bytes = await readBytes(path, true);
  const existing = bytes === null ? [] : await readKnownSendersFile(path);
  const same = existing.find((s) => s.fingerprint === fingerprint || sameSenderName(s.name, checked.name));
  if (same !== undefined) {
    throw new TamgaError('ALREADY_EXISTS', same.fingerprint === fingerprint ? `That key is already a known sender, as "${same.name}".` : `A known sender is already called "${same.name}" (key ${same.fingerprint}).`);
  }
  let text = bytes === null ? HEADER : bytes.toString('utf8');
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  const sender: KnownSender = { fingerprint, name: checked.name, addedAt: null };
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await atomicWriteFile(path, text + knownSenderLine(sender), 'known-senders');
  } catch (error) {
    throw fromFsError(error, `writing the known senders file ${path}`);
  }
  return sender;
}

/** Removes the sender named (ignoring case) or with that fingerprint; comments and other lines stay as they were. */
export async function removeFromKnownSendersFile(path: string, nameOrFingerprint: string): Promise<KnownSender> {
  const bytes = await readBytes(path, false);
  const parsed = parseKnownSenders(bytes ?? Buffer.alloc(0));
  if (parsed.problems.length > 0) throw refuse(path, parsed.problems);
  const fingerprint = parseFingerprint(nameOrFingerprint);
  const index = parsed.senders.findIndex((s) => (fingerprint !== null ? s.fingerprint === fingerprint : sameSenderName(s.name, nameOrFingerprint.trim())));
  const sender = parsed.senders[index];
  if (sender === undefined) throw new TamgaError('NOT_FOUND', `No known sender in ${path} is ${fingerprint !== null ? 'that key' : `called "${nameOrFingerprint.trim()}"`}.`);
  const drop = parsed.lines[index] ?? 0;
  const rows = (bytes ?? Buffer.alloc(0)).toString('utf8').split('\n');
  const kept = rows.filter((_row, i) => i + 1 !== drop).join('\n');
  try {
    await atomicWriteFile(path, kept, 'known-senders');
  } catch (error) {
    throw fromFsError(error, `writing the known senders file ${path}`);
  }
  return sender;
}
