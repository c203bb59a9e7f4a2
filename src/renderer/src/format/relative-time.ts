/**
 * "2 hours ago", "5 minutes ago", "just now" in the window's language (Intl.RelativeTimeFormat):
 * for times Tamga recorded itself, such as a replica's last copy. Always shown beside the
 * absolute time, never instead of it. Pure: the caller says what "now" is, so the words
 * follow the clock (useNow) and a test can pin them. Where this Intl claims the language but
 * has no words for it (Chromium's ICU for Kazakh writes English "now", "2 hours ago"), the
 * caller's own words are used (the window's locale files), never another language's.
 */
const formats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = formats.get(locale);
  if (format === undefined) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    formats.set(locale, format);
  }
  return format;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The unit and whole number of units a person would say for `ms` (negative: in the past). */
export function relativeUnit(ms: number): { readonly value: number; readonly unit: Intl.RelativeTimeFormatUnit } {
  const abs = Math.abs(ms);
  const sign = ms < 0 ? -1 : 1;
  // Rounded down: "2 hours ago" is said only once two full hours have passed.
  const whole = (unit: number): number => sign * Math.floor(abs / unit);
  if (abs < MINUTE) return { value: 0, unit: 'second' };
  if (abs < HOUR) return { value: whole(MINUTE), unit: 'minute' };
  if (abs < DAY) return { value: whole(HOUR), unit: 'hour' };
  if (abs < 30 * DAY) return { value: whole(DAY), unit: 'day' };
  if (abs < 365 * DAY) return { value: whole(30 * DAY), unit: 'month' };
  return { value: whole(365 * DAY), unit: 'year' };
}

/** The window's own words for a relative time: `value` units from now (negative: ago; 0: now). */
export type RelativeWords = (value: number, unit: Intl.RelativeTimeFormatUnit) => string;

const SAMPLE: ReadonlyArray<[number, Intl.RelativeTimeFormatUnit]> = [
  [0, 'second'],
  [-2, 'hour'],
];

/**
 * True when this Intl has the language's own words. Without them it says the root locale's,
 * which are English ("now") or figures ("-2 h"): a language other than English whose
 * words for these samples are English's has none of its own.
 */
export function hasRelativeData(locale: string): boolean {
  if (locale.toLowerCase().split('-')[0] === 'en') return true;
  return SAMPLE.every(([value, unit]) => relativeFormat(locale).format(value, unit) !== relativeFormat('en').format(value, unit));
}

/** `iso` relative to `now` (ms since the epoch); null for a time that does not parse. */
export function formatRelative(iso: string, now: number, locale: string, words?: RelativeWords, hasData: (locale: string) => boolean = hasRelativeData): string | null {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const { value, unit } = relativeUnit(at - now);
  return words !== undefined && !hasData(locale) ? words(value, unit) : relativeFormat(locale).format(value, unit);
}
