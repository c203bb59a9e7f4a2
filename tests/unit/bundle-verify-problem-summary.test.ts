// The report's problems summarised (the first 50 of each code, all counted), and the list
// that holds a hostile bundle's problems: past the first 50 of a code, a problem is only
// counted, unless it can change an exhibit's verdict (it names an exhibit, or breaks trust
// in all of them), which is kept whole; the bundle's verdict is judged on the counts.
import { describe, expect, it } from 'vitest';
import { BoundedProblems, PROBLEMS_SHOWN_PER_CODE, summariseProblems } from '../../src/main/engine/bundle/verify/problem-summary';
import type { VerifyProblem } from '../../src/shared/bundle';

const stray = (i: number): VerifyProblem => ({ code: 'PAYLOAD_UNLISTED', message: `"data/x${i}" is in the payload but not in manifest-sha256.txt.`, path: `data/x${i}` });
const changed = (i: number): VerifyProblem => ({ code: 'PAYLOAD_HASH_MISMATCH', message: `E${i} changed.`, path: `data/E${i}_a.jpg`, exhibit: `E${String(i).padStart(4, '0')}` });
const unsealed = (i: number): VerifyProblem => ({ code: 'SEAL_INVALID', message: `seal ${i}` });

describe('problems of a hostile bundle', () => {
  it('keep the first of each code and every problem of an exhibit, and count them all', () => {
    const list = new BoundedProblems();
    for (let i = 0; i < 1000; i++) list.push(stray(i), changed(i));
    expect(list).toHaveLength(PROBLEMS_SHOWN_PER_CODE + 1000);
    const strays = list.filter((p) => p.code === 'PAYLOAD_UNLISTED');
    expect(strays.map((p) => p.path)).toEqual(Array.from({ length: PROBLEMS_SHOWN_PER_CODE }, (_, i) => `data/x${i}`));
    expect(list.filter((p) => p.code === 'PAYLOAD_HASH_MISMATCH')).toHaveLength(1000);
    expect(list.total).toBe(2000);
    const summary = list.summary();
    expect(summary.problemCounts).toEqual({ PAYLOAD_UNLISTED: 1000, PAYLOAD_HASH_MISMATCH: 1000 });
    expect(summary.problems).toHaveLength(2 * PROBLEMS_SHOWN_PER_CODE);
    // filter and map give plain arrays: only pushes into the list itself are bounded.
    expect(Array.isArray(strays) && !(strays instanceof BoundedProblems)).toBe(true);
  });

  it('keep every problem that breaks trust in all exhibits', () => {
    const list = new BoundedProblems();
    for (let i = 0; i < 60; i++) list.push(unsealed(i));
    expect(list).toHaveLength(60);
    expect(list.summary().problems).toHaveLength(PROBLEMS_SHOWN_PER_CODE);
  });

  it('copy a plain list with the same bound, and a bounded one with its counts', () => {
    const copy = BoundedProblems.copyOf(Array.from({ length: 60 }, (_, i) => stray(i)));
    expect(copy).toHaveLength(PROBLEMS_SHOWN_PER_CODE);
    expect(copy.total).toBe(60);
    const again = BoundedProblems.copyOf(copy);
    again.push(stray(60));
    expect(again).toHaveLength(PROBLEMS_SHOWN_PER_CODE);
    expect(again.counts.get('PAYLOAD_UNLISTED')).toBe(61);
    expect(summariseProblems(copy).problemCounts).toEqual({ PAYLOAD_UNLISTED: 60 });
  });
});
