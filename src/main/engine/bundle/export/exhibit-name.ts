/**
 * Portable exhibit file names: `E0001_<safe original name>`, safe on every file system a
 * court or an auditor may use (ext4, APFS, NTFS, FAT/exFAT on a USB stick), inside a zip,
 * and on a `sha256sum -c` line. The original name, exactly as acquired, stays in
 * metadata/exhibits.json; this name only has to be recognisable and harmless.
 *
 * Rules (docs/formats.md "Exhibit names"):
 * 1. NFC. Any character that is a control (tab and line breaks included), format
 *    (zero-width, bidi), line or paragraph separator, surrogate, private-use code point or
 *    noncharacter becomes `_`; so do
 *    `/ \ : % * ? " < > |` (path separators, BagIt's percent escapes, what Windows refuses).
 *    Every other kind of white space becomes a space; runs of spaces collapse to one.
 * 2. Leading and trailing spaces and dots are removed (Windows drops them silently, and a
 *    name of dots means something to every shell). Nothing is left → `exhibit`.
 * 3. The name is cut to MAX_EXHIBIT_NAME_BYTES UTF-8 bytes in all, prefix included, at a
 *    grapheme boundary, keeping a short extension (1–16 letters or digits).
 * 4. The prefix `E0001_` is unique per exhibit, so names never collide, not even on a
 *    case-insensitive or normalising file system, and duplicates of one name stay apart.
 *
 * Hence no name holds a line break or a backslash (sha256sum would escape the line), none
 * begins or ends with a space, and `..` cannot survive as a path component.
 */
import { TamgaError } from '../../../../shared/errors';

/**
 * Whole file name, in UTF-8 bytes. eCryptfs allows 143, ext4 255; with the bundle folder and
 * `data/` in front, 120 also keeps most Windows paths under the old 260-character limit.
 */
export const MAX_EXHIBIT_NAME_BYTES = 120;
const MAX_EXTENSION_LENGTH = 16;
const FALLBACK_STEM = 'exhibit';

/**
 * Unicode general categories, not a list of code points, so that a new bidi control is caught
 * too; unassigned code points (Cn) are left out because which ones are unassigned depends on
 * the runtime's Unicode version, and the same bundle must get the same names everywhere.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\uFDD0-\uFDEF\uFFFE\uFFFF/\\:%*?"<>|]/gu;
const OTHER_SPACE = /[^\S ]/gu;
const EXTENSION = /^[\p{L}\p{N}]{1,16}$/u;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cleans one name (rules 1 and 2), without prefix or length limit. */
export function safeComponent(name: string): string {
  return name
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(OTHER_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/^[ .]+|[ .]+$/g, '');
}

/** The longest run of whole graphemes of `text` that fits in `budget` UTF-8 bytes. */
function cutToBytes(text: string, budget: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > budget) break;
    out += segment;
    used += size;
  }
  return out;
}

function splitExtension(name: string): { stem: string; extension: string } {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, extension: '' };
  const extension = name.slice(dot + 1);
  if (!EXTENSION.test(extension) || extension.length > MAX_EXTENSION_LENGTH) return { stem: name, extension: '' };
  return { stem: name.slice(0, dot), extension };
}

/** The portable file name of one exhibit, e.g. exhibitFileName('E0001', 'IMG 1234.JPG'). */
export function exhibitFileName(exhibit: string, originalName: string): string {
  const prefix = `${exhibit}_`;
  const { stem, extension } = splitExtension(safeComponent(originalName));
  const suffix = extension === '' ? '' : `.${extension}`;
  const budget = MAX_EXHIBIT_NAME_BYTES - utf8Length(prefix) - utf8Length(suffix);
  const cut = safeComponent(cutToBytes(stem, budget));
  return `${prefix}${cut === '' ? FALLBACK_STEM : cut}${suffix}`;
}

/**
 * The names of all exhibits, in order. Uniqueness follows from the numbered prefix; it is
 * checked anyway (ignoring case, as NTFS and APFS do), since two exhibits written to one
 * file would be a silent loss of evidence.
 */
export function exhibitFileNames(entries: ReadonlyArray<{ readonly exhibit: string; readonly originalName: string }>): string[] {
  const names = entries.map((e) => exhibitFileName(e.exhibit, e.originalName));
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (seen.has(key)) throw new TamgaError('INTERNAL', `Two exhibits would share the file name ${name}.`);
    seen.add(key);
  }
  return names;
}
