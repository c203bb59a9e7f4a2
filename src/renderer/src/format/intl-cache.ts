/**
 * Intl formatters, made once per locale and options and kept: making one costs far more
 * than using it (the grid formats a date for every cell that scrolls into view), and they
 * never change. The options in use are a handful of literals, so the cache stays small.
 */
const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();

function kept<F>(cache: Map<string, F>, locale: string, options: object, make: () => F): F {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return kept(dates, locale, options, () => {
    const fallback = dateFallback(locale);
    return fallback === undefined ? new Intl.DateTimeFormat(locale, options) : new Intl.DateTimeFormat(fallback, numericOnly(options));
  });
}

const JANUARY = new Date(Date.UTC(2011, 0, 13));
/** ICU's root locale names months "M01" … "M12": a locale without month names has no date data. */
const hasDateData = (locale: string): boolean => !/^M?\d+$/.test(new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(JANUARY));

/**
 * Where this Intl claims the language but lacks its data (Chromium's ICU for Kazakh, which
 * writes "2011 M01 13"), dates are written as Kazakhstan writes them in figures, 13.01.2011:
 * the fallback locale's order and separators with no word of its language (a Russian month
 * name in a Kazakh window would be a guess at the reader's language).
 */
export function dateFallback(locale: string, hasData: (locale: string) => boolean = hasDateData): string | undefined {
  const fallback = NUMBER_FALLBACK[locale.toLowerCase().split('-')[0] ?? ''];
  return fallback === undefined || hasData(locale) ? undefined : fallback;
}

/** The same fields with every word replaced by figures: month names by 2-digit months, no weekday. */
export function numericOnly(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  const { dateStyle, timeStyle, weekday: _weekday, era: _era, ...rest } = options;
  const out: Intl.DateTimeFormatOptions = { ...rest };
  if (dateStyle !== undefined) Object.assign(out, { year: 'numeric', month: '2-digit', day: '2-digit' });
  if (timeStyle !== undefined) Object.assign(out, { hour: '2-digit', minute: '2-digit', ...(timeStyle === 'short' ? {} : { second: '2-digit' }) });
  if (out.month !== undefined && out.month !== 'numeric') out.month = '2-digit';
  if (out.day !== undefined) out.day = '2-digit';
  return out;
}

/**
 * Languages whose numbers are written like another locale's, for an Intl that claims the
 * language but has no data for it and falls back to the root locale's "338,025" and "3.4".
 * Chromium's ICU (and so the window's) has none for Kazakh; Kazakhstan writes 338 025 and
 * 3,4, as Russian does, and reads a comma as the decimal sign, so "338,025 байт" would be
 * misread as a fraction of a byte.
 */
const NUMBER_FALLBACK: Readonly<Record<string, string>> = { kk: 'ru-KZ' };

const hasNumberData = (locale: string): boolean => new Intl.NumberFormat(locale).format(1234.5) !== new Intl.NumberFormat('und').format(1234.5);

/** The locale to write numbers with: `locale`, unless this Intl lacks its data and a fallback is known. */
export function numberLocale(locale: string, hasData: (locale: string) => boolean = hasNumberData): string {
  const fallback = NUMBER_FALLBACK[locale.toLowerCase().split('-')[0] ?? ''];
  return fallback === undefined || hasData(locale) ? locale : fallback;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return kept(numbers, locale, options, () => new Intl.NumberFormat(numberLocale(locale), options));
}
