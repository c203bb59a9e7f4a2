// `tamga show` says the window's custody sentences in the CLI's own English table: every
// key the shared sentence builder asks for is in it, and each says what the window's
// English says (only the quote marks and the size, written for a terminal, differ).
import { describe, expect, it } from 'vitest';
import { CUSTODY_EVENT_VERSION, type CustodyEvent, type CustodyRecord } from '../../src/shared/custody';
import { SENTENCE_KINDS } from '../../src/shared/custody-sentence';
import { cliWords, custodyLines, localTimeText } from '../../src/cli/custody-text';
import { loadLocale } from '../helpers/locale-tables';

const TERMINAL_ONLY = new Set(['custody.sentence.quoted', 'custody.sentence.bytes']);

/** The window's English, by flattened key ("custody.sentence.tagged"). */
const en = loadLocale('en');

const SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';

function record(type: string, data: CustodyEvent['data'], seq = 1): CustodyRecord {
  return { signature: '', event: { v: CUSTODY_EVENT_VERSION, chain: '5f0e8a7c-1d2b-4c3a-9e8f-7a6b5c4d3e2f', seq, type, at: '2021-01-10T08:02:00.000Z', actor: 'Aigerim · tamga-cli 0.2.0', data, prev: SHA }, hash: SHA };
}

describe('the CLI custody words', () => {
  it('say what the window says in English, for every event kind', () => {
    for (const kind of SENTENCE_KINDS) {
      const key = `custody.sentence.${kind}`;
      const own = cliWords(key, { count: 2, path: 'p', tag: 't', case: 'c', exhibit: 'E1', recipient: 'r' });
      expect(own, key).not.toBe(key);
    }
    const checked = [...en.keys()].filter((key) => /^custody\.(sentence|fields|describedField)\./.test(key));
    expect(checked.length).toBeGreaterThan(40);
    for (const key of checked) {
      const theirs = en.get(key);
      if (TERMINAL_ONLY.has(key) || typeof theirs !== 'string') continue;
      const base = key.replace(/_(one|other)$/, '');
      const count = key.endsWith('_one') ? 1 : 2;
      const values = { count, version: '0.2.0', act: 'A', operator: 'O', tool: 'T', when: 'W', text: 'x', size: '1', bytes: '1', path: 'p', field: 'f', new: 'n', old: 'o', tag: 't', case: 'c', exhibit: 'E1', recipient: 'r', kind: 'k', name: 'n', seq: 1 };
      const said = cliWords(base, values);
      // Keys only the window shows (the raw record, Copy buttons, the footer) are not the CLI's.
      if (said === base) continue;
      expect(said, key).toBe(theirs.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String((values as Record<string, unknown>)[name] ?? '')));
    }
  });

  it('print each event as one sentence, a description with its old and new text, facts in full', () => {
    const lines = custodyLines([
      record('acquired', { sourcePath: '/card/DCIM/IMG_0001.JPG', sha256: SHA, size: 338025 }),
      record('described', { changes: { title: { old: 'A', new: 'B' }, notes: { old: '', new: 'seen' } } }, 2),
    ]);
    expect(lines[0]).toBe(`  #1 Imported from /card/DCIM/IMG_0001.JPG by Aigerim (Tamga 0.2.0, command line), ${localTimeText('2021-01-10T08:02:00.000Z')}`);
    expect(lines).toContain(`       SHA-256: ${SHA}`);
    expect(lines).toContain('       Size: 338025 bytes');
    expect(lines).toContain('  #2 Description changed (2 fields) by Aigerim (Tamga 0.2.0, command line), ' + localTimeText('2021-01-10T08:02:00.000Z'));
    expect(lines).toContain("       Title changed from 'A' to 'B'");
    expect(lines).toContain("       Notes set to 'seen'");
  });

  it('write a time in the given zone with its offset', () => {
    const text = localTimeText('2021-01-10T08:02:00.000Z');
    expect(text).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d$/);
    const offset = -new Date('2021-01-10T08:02:00.000Z').getTimezoneOffset();
    const wall = new Date(Date.parse('2021-01-10T08:02:00.000Z') + offset * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(text.startsWith(wall)).toBe(true);
  });
});
