// Every note the query parser writes (tamga search prints them; the window shows them over
// the results) is one of the window's templates (en.json searchNote.template), so a
// Russian or Kazakh search says it in its own words: each query below provokes one, and
// filled with the values found, the template gives back the very sentence.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/main/engine/search/parse';
import { matchTemplate } from '../../src/shared/sentence-template';
import { loadLocale } from '../helpers/locale-tables';

const PREFIX = 'searchNote.template.';
const templates = Object.fromEntries([...loadLocale('en')].filter(([key]) => key.startsWith(PREFIX)).map(([key, value]) => [key.slice(PREFIX.length), value]));

const QUERIES: ReadonlyArray<readonly [string, string]> = [
  ['a ) b', 'closeParenAlone'],
  ['a OR', 'orNothingAfter'],
  ['a NOT', 'notNothingAfter'],
  ['(a -)', 'minusNothingAfter'],
  ['(a b', 'openParenNotClosed'],
  ['OR a', 'nothingBefore'],
  ['a "b c', 'quoteNotClosed'],
  ['a !!! b', 'noLetters'],
  ['tag: a', 'noValue'],
  [`${'('.repeat(20)}a${')'.repeat(20)}`, 'nestedTooDeep'],
  [Array.from({ length: 70 }, (_, i) => `w${i}`).join(' '), 'firstTermsOnly'],
  [`${'a '.repeat(1100)}`, 'tooLong'],
];

describe('search note templates', () => {
  it.each(QUERIES)('%s: its note is template %s, value for value', (query, key) => {
    const notes = parseQuery(query).notes;
    const found = notes.map((note) => ({ note, matched: matchTemplate(note, templates) }));
    expect(found.map((f) => f.matched?.key)).toContain(key);
    for (const { note, matched } of found) {
      expect(matched, note).not.toBeNull();
      const filled = (templates[matched?.key ?? ''] ?? '').replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(matched?.values[name] ?? ''));
      expect(filled).toBe(note);
    }
  });

  it('cover the notes of the compiler and of the sort, as they are written', () => {
    for (const [sentence, key] of [
      ['No tag is named "ballot stuffing" in this vault.', 'noTagNamed'],
      ['No case starts with "2-12" in this vault.', 'noCaseStarts'],
      ['Sorted by capture time: relevance needs words to rank by, outside any OR with other filters.', 'sortedByCapture'],
    ] as const) {
      expect(matchTemplate(sentence, templates)?.key).toBe(key);
    }
  });
});
