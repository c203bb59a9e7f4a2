/**
 * The printable page of a recovery key (or of one share of it): what it is, which vault
 * it opens (vault id and key fingerprint, so the finder can match it to the vault), the
 * words or the share, and what to do with it. As plain text, or as a PDF
 * (recovery-page-pdf.ts). The text page can be read back as it is: `tamga recover
 * --words-file page.txt` finds the numbered words, `--share-file` the share line.
 * Written once, with mode 0600 and never over an existing file.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { TamgaError } from '../../../shared/errors';
import { fromFsError } from '../fs/fs-errors';
import type { RecoveryKeyMade } from '../../../shared/recovery';
import { groupShare } from './recovery-shares';

export interface RecoveryPage {
  readonly title: string;
  readonly facts: ReadonlyArray<readonly [string, string]>;
  /** The 24 words, or null on a share's page. */
  readonly words: readonly string[] | null;
  /** The share's 16 groups of five, or null on the words' page. */
  readonly shareGroups: readonly string[] | null;
  readonly instructions: readonly string[];
}

export function groupedFingerprint(fingerprint: string): string {
  return (fingerprint.match(/.{1,4}/g) ?? []).join(' ');
}

function facts(made: RecoveryKeyMade): Array<[string, string]> {
  return [
    ['Vault id', made.vaultId],
    ['Key fingerprint', groupedFingerprint(made.keyFingerprint)],
    ['Made', made.createdAt],
  ];
}

const KEEP =
  'Whoever holds this page can open the vault and read all of its evidence without the passphrase. Keep it as you keep the evidence itself: in a sealed envelope, in a safe or with a person you trust, never with the vault\'s disk or its backups.';
const USE =
  'To use it when the passphrase is lost: run "tamga recover VAULT" (it asks for the words, or reads them with --words-file), or choose "Forgot the passphrase?" on the unlock screen of the Tamga window. Then choose a new passphrase. Check first that the vault\'s key fingerprint is the one above.';
const REPLACED = 'Making a new recovery key, or removing it, makes this page useless. The vault\'s custody records when that happened.';

/** One page per share, or one page with the words. */
export function recoveryPages(made: RecoveryKeyMade): RecoveryPage[] {
  if (made.words !== null) {
    return [{ title: 'Tamga vault recovery key', facts: facts(made), words: made.words, shareGroups: null, instructions: [KEEP, USE, REPLACED] }];
  }
  const split = made.shares;
  if (split === null) throw new TamgaError('INTERNAL', 'A recovery key was made with neither words nor shares.');
  return split.codes.map((code, i) => ({
    title: `Tamga vault recovery key: share ${i + 1} of ${split.n}`,
    facts: [...facts(made), ['Share', `${i + 1} of ${split.n}; any ${split.k} shares together open the vault`], ['Share set', split.setId]],
    words: null,
    shareGroups: groupShare(code),
    instructions: [
      `This is one of ${split.n} shares of the vault's recovery key. Any ${split.k} of them, together, open the vault without its passphrase; fewer than ${split.k} reveal nothing about the key. Give each share to a different person, and keep no two in one place.`,
      `To use them: run "tamga recover VAULT --share-file F" once for each of ${split.k} shares (F may be this page as a .txt file), or choose "Forgot the passphrase?" in the Tamga window and enter the shares. Then choose a new passphrase. Check first that the vault's key fingerprint is the one above.`,
      REPLACED,
    ],
  }));
}

/** The words in six rows of four, numbered, as the CLI prints them and the text page holds them. */
export function wordRows(words: readonly string[]): string[] {
  const rows: string[] = [];
  for (let row = 0; row < words.length / 4; row++) {
    rows.push(
      words
        .slice(row * 4, row * 4 + 4)
        .map((word, i) => `${String(row * 4 + i + 1).padStart(2)}. ${word.padEnd(9)}`)
        .join('  ')
        .trimEnd(),
    );
  }
  return rows;
}

function wrap(text: string, width = 88): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function recoveryPageText(page: RecoveryPage): string {
  const width = Math.max(...page.facts.map(([label]) => label.length));
  const out = [page.title, '='.repeat(page.title.length), '', ...page.facts.map(([label, value]) => `${label.padEnd(width)}  ${value}`), ''];
  if (page.words !== null) out.push('The 24 words, in this order:', '', ...wordRows(page.words).map((row) => `  ${row}`), '');
  if (page.shareGroups !== null) out.push('The share (80 characters; O and 0, I, L and 1 read the same):', '', `  ${page.shareGroups.join(' ')}`, '');
  for (const paragraph of page.instructions) out.push(...wrap(paragraph), '');
  return `${out.join('\n')}\n`;
}

/** Where each page goes: `out` itself, or `<name>-share-<i>-of-<n><ext>` for shares. */
export function pagePaths(out: string, made: Pick<RecoveryKeyMade, 'shares'> | { readonly shares: { readonly n: number } | null }): string[] {
  const ext = extname(out).toLowerCase();
  if (ext !== '.pdf' && ext !== '.txt') throw new TamgaError('INVALID_ARGUMENT', `The printable page is written as .pdf or .txt; "${out}" is neither.`);
  if (made.shares === null) return [out];
  const stem = out.slice(0, out.length - ext.length);
  return Array.from({ length: made.shares.n }, (_, i) => `${stem}-share-${i + 1}-of-${made.shares?.n ?? 0}${extname(out)}`);
}

/** Writes the page(s) for a recovery key just made; returns the paths written. */
export async function writeRecoveryPages(made: RecoveryKeyMade, out: string): Promise<string[]> {
  const paths = pagePaths(out, made);
  const pages = recoveryPages(made);
  const pdf = extname(out).toLowerCase() === '.pdf';
  const render = pdf ? (await import('./recovery-page-pdf')).recoveryPagePdf : (page: RecoveryPage): Buffer => Buffer.from(recoveryPageText(page), 'utf8');
  const written: string[] = [];
  for (const [i, path] of paths.entries()) {
    const page = pages[i];
    if (page === undefined) break;
    try {
      await writeFile(path, await render(page), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new TamgaError('ALREADY_EXISTS', `${path} exists already; the page is never written over another file.`, { path });
      throw fromFsError(err, `writing ${path}`);
    }
    written.push(path);
  }
  return written;
}
