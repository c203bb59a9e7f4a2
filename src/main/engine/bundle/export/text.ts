/**
 * User and evidence text on its way into a bundle: folded to one line for the line-based
 * tag files (bag-info.txt), and made visible for people (the reports), so that neither a
 * line break typed into a field nor a right-to-left override hidden in a file name can
 * change what a reader sees or what a parser reads.
 */
import { MAX_BAG_INFO_VALUE_LENGTH } from '../../../../shared/bundle';

/**
 * Line and paragraph breaks of every kind (CR, LF, NEL, VT, FF, U+2028, U+2029), other C0/C1
 * controls, and the bidirectional embedding, override and isolate controls that can make a
 * line display in another order than it is stored.
 */
const BREAKS_AND_CONTROLS = /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/gu;

/**
 * One line for a `Label: value` tag file: NFC, every break and control replaced by a space,
 * runs of white space collapsed, trimmed, cut to `max` characters. A value can then never
 * start a new label of its own (no CR/LF injection), nor look like a continuation line.
 */
export function oneLine(value: string, max = MAX_BAG_INFO_VALUE_LENGTH): string {
  const folded = value.normalize('NFC').replace(BREAKS_AND_CONTROLS, ' ').replace(/\s+/gu, ' ').trim();
  return Array.from(folded).slice(0, max).join('').trim();
}

function codePointLabel(ch: string): string {
  return `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;
}

/**
 * A name as a person should see it: every control, format (zero-width, bidi) and separator
 * character other than the plain space written out as [U+XXXX]. "photo[U+202E]gpj.exe"
 * tells a reader what the bytes say; the raw name would display as "photoexe.jpg".
 */
export function visibleName(name: string): string {
  return name.normalize('NFC').replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\uFDD0-\uFDEF\uFFFE\uFFFF]/gu, codePointLabel);
}

/**
 * Free text (a description) for people: line breaks kept as line feeds, tabs as spaces,
 * other controls and the bidi overrides written out as [U+XXXX].
 */
export function visibleText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?|[\u0085\u2028\u2029]/gu, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, (ch) => (ch === '\n' ? ch : codePointLabel(ch)));
}

/** Bytes as people read sizes: "1.2 MB" (SI units, as Bag-Size is usually written). */
export function humanSize(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit] ?? ''}`;
}
