/**
 * Trusted time for sealed bundles, as the window sees it (docs/formats.md, "Timestamps"):
 * the timestamp servers (RFC 3161 TSAs) the vault keeps, how many seals still wait for a
 * timestamp, and what asking them did. Plain data and pure checks only: the window
 * validates addresses with these before it sends them, and the engine checks them again.
 */
import type { TamgaErrorData } from './errors';

export interface TimestampStatus {
  /** The saved servers, in order (none by default). */
  readonly servers: readonly string[];
  /** Seals the vault keeps (one per bundle exported since schema 11). */
  readonly seals: number;
  /**
   * Seals that asking the saved servers would stamp: those that at least one saved server
   * has not stamped yet. With no server saved: the seals with no timestamp at all.
   */
  readonly waiting: number;
}

/** One seal and one server: stamped, or why not (nothing is recorded then). */
export interface StampOutcome {
  readonly bundleId: string;
  readonly tsa: string;
  readonly ok: boolean;
  /** The token's time, ISO 8601 UTC, when ok. */
  readonly genTime?: string;
  readonly tsaName?: string | null;
  readonly tokenSha256?: string;
  readonly error?: TamgaErrorData;
}

/** What one round of asking did; the same shape as the engine's stampSeals answer. */
export interface StampResult {
  /** The servers asked, in order. */
  readonly tsas: readonly string[];
  /** Seals known to the vault, and how many have at least one token now. */
  readonly seals: number;
  readonly stamped: number;
  /** One per seal and server asked (a server unreachable once is reported for every later seal without being asked again). */
  readonly outcomes: readonly StampOutcome[];
}

/** More would only make each round slower: two, of different operators, are the advice. */
export const MAX_TIMESTAMP_SERVERS = 10;
export const MAX_TIMESTAMP_URL_LENGTH = 2048;

export type TimestampUrlProblem = 'empty' | 'tooLong' | 'notUrl' | 'scheme' | 'duplicate' | 'tooMany';

const URL_PROBLEMS: Record<TimestampUrlProblem, string> = {
  empty: 'A timestamp server needs an address.',
  tooLong: `A timestamp server address is at most ${MAX_TIMESTAMP_URL_LENGTH} characters.`,
  notUrl: 'This is not a web address; a timestamp server address looks like http://timestamp.example.org/tsr.',
  scheme: 'A timestamp server address starts with http:// or https://.',
  duplicate: 'This timestamp server is in the list already.',
  tooMany: `At most ${MAX_TIMESTAMP_SERVERS} timestamp servers can be saved.`,
};

/**
 * The address as it is kept (trimmed, otherwise exactly as typed: tokens are recorded under
 * the address they were asked at, so a rewritten one would no longer match them), or why
 * it cannot be one.
 */
export function checkTimestampUrl(input: string): { readonly url: string } | { readonly reason: TimestampUrlProblem; readonly problem: string } {
  const url = input.trim();
  const fail = (reason: TimestampUrlProblem) => ({ reason, problem: URL_PROBLEMS[reason] });
  if (url === '') return fail('empty');
  if (url.length > MAX_TIMESTAMP_URL_LENGTH) return fail('tooLong');
  // Whitespace or controls inside would be quietly encoded away by the URL parser.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\s\u0000-\u001f\u007f]/.test(url)) return fail('notUrl');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('notUrl');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail('scheme');
  if (parsed.hostname === '') return fail('notUrl');
  return { url };
}

/** The whole list as it is kept, or the first address that cannot be in it (with its index). */
export function checkTimestampServers(
  inputs: readonly string[],
): { readonly urls: string[] } | { readonly index: number; readonly reason: TimestampUrlProblem; readonly problem: string } {
  if (inputs.length > MAX_TIMESTAMP_SERVERS) return { index: MAX_TIMESTAMP_SERVERS, reason: 'tooMany', problem: URL_PROBLEMS.tooMany };
  const urls: string[] = [];
  for (const [index, input] of inputs.entries()) {
    const checked = checkTimestampUrl(input);
    if ('reason' in checked) return { index, ...checked };
    if (urls.includes(checked.url)) return { index, reason: 'duplicate', problem: URL_PROBLEMS.duplicate };
    urls.push(checked.url);
  }
  return { urls };
}
