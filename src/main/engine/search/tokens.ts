/**
 * The query tokenizer: turns the query string into words, "phrases", field:value
 * operators, parentheses, negation and the OR / AND / NOT keywords. It never fails:
 * whatever the input, it returns tokens plus notes on what it read generously (a quote
 * that is never closed runs to the end of the query as one phrase).
 */

/** The operators the language knows; `word:` with any other name is an ordinary word (e.g. "10:30"). */
export const FIELD_NAMES = [
  'tag',
  'case',
  'type',
  'has',
  'after',
  'before',
  'taken',
  'imported',
  'modified',
  'near',
  'camera',
  'place',
  'name',
  'sha256',
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

/** Other spellings people reach for. */
const FIELD_ALIASES: Readonly<Record<string, FieldName>> = { kind: 'type', hash: 'sha256', tags: 'tag', is: 'type' };

export type Token =
  | { readonly type: 'word'; readonly text: string; readonly at: number }
  | { readonly type: 'phrase'; readonly text: string; readonly at: number }
  | { readonly type: 'field'; readonly name: FieldName; readonly value: string; readonly quoted: boolean; readonly at: number }
  | { readonly type: 'open' | 'close' | 'minus' | 'or' | 'and' | 'not'; readonly at: number };

export interface Tokens {
  readonly tokens: readonly Token[];
  readonly notes: readonly string[];
}

/** Straight and typographic quotes alike open or close a phrase: people paste «…» and “…”. */
const QUOTES = new Set(['"', '“', '”', '„', '«', '»']);
const isSpace = (c: string): boolean => /\s/u.test(c);
const endsWord = (c: string): boolean => isSpace(c) || c === '(' || c === ')' || QUOTES.has(c);

function fieldName(word: string): FieldName | null {
  const name = word.toLowerCase();
  if ((FIELD_NAMES as readonly string[]).includes(name)) return name as FieldName;
  return FIELD_ALIASES[name] ?? null;
}

export function tokenize(input: string): Tokens {
  const chars = [...input];
  const tokens: Token[] = [];
  const notes: string[] = [];
  let i = 0;

  /** Reads a quoted run starting at the opening quote; returns its text. */
  const readQuoted = (): string => {
    const open = i;
    i += 1;
    let text = '';
    while (i < chars.length && !QUOTES.has(chars[i] ?? '')) text += chars[i++];
    if (i < chars.length) i += 1;
    else notes.push(`The quote at character ${open + 1} is not closed: the rest of the query was read as one phrase.`);
    return text;
  };

  while (i < chars.length) {
    const c = chars[i] ?? '';
    if (isSpace(c)) {
      i += 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'open' : 'close', at: i });
      i += 1;
    } else if (QUOTES.has(c)) {
      const at = i;
      tokens.push({ type: 'phrase', text: readQuoted(), at });
    } else if (c === '-' && i + 1 < chars.length && !isSpace(chars[i + 1] ?? ' ')) {
      tokens.push({ type: 'minus', at: i });
      i += 1;
    } else {
      const at = i;
      let word = '';
      while (i < chars.length && !endsWord(chars[i] ?? ' ')) word += chars[i++];
      tokens.push(wordToken(word, at, () => (i < chars.length && QUOTES.has(chars[i] ?? '') ? readQuoted() : null)));
    }
  }
  return { tokens, notes };
}

/** A word, a keyword, or a field operator (whose quoted value, if any, follows right after the colon). */
function wordToken(word: string, at: number, quotedValue: () => string | null): Token {
  if (word === 'OR' || word === '|' || word === '||') return { type: 'or', at };
  if (word === 'AND' || word === '&&') return { type: 'and', at };
  if (word === 'NOT') return { type: 'not', at };
  const colon = word.indexOf(':');
  const name = colon > 0 ? fieldName(word.slice(0, colon)) : null;
  if (name === null) return { type: 'word', text: word, at };
  const value = word.slice(colon + 1);
  if (value === '') {
    const quoted = quotedValue();
    if (quoted !== null) return { type: 'field', name, value: quoted, quoted: true, at };
  }
  return { type: 'field', name, value, quoted: false, at };
}
