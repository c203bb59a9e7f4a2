/**
 * The report's problems, summarised: a hostile bundle of 200 000 stray files has 200 000
 * problems of one kind, and a report that lists them all is megabytes nobody reads (and
 * that hides the one problem of another kind). So the report keeps the first
 * PROBLEMS_SHOWN_PER_CODE problems of each code, in the order found, and counts them all
 * in `problemCounts`. Verdicts are judged on every problem that can change one.
 */
import type { VerifyProblem, VerifyProblemCode } from '../../../../shared/bundle';
import { judgesAnExhibit } from './verdicts';

export const PROBLEMS_SHOWN_PER_CODE = 50;

export interface ProblemSummary {
  problems: VerifyProblem[];
  problemCounts: Partial<Record<VerifyProblemCode, number>>;
}

/**
 * A problem list that holds a hostile bundle's 400 000 problems in little memory: past the
 * first PROBLEMS_SHOWN_PER_CODE of a code, a problem is only counted, unless it can change
 * an exhibit's verdict (judgesAnExhibit: it names an exhibit, or breaks trust in all of
 * them), which is kept whole because its sentence may become that exhibit's summary. The
 * bundle's own verdict needs only the counts. Keeping 400 000 problems, even without their
 * sentences, took ~25 MB; counting them takes nothing.
 * Pushing in the order the report lists is what keeps the first ones shown the first found.
 */
export class BoundedProblems extends Array<VerifyProblem> {
  /** Every problem pushed, by code, whether kept or only counted. */
  readonly counts = new Map<VerifyProblemCode, number>();

  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** A bounded list of `problems`; of a bounded list, with its counts (what it only counted stays counted). */
  static copyOf(problems: readonly VerifyProblem[]): BoundedProblems {
    const list = new BoundedProblems();
    if (!(problems instanceof BoundedProblems)) {
      for (const p of problems) list.push(p);
      return list;
    }
    for (const p of problems) list.keep(p);
    for (const [code, n] of problems.counts) list.counts.set(code, n);
    return list;
  }

  private keep(p: VerifyProblem): void {
    super.push(p);
  }

  override push(...items: VerifyProblem[]): number {
    for (const p of items) {
      const count = (this.counts.get(p.code) ?? 0) + 1;
      this.counts.set(p.code, count);
      if (count <= PROBLEMS_SHOWN_PER_CODE || judgesAnExhibit(p)) this.keep(p);
    }
    return this.length;
  }

  /** How many problems were pushed, kept or not. */
  get total(): number {
    let sum = 0;
    for (const n of this.counts.values()) sum += n;
    return sum;
  }

  /** The report's part: the first PROBLEMS_SHOWN_PER_CODE of each code, and every code counted. */
  summary(): ProblemSummary {
    const shown = new Map<VerifyProblemCode, number>();
    const problems: VerifyProblem[] = [];
    for (const p of this) {
      const n = (shown.get(p.code) ?? 0) + 1;
      shown.set(p.code, n);
      if (n <= PROBLEMS_SHOWN_PER_CODE) problems.push(p);
    }
    return { problems, problemCounts: Object.fromEntries(this.counts) };
  }
}

/** A plain list summarised as a bounded one would be. */
export function summariseProblems(problems: readonly VerifyProblem[]): ProblemSummary {
  return BoundedProblems.copyOf(problems).summary();
}

/** All problems together, from the counts (the report's `problems` may show fewer). */
export function problemTotal(problemCounts: Partial<Record<VerifyProblemCode, number>>): number {
  return Object.values(problemCounts).reduce((sum, n) => sum + (n ?? 0), 0);
}
