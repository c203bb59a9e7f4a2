// The report's problems summarised (the first 50 of each code, all counted), and the list
// that holds a hostile bundle's problems: past the first 50 of a code, a problem of no
// exhibit loses its sentence (never shown) but keeps its code and place, so verdicts are
// still judged on every problem; an exhibit's problem keeps its sentence.
import { describe, expect, it } from 'vitest';
import { BoundedProblems, PROBLEMS_SHOWN_PER_CODE, summariseProblems } from '../../src/main/engine/bundle/verify/problem-summary';
import type { VerifyProblem } from '../../src/shared/bundle';

const stray = (i: number): VerifyProblem => ({ code: 'PAYLOAD_UNLISTED', message: `"data/x${i}" is in the payload but not in manifest-sha256.txt.`, path: `data/x${i}` });
const changed = (i: number): VerifyProblem => ({ code: 'PAYLOAD_HASH_MISMATCH', message: `E${i} changed.`, path: `data/E${i}_a.jpg`, exhibit: `E${String(i).padStart(4, '0')}` });

describe('problems of a hostile bundle', () => {
  it('keep the sentences the report shows, and every code and place', () => {
    const list = new BoundedProblems();
    for (let i = 0; i < 1000; i++) list.push(stray(i), changed(i));
    expect(list).toHaveLength(2000);
    const strays = list.filter((p) => p.code === 'PAYLOAD_UNLISTED');
    expect(strays.slice(0, PROBLEMS_SHOWN_PER_CODE).every((p) => p.message !== '')).toBe(true);
    expect(strays.slice(PROBLEMS_SHOWN_PER_CODE).every((p) => p.message === '' && p.path !== undefined)).toBe(true);
    expect(list.filter((p) => p.code === 'PAYLOAD_HASH_MISMATCH').every((p) => p.message !== '')).toBe(true);
    const summary = summariseProblems(list);
    expect(summary.problemCounts).toEqual({ PAYLOAD_UNLISTED: 1000, PAYLOAD_HASH_MISMATCH: 1000 });
    expect(summary.problems.every((p) => p.message !== '')).toBe(true);
    // filter and map give plain arrays: only pushes into the list itself are bounded.
    expect(Array.isArray(strays) && !(strays instanceof BoundedProblems)).toBe(true);
  });

  it('copies a listing’s problems with the same bound', () => {
    const copy = BoundedProblems.copyOf(Array.from({ length: 60 }, (_, i) => stray(i)));
    expect(copy.filter((p) => p.message === '')).toHaveLength(60 - PROBLEMS_SHOWN_PER_CODE);
  });
});
