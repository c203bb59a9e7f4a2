/** Sizes, durations and rates in the window's language (Intl), for people rather than machines. */
import { numberFormat } from './intl-cache';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** "3.4 MB": decimal units, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return numberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

export function formatCount(count: number, locale: string): string {
  return numberFormat(locale).format(count);
}

/** "1:05" or "1:02:05" for a media duration in seconds. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A decimal number with a fixed number of fraction digits, e.g. a coordinate. */
export function formatDecimal(value: number, locale: string, digits: number): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/**
 * "41.85300, 12.48883" as latitude and longitude; where the decimal sign is a comma
 * (Russian, Kazakh) a semicolon separates them, as "41,85300, 12,48883" reads as four numbers.
 */
export function formatCoordinates(lat: number, lon: number, locale: string): string {
  const [a, b] = [formatDecimal(lat, locale, 5), formatDecimal(lon, locale, 5)];
  return `${a}${a.includes(',') ? ';' : ','} ${b}`;
}
