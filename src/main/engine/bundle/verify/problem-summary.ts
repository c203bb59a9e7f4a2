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

/**
 * A problem list that holds a hostile bundle's 400 000 problems in little memory: past the
 * first PROBLEMS_SHOWN_PER_CODE of a code, a problem that concerns no exhibit is kept
 * without its sentence (which the report would not show: summariseProblems keeps the same
 * first ones). Its code and place stay, so every verdict is still judged on every problem;
 * a problem of an exhibit keeps its sentence, which may become that exhibit's summary.
 * Pushing in the order the report lists is what keeps the two "first"s the same.
 */
export class BoundedProblems extends Array<VerifyProblem> {
  private readonly counts = new Map<VerifyProblemCode, number>();

  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  static copyOf(problems: readonly VerifyProblem[]): BoundedProblems {
    const list = new BoundedProblems();
    for (const p of problems) list.push(p);
    return list;
  }

  override push(...items: VerifyProblem[]): number {
    for (const p of items) {
      const count = (this.counts.get(p.code) ?? 0) + 1;
      this.counts.set(p.code, count);
      super.push(count > PROBLEMS_SHOWN_PER_CODE && p.exhibit === undefined ? { ...p, message: '' } : p);
    }
    return this.length;
  }
}

/** All problems together, from the counts (the report's `problems` may show fewer). */
export function problemTotal(problemCounts: Partial<Record<VerifyProblemCode, number>>): number {
  return Object.values(problemCounts).reduce((sum, n) => sum + (n ?? 0), 0);
}
