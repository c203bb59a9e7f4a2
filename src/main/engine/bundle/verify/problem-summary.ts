/**
 * The report's problems, summarised: a hostile bundle of 200 000 stray files has 200 000
 * problems of one kind, and a report that lists them all is megabytes nobody reads (and
 * that hides the one problem of another kind). So the report keeps the first
 * PROBLEMS_SHOWN_PER_CODE problems of each code, in the order found, and counts them all
 * in `problemCounts`. Verdicts are judged on every problem, before this.
 */
import type { VerifyProblem, VerifyProblemCode } from '../../../../shared/bundle';

export const PROBLEMS_SHOWN_PER_CODE = 50;

export function summariseProblems(problems: readonly VerifyProblem[]): { problems: VerifyProblem[]; problemCounts: Partial<Record<VerifyProblemCode, number>> } {
  const counts = new Map<VerifyProblemCode, number>();
  const shown: VerifyProblem[] = [];
  for (const p of problems) {
    const count = (counts.get(p.code) ?? 0) + 1;
    counts.set(p.code, count);
    if (count <= PROBLEMS_SHOWN_PER_CODE) shown.push(p);
  }
  return { problems: shown, problemCounts: Object.fromEntries(counts) };
}

/** All problems together, from the counts (the report's `problems` may show fewer). */
export function problemTotal(problemCounts: Partial<Record<VerifyProblemCode, number>>): number {
  return Object.values(problemCounts).reduce((sum, n) => sum + (n ?? 0), 0);
}
