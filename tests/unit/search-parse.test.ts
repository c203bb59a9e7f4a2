// The query language as people type it: what each operator means, how AND, OR, NOT and
// parentheses combine, what the parser does with broken input, and the query it prints
// back as understood.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/main/engine/search/parse';
import { parsePeriod } from '../../src/main/engine/search/dates';
import { understoodQuery } from '../../src/main/engine/search/understood';

const understood = (query: string): string => understoodQuery(parseQuery(query).root);
const notes = (query: string): string => parseQuery(query).notes.join(' ');

describe('terms and operators', () => {
  it('reads words as prefixes and quoted text as exact phrases', () => {
    expect(parseQuery('petro').root).toEqual({ kind: 'text', field: 'any', text: 'petro', phrase: false });
    expect(parseQuery('"polling station 660"').root).toEqual({ kind: 'text', field: 'any', text: 'polling station 660', phrase: true });
    expect(understood('petro "polling station"')).toBe('petro* AND "polling station"');
  });

  it('accepts typographic quotes as people paste them («…», “…”)', () => {
    expect(understood('«избирательный участок» “polling station”')).toBe('"избирательный участок" AND "polling station"');
  });

  it('reads every operator, with quoted values and case-insensitive names', () => {
    expect(parseQuery('TAG:"ballot stuffing"').root).toEqual({ kind: 'tag', name: 'ballot stuffing', prefix: false });
    expect(parseQuery('tag:ball*').root).toEqual({ kind: 'tag', name: 'ball', prefix: true });
    expect(parseQuery('case:"Almaty kettling 2021-01-10"').root).toEqual({ kind: 'case', name: 'Almaty kettling 2021-01-10', prefix: false });
    expect(parseQuery('type:videos').root).toEqual({ kind: 'type', value: 'video' });
    expect(parseQuery('kind:photo').root).toEqual({ kind: 'type', value: 'photo' });
    expect(parseQuery('has:location').root).toEqual({ kind: 'has', what: 'gps' });
    expect(parseQuery('near:54.87,69.15,2km').root).toEqual({ kind: 'near', lat: 54.87, lon: 69.15, km: 2 });
    expect(parseQuery('near:54.87,69.15,500m').root).toEqual({ kind: 'near', lat: 54.87, lon: 69.15, km: 0.5 });
    expect(parseQuery('hash:ABCDEF').root).toEqual({ kind: 'sha256', prefix: 'abcdef' });
    expect(parseQuery('camera:"EOS 7D"').root).toEqual({ kind: 'text', field: 'camera', text: 'EOS 7D', phrase: true });
    expect(parseQuery('tag:*').root).toEqual({ kind: 'has', what: 'tags' });
  });

  it('reads an unknown name:value as a plain word (a time, a URL)', () => {
    expect(parseQuery('10:30').root).toEqual({ kind: 'text', field: 'any', text: '10:30', phrase: false });
    expect(understood('https://example.org/x')).toBe('https://example.org/x*');
  });
});

describe('dates', () => {
  it('names a whole year, month or day; before: includes the day it names', () => {
    expect(parseQuery('after:2021').root).toMatchObject({ bounds: { from: '2021-01-01', to: null } });
    expect(parseQuery('before:2021-01').root).toMatchObject({ bounds: { from: null, to: '2021-02-01' } });
    expect(parseQuery('before:2021-12-31').root).toMatchObject({ bounds: { from: null, to: '2022-01-01' } });
    expect(parseQuery('taken:2021-01-10').root).toMatchObject({ field: 'captured', bounds: { from: '2021-01-10', to: '2021-01-11' } });
    expect(parseQuery('imported:2024-02..2024-03').root).toMatchObject({ field: 'imported', bounds: { from: '2024-02-01', to: '2024-04-01' } });
    expect(parseQuery('taken:..2020').root).toMatchObject({ bounds: { from: null, to: '2021-01-01' } });
  });

  it('knows leap years and refuses days that do not exist', () => {
    expect(parsePeriod('2024-02-29')).toEqual({ start: '2024-02-29', next: '2024-03-01' });
    expect(parsePeriod('2023-02-29')).toBeNull();
    expect(parsePeriod('2021-13')).toBeNull();
    expect(parsePeriod('21-01-10')).toBeNull();
    expect(parsePeriod('2021-1-5')).toEqual({ start: '2021-01-05', next: '2021-01-06' });
  });

  it('names the operator and the value it cannot read', () => {
    expect(() => parseQuery('after:10.01.2021')).toThrow(expect.objectContaining({ code: 'QUERY_INVALID', message: expect.stringContaining('"10.01.2021"') }));
    expect(() => parseQuery('imported:2021-01-32')).toThrow(expect.objectContaining({ code: 'QUERY_INVALID', message: expect.stringMatching(/^imported:/) }));
  });
});

