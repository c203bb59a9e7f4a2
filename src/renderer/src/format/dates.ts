/**
 * Dates as people read them, in the window's language, never invented: a capture time is
 * the camera's wall-clock time with its UTC offset when the file states one, "time zone
 * unknown" when it does not, and a UTC instant (as UTC) when that is all the file holds.
 * Acts Tamga itself recorded (imports, custody events) are instants, shown in this
 * computer's time zone with its offset. Pure: the words come from the caller's `t`.
 */
import { dateFormat } from './intl-cache';

export interface ZoneWords {
  /** "time zone unknown" */
  readonly zoneUnknown: string;
}

const WALL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** "UTC+06:00", "UTC−03:30", "UTC" for 0. */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A wall-clock time as recorded (no zone), e.g. "10 Jan 2021, 08:14:00"; null when malformed. */
export function formatWallClock(local: string, locale: string): string | null {
  if (!WALL.test(local)) return null;
  const date = new Date(`${local}Z`);
  if (Number.isNaN(date.getTime())) return null;
  // Formatted in UTC so that this computer's own zone never shifts the camera's clock.
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant in this computer's zone with the offset, e.g. "10 Jan 2021, 14:14:00 GMT+6". */
export function formatInstant(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // dateStyle and timeStyle cannot be combined with timeZoneName: the fields are spelled out.
  return dateFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'shortOffset' }).format(date);
}

/** An instant in UTC, e.g. "10 Jan 2021, 02:14:00 UTC": for times whose local zone nobody knows. */
export function formatUtc(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(date)} UTC`;
}

/** The day of an instant in this computer's zone, e.g. "3 Dec 2026" (a file time, never a capture time). */
export function formatLocalDay(iso: string, locale: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormat(locale, { dateStyle: 'medium' }).format(date);
}

/** A short date for grid captions, e.g. "10 Jan 2021". */
export function formatShortDate(localOrIso: string, locale: string): string {
  const date = new Date(WALL.test(localOrIso) ? `${localOrIso}Z` : localOrIso);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export interface CaptureFields {
  readonly local: string | null;
  readonly utc: string | null;
  /** Minutes east of UTC when the file states it. */
  readonly offsetMinutes: number | null;
}

/** The offset implied by a wall-clock time and its UTC instant, when both are known. */
export function impliedOffset(local: string | null, utc: string | null): number | null {
  if (local === null || utc === null || !WALL.test(local)) return null;
  const minutes = Math.round((new Date(`${local}Z`).getTime() - new Date(utc).getTime()) / 60_000);
  return Number.isFinite(minutes) ? minutes : null;
}

/** The capture time as one line: wall clock + offset, wall clock + "time zone unknown", or UTC. */
export function formatCapture(capture: CaptureFields, locale: string, words: ZoneWords): string | null {
  if (capture.local !== null) {
    const wall = formatWallClock(capture.local, locale);
    if (wall !== null) return `${wall} ${capture.offsetMinutes === null ? `(${words.zoneUnknown})` : formatOffset(capture.offsetMinutes)}`;
  }
  if (capture.utc !== null) return formatUtc(capture.utc, locale);
  return null;
}

/**
 * An act Tamga recorded, as a court reads it: the date and time where the reader is (or in
 * `timeZone`) followed by that zone's offset at that instant, e.g. "10 Jan 2021, 14:02 +06:00".
 * The offset is written as digits in every language, so it can never be misread.
 */
export function formatEventTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = timeZone === undefined ? {} : { timeZone };
  const text = dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...zone }).format(date);
  const offsetPart = dateFormat('en-US', { timeZoneName: 'longOffset', ...zone }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
  // "GMT+06:00" → "+06:00"; plain "GMT" is UTC itself.
  const offset = offsetPart === 'GMT' ? '+00:00' : offsetPart.replace(/^GMT/, '').replace('−', '-');
  return `${text} ${offset}`;
}
