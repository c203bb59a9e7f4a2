/**
 * Date and time values as files record them, parsed without ever consulting the time zone
 * of the computer doing the import (exifr's revived Dates do exactly that, which is why
 * every date here is read from its raw string). A wall-clock time stays a wall-clock time;
 * it becomes an instant only with an offset that the file itself states.
 */

export interface LocalDateTime {
  /** `YYYY-MM-DDTHH:MM:SS` plus `.fraction` when recorded. */
  readonly local: string;
  /** Minutes east of UTC when the value carried a zone; else null. */
  readonly offsetMinutes: number | null;
}

export type ParsedDate = { readonly ok: true; readonly value: LocalDateTime } | { readonly ok: false; readonly reason: string };

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const daysInMonth = new Date(Date.UTC(2000, mo, 0)).getUTCDate();
  const leapSafe = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : daysInMonth;
  return d <= leapSafe;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, fraction: string): string {
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${fraction ? `.${fraction}` : ''}`;
}

/** "+02:00", "-0530", "Z" → minutes east of UTC; null when blank or malformed. */
export function parseOffset(text: string | undefined | null): number | null {
  if (typeof text !== 'string') return null;
  const t = text.replace(/\0/g, '').trim();
  if (t === 'Z' || t === 'z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (Number(m[3]) > 59 || minutes > 14 * 60) return null;
  return m[1] === '-' ? -minutes : minutes;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const isBlank = (t: string): boolean => t.replace(/[\s:\-.0]/g, '') === '' && /[\s:]/.test(t) && !/[1-9]/.test(t);

/**
 * A date-time as EXIF writes it ("2003:12:04 06:46:52"), also accepting the dashes, the
 * "T" and the trailing zone or fraction that some writers put in. Blank and all-zero
 * values are reported as absent.
 */
export function parseExifDateTime(raw: unknown): ParsedDate {
  if (typeof raw !== 'string') return { ok: false, reason: 'is not text' };
  const t = raw.replace(/\0/g, '').trim();
  if (t === '') return { ok: false, reason: 'is empty' };
  if (isBlank(raw.replace(/\0/g, ''))) {
    return { ok: false, reason: /0/.test(t) ? `is all zeros ("${t}")` : `is blank ("${raw.replace(/\0/g, '')}")` };
  }
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return { ok: false, reason: `is not a date ("${t}")` };
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!validParts(y, mo, d, h, mi, s)) return { ok: false, reason: `is not a valid date ("${t}")` };
  const offset = m[8] === undefined ? null : parseOffset(m[8]);
  return { ok: true, value: { local: build(y, mo, d, h, mi, s, m[7] ?? ''), offsetMinutes: offset } };
}

/**
 * An ISO 8601 date-time as XMP and QuickTime write it ("2019-07-24T11:25:40+0300",
 * "2021-05-16T19:27:55Z"). A date without a time of day (XMP allows "2010") is not a
 * capture time and is refused.
 */
export function parseIsoDateTime(raw: unknown): ParsedDate {
  if (typeof raw !== 'string') return { ok: false, reason: 'is not text' };
  const t = raw.replace(/\0/g, '').trim();
  if (t === '') return { ok: false, reason: 'is empty' };
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (!m) {
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(t)) return { ok: false, reason: `holds a date without a time of day ("${t}")` };
    // Some writers use EXIF's colons in XMP and QuickTime too.
    return parseExifDateTime(t);
  }
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  if (!validParts(y, mo, d, h, mi, s)) return { ok: false, reason: `is not a valid date ("${t}")` };
  const offset = m[8] === undefined ? null : parseOffset(m[8].toUpperCase());
  if (m[8] !== undefined && offset === null) return { ok: false, reason: `has an invalid zone ("${t}")` };
  return { ok: true, value: { local: build(y, mo, d, h, mi, s, m[7] ?? ''), offsetMinutes: offset } };
}

/** Formats milliseconds since 1970 as ISO UTC, without ".000" when there are no milliseconds. */
export function isoFromMillis(ms: number): string | null {
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  return date.toISOString().replace('.000Z', 'Z');
}

/** The UTC instant of a local time with a known offset, keeping the recorded fraction. */
export function localToUtc(local: string, offsetMinutes: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(local);
  if (!m) return null;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  date.setUTCHours(Number(m[4]), Number(m[5]) - offsetMinutes, Number(m[6]), 0);
  const whole = date.toISOString().slice(0, 19);
  return `${whole}${m[7] ? `.${m[7]}` : ''}Z`;
}

/** Seconds since 1904-01-01 UTC (QuickTime and ISO-BMFF times) as ISO UTC; 0 means "not set". */
export function isoFrom1904(seconds: number): string | null {
  if (seconds === 0) return null;
  const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
  return isoFromMillis(EPOCH_1904_MS + seconds * 1000);
}
