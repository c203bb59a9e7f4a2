// The recovery forms' text handling (src/shared/recovery-text.ts):
// shares pasted one per line, the three positions typed back, and what counts as the word.
import { describe, expect, it } from 'vitest';
import { confirmPositions, inFolder, sameWord, sharesOf } from '../../src/shared/recovery-text';

describe('recovery form text', () => {
  it('takes each non-empty line as one share', () => {
    expect(sharesOf('  04106 0D1PB  \n\n04106-0N1PB\r\n')).toEqual(['04106 0D1PB', '04106-0N1PB']);
  });

  it('picks three distinct positions in 1..24, in order, whatever the random numbers', () => {
    const values = [0.5, 0.5, 0.99, 0, 0.5];
    expect(confirmPositions(24, () => values.shift() ?? 0)).toEqual([1, 13, 24]);
    for (let i = 0; i < 200; i++) {
      const picked = confirmPositions(24);
      expect(new Set(picked).size).toBe(3);
      expect(picked.every((p) => p >= 1 && p <= 24)).toBe(true);
      expect([...picked].sort((a, b) => a - b)).toEqual(picked);
    }
  });

  it('accepts the word or its first four letters or more, in any case, and nothing else', () => {
    expect(sameWord(' Abandon ', 'abandon')).toBe(true);
    expect(sameWord('aban', 'abandon')).toBe(true);
    expect(sameWord('aba', 'abandon')).toBe(false);
    expect(sameWord('abandonx', 'abandon')).toBe(false);
    expect(sameWord('ability', 'abandon')).toBe(false);
    expect(sameWord('', 'abandon')).toBe(false);
  });

  it('joins a folder and a name with the folder\'s separator', () => {
    expect(inFolder('/home/a', 'p.pdf')).toBe('/home/a/p.pdf');
    expect(inFolder('/home/a/', 'p.pdf')).toBe('/home/a/p.pdf');
    expect(inFolder('C:\\Users\\a', 'p.pdf')).toBe('C:\\Users\\a\\p.pdf');
  });
});
