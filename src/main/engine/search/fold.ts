/**
 * Folding of text on its way into the full-text index and of query words on their way
 * to it, so that both meet. The migration (0005-search.ts) applies the same fold in SQL;
 * the two must agree. Case and diacritics are the tokenizer's job (unicode61,
 * remove_diacritics 2); this adds what the tokenizer keeps apart but people do not:
 * Russian ё and е, which writers use interchangeably for one letter.
 */

export function foldForIndex(text: string): string {
  return text.normalize('NFC').replaceAll('ё', 'е').replaceAll('Ё', 'Е');
}

/** Keys already worked out: every search compares the vault's tag and case names. */
const MAX_REMEMBERED = 10_000;
const keys = new Map<string, string>();

/**
 * A key for comparing names (tags, cases) the way people mean them: ignoring case,
 * accents and the ё/е spelling, after Unicode normalisation.
 */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size >= MAX_REMEMBERED) keys.clear();
    key = computeKey(name);
    keys.set(name, key);
  }
  return key;
}

function computeKey(name: string): string {
  return foldForIndex(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('und')
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, ' ');
}

/**
 * Whether the FTS tokenizer would find any token in the text: unicode61 keeps letters,
 * numbers and private-use characters and treats everything else as a separator. A term
 * with none (e.g. "!!!") cannot match anything and is left out of a query.
 */
export function hasTokens(text: string): boolean {
  return /[\p{L}\p{N}\p{Co}]/u.test(text);
}
