// No query, however hostile, reaches SQLite as SQL or as FTS5 syntax: every value is a
// bound parameter, every text term one escaped FTS5 string, and thousands of random
// queries made of the characters that break parsers give results or a clear message.
import { describe, expect, it } from 'vitest';
import { compileQuery, type Vocabulary } from '../../src/main/engine/search/compile';
import { ftsTerm } from '../../src/main/engine/search/fts';
import { parseQuery } from '../../src/main/engine/search/parse';
import { searchItems } from '../../src/main/engine/search/run-search';
import { TamgaError } from '../../src/shared/errors';
import { addItem, memoryIndex } from '../helpers/search-db';

const vocabulary: Vocabulary = { tags: () => ['police', "O'Brien; DROP TABLE tags"], cases: () => [{ id: 'c1', name: 'Case; DROP TABLE cases' }] };

describe('what reaches SQLite', () => {
  it('binds every value a user typed as a parameter, never as SQL text', () => {
    const marker = "x'); DROP TABLE items; --";
    for (const query of [`"${marker}"`, `camera:"${marker}"`, `place:"${marker}" OR "${marker}" OR tag:police`, `-"${marker}" after:2021`]) {
      const compiled = compileQuery(parseQuery(query).root, vocabulary);
      expect(compiled.where.text, query).not.toMatch(/DROP|'/);
      expect(`${compiled.where.params.join(' ')} ${compiled.match ?? ''}`, query).toContain('DROP');
    }
    const named = compileQuery(parseQuery(`tag:"o'brien; drop table tags" OR case:"case; drop table cases"`).root, vocabulary);
    expect(named.where.text).not.toMatch(/DROP|brien|'/i);
    expect(named.where.params).toEqual(["O'Brien; DROP TABLE tags", 'c1']);
  });

  it('turns each text term into one quoted FTS5 string with its quotes doubled', () => {
    expect(ftsTerm({ kind: 'text', field: 'any', text: 'say "hi"', phrase: true })).toBe('"say ""hi"""');
    expect(ftsTerm({ kind: 'text', field: 'camera', text: 'eos', phrase: false })).toBe('camera : "eos"*');
    expect(compileQuery(parseQuery('NEAR(a b) AND title:c ^d {notes}:e').root, vocabulary).match).toBe(
      '("NEAR"* AND "a"* AND "b"* AND "title:c"* AND "d"* AND "notes}:e"*)',
    );
  });

  it('treats FTS5 operators typed by a user as words to look for', () => {
    const db = memoryIndex();
    const near = addItem(db, { description: 'the NEAR clause and OR NOT words' });
    addItem(db, { description: 'a b c' });
    expect(searchItems(db, { query: 'NEAR(a b)' }).items).toEqual([]);
    expect(searchItems(db, { query: '"NEAR clause"' }).items.map((i) => i.id)).toEqual([near]);
    expect(searchItems(db, { query: 'description:a' }).total).toBe(0);
  });
});

/** A seeded generator, so that a failure names a query that fails again. */
function randomQueries(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const pieces = ['"', "'", '(', ')', '-', '*', ':', ';', '\\', '%', '_', '^', '{', '}', ' ', ' ', ' ', 'OR', 'AND', 'NOT', 'NEAR(', 'tag:', 'case:', 'type:', 'after:', 'near:', 'sha256:', 'has:', 'camera:', 'a', 'é', 'ё', 'Қ', '日本', '\u0000', '\u202e', '🙂', '1', '2021', '-01', '..', ',', '«', '»', 'x'];
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

describe('any input at all', () => {
  it('gives results or a QUERY_INVALID naming an operator, for 3 000 random hostile queries', () => {
    const db = memoryIndex();
    for (let i = 0; i < 20; i++) addItem(db, { description: `item ${i} é ё Қ 日本 🙂`, tags: i % 2 ? ['police'] : ['x'], gps: [i, i] });
    let answered = 0;
    for (const query of randomQueries(3000, 42)) {
      try {
        const result = searchItems(db, { query, limit: 5 });
        expect(result.total).toBeLessThanOrEqual(20);
        answered += 1;
      } catch (err) {
        expect(err, query).toBeInstanceOf(TamgaError);
        expect((err as TamgaError).code, query).toBe('QUERY_INVALID');
        expect((err as TamgaError).message, query).toMatch(/^(after|before|taken|imported|near|type|has|sha256):/);
      }
    }
    expect(answered).toBeGreaterThan(1500);
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBe(20);
  });
});
