/**
 * Making problems: every check reports through `problem()`, so each one carries a code
 * from src/shared/bundle.ts and a sentence, and names the file inside the bundle. A read
 * that fails mid-stream throws a ReadFailure holding the problem to report.
 */
import type { VerifyProblem, VerifyProblemCode } from '../../../../shared/bundle';

export interface ProblemPlace {
  readonly path?: string;
  readonly line?: number;
  readonly exhibit?: string;
}

export function problem(code: VerifyProblemCode, message: string, place: ProblemPlace = {}): VerifyProblem {
  return { code, message, ...place };
}

/**
 * A name as a sentence shows it: in double quotes, with control characters and other
 * invisible tricks escaped (a hostile name must not forge a line of the report).
 */
export function show(name: string): string {
  return JSON.stringify(name).replace(/[\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file could not be read to its end; the problem says why. */
export class ReadFailure extends Error {
  readonly problem: VerifyProblem;

  constructor(reported: VerifyProblem) {
    super(reported.message);
    this.name = 'ReadFailure';
    this.problem = reported;
  }
}

/** The time limit (or the caller) stopped the check. */
export class VerifyStopped extends Error {
  constructor(readonly reason: 'time-limit' | 'cancelled') {
    super(reason === 'time-limit' ? 'The time limit was reached.' : 'The check was cancelled.');
    this.name = 'VerifyStopped';
  }
}

/** Throws VerifyStopped when the signal fired: the time limit (a TimeoutError) or the caller. */
export function throwIfStopped(signal: AbortSignal): void {
  if (!signal.aborted) return;
  const reason: unknown = signal.reason;
  throw new VerifyStopped(reason instanceof Error && reason.name === 'TimeoutError' ? 'time-limit' : 'cancelled');
}
