/**
 * What one round of "Get timestamps now" did, per server, for the report: how many seals
 * it stamped, whether it stamped the custody log (and at what size), and, when it gave
 * none for some, the first reason (a server unreachable once is not asked again in that
 * round, so its reason is the same for every seal and for the log).
 */
import type { ErrorCode } from '../../../../shared/errors';
import type { StampResult } from '../../../../shared/timestamp';

export interface ServerOutcome {
  readonly tsa: string;
  readonly stamped: number;
  /** The log's size its token covers, when it stamped the custody log in this round. */
  readonly logStamped: number | null;
  readonly failed: number;
  /** Why it gave no timestamp, when it failed for at least one seal. */
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
}

export function summariseByServer(result: StampResult): ServerOutcome[] {
  return result.tsas.map((tsa) => {
    const mine = result.outcomes.filter((o) => o.tsa === tsa);
    const log = result.log.filter((o) => o.tsa === tsa);
    const failures = [...mine, ...log].filter((o) => !o.ok);
    const first = failures[0]?.error;
    return {
      tsa,
      stamped: mine.filter((o) => o.ok).length,
      logStamped: log.find((o) => o.ok)?.size ?? null,
      failed: failures.length,
      error: failures.length === 0 ? null : { code: first?.code ?? 'INTERNAL', message: first?.message ?? '' },
    };
  });
}
