/**
 * What one round of "Get timestamps now" did, per server, for the report: how many seals
 * it stamped and, when it gave none for some, the first reason (a server unreachable once
 * is not asked again in that round, so its reason is the same for every seal).
 */
import type { ErrorCode } from '../../../../shared/errors';
import type { StampResult } from '../../../../shared/timestamp';

export interface ServerOutcome {
  readonly tsa: string;
  readonly stamped: number;
  readonly failed: number;
  /** Why it gave no timestamp, when it failed for at least one seal. */
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
}

export function summariseByServer(result: StampResult): ServerOutcome[] {
  return result.tsas.map((tsa) => {
    const mine = result.outcomes.filter((o) => o.tsa === tsa);
    const failures = mine.filter((o) => !o.ok);
    const first = failures[0]?.error;
    return {
      tsa,
      stamped: mine.length - failures.length,
      failed: failures.length,
      error: failures.length === 0 ? null : { code: first?.code ?? 'INTERNAL', message: first?.message ?? '' },
    };
  });
}
