/**
 * Dates in queries: YYYY, YYYY-MM or YYYY-MM-DD, each naming a whole period (a year, a
 * month, a day). Both ends of a range are inclusive, the way people say them:
 * `after:2021-01-10` includes the 10th, `before:2021-01-10` includes the 10th too, so
 * `after:2021-01-10 before:2021-01-10` is that day and `taken:2021-01` is all of January.
 * Internally a range is [start of the first period, start of the period after the last),
 * compared as strings with the stored ISO 8601 times, which sort like the instants.
 *
 * Which stored time is compared is the compiler's business (compile.ts): for capture,
 * the UTC instant when known, else the camera's clock time; for `modified:`, the file
 * system's modification time of the first copy imported (a file time, never a capture time).
 */
import { TamgaError } from '../../../shared/errors';
import type { DateBounds } from './ast';

interface Period {
  /** The period's first day, YYYY-MM-DD. */
  readonly start: string;
  /** The first day after the period, YYYY-MM-DD (or a sentinel above every date after 9999). */
  readonly next: string;
}

const PATTERN = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
/** Sorts after every date Tamga can store. */
const AFTER_ALL = '9999-99';

function day(y: number, m: number, d: number): string {
  if (y > 9999) return AFTER_ALL;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Null when the text is not a date in one of the three forms, or not a real day. */
export function parsePeriod(text: string): Period | null {
  const match = PATTERN.exec(text.trim());
  if (match === null) return null;
  const y = Number(match[1]);
  const m = match[2] === undefined ? null : Number(match[2]);
  const d = match[3] === undefined ? null : Number(match[3]);
  if (y < 1) return null;
  if (m === null) return { start: day(y, 1, 1), next: day(y + 1, 1, 1) };
  if (m < 1 || m > 12) return null;
  if (d === null) return { start: day(y, m, 1), next: m === 12 ? day(y + 1, 1, 1) : day(y, m + 1, 1) };
  // Date.UTC rolls 31 February over into March: a real day survives the round trip.
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCFullYear(y);
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  date.setUTCDate(d + 1);
  return { start: day(y, m, d), next: day(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) };
}

function period(operator: string, text: string): Period {
  const p = parsePeriod(text);
  if (p === null) {
    throw new TamgaError(
      'QUERY_INVALID',
      `${operator}: needs a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2021-01-10); "${text}" is not one.`,
      { operator, value: text },
    );
  }
  return p;
}

export function afterBounds(text: string): DateBounds {
  return { from: period('after', text).start, to: null };
}

export function beforeBounds(text: string): DateBounds {
  return { from: null, to: period('before', text).next };
}

/** `D` (that period) or `A..B`, either end optional (`2021..`, `..2021-06`). */
export function rangeBounds(operator: 'taken' | 'imported' | 'modified', text: string): DateBounds {
  const dots = text.indexOf('..');
  if (dots < 0) {
    const p = period(operator, text);
    return { from: p.start, to: p.next };
  }
  const first = text.slice(0, dots).trim();
  const last = text.slice(dots + 2).trim();
  if (first === '' && last === '') {
    throw new TamgaError('QUERY_INVALID', `${operator}: needs at least one date around "..", e.g. ${operator}:2021-01-01..2021-01-31.`, { operator, value: text });
  }
  return { from: first === '' ? null : period(operator, first).start, to: last === '' ? null : period(operator, last).next };
}