describe('AND, OR, NOT and parentheses', () => {
  it('implies AND, binds OR tighter, and groups with parentheses', () => {
    expect(understood('station 660 OR 661')).toBe('station* AND (660* OR 661*)');
    expect(understood('(a b) OR c')).toBe('(a* AND b*) OR c*');
    expect(understood('a AND b')).toBe('a* AND b*');
    expect(understood('a | b')).toBe('a* OR b*');
  });

  it('negates with - and NOT, and a double negation cancels', () => {
    expect(understood('-tag:police')).toBe('-tag:police');
    expect(understood('NOT (a OR b)')).toBe('-(a* OR b*)');
    expect(understood('--petro')).toBe('petro*');
    expect(understood('ballot-stuffing')).toBe('ballot-stuffing*');
    expect(understood('a - b')).toBe('a* AND b*');
  });

  it('keeps lower-case or/and/not as words', () => {
    expect(understood('black or white')).toBe('black* AND or* AND white*');
  });
});

describe('broken input is read generously and the reading is reported', () => {
  it('runs an unclosed quote to the end of the query', () => {
    expect(understood('tag:police "ballot stuffing at')).toBe('tag:police AND "ballot stuffing at"');
    expect(notes('"ballot')).toMatch(/quote at character 1 is not closed/);
  });

  it('closes an unclosed "(" at the end and skips a stray ")"', () => {
    expect(understood('(a OR b')).toBe('a* OR b*');
    expect(notes('(a OR b')).toMatch(/"\(" at character 1 is not closed/);
    expect(understood('a) b')).toBe('a* AND b*');
    expect(notes('a) b')).toMatch(/"\)" at character 2 closes nothing/);
  });

  it('drops dangling OR, AND, NOT and terms with nothing searchable, saying which', () => {
    expect(understood('OR a OR')).toBe('a*');
    expect(understood('a NOT')).toBe('a*');
    expect(notes('a NOT')).toMatch(/NOT at character 3 has nothing after it/);
    expect(parseQuery('!!! *** ...').root).toBeNull();
    expect(notes('!!!')).toMatch(/"!!!" has no letters or digits/);
    expect(parseQuery('tag:').root).toBeNull();
    expect(notes('tag:')).toMatch(/tag: at character 1 has no value/);
  });

  it('strips punctuation around words but keeps it inside them', () => {
    expect(understood("'; DROP TABLE items; --")).toBe('DROP* AND TABLE* AND items*');
    expect(understood('IMG_0001.JPG,')).toBe('IMG_0001.JPG*');
  });

  it('bounds the work a pasted novel can cause: length, terms, nesting and notes', () => {
    const long = parseQuery('word '.repeat(3000));
    expect(long.notes).toContain('The query is longer than 2000 characters: only the first 2000 were read.');
    expect(long.notes.join(' ')).toMatch(/Only the first 64 terms/);
    const deep = parseQuery(`${'('.repeat(900)}a${')'.repeat(900)}`);
    expect(understoodQuery(deep.root)).toBe('a*');
    expect(deep.notes.join(' ')).toMatch(/nested deeper than 16 levels/);
    const noisy = parseQuery(')'.repeat(500));
    expect(noisy.notes).toHaveLength(11);
    expect(noisy.notes.at(-1)).toMatch(/and 490 more notes/);
  });

  it('round-trips: the query as understood, typed again, is understood the same way', () => {
    for (const query of ['petro "polling station" -tag:police', 'a b OR c (d OR -e)', 'near:1,2,3 after:2020 camera:"EOS 7D" tag:ball*', 'NOT (a OR b) c']) {
      const once = understood(query);
      expect(understood(once), query).toBe(once);
    }
  });
});
