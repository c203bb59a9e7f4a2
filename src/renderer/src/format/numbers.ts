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

/** The hemisphere words of the window's language: "N", "S", "E", "W" in English. */
export interface HemisphereWords {
  readonly north: string;
  readonly south: string;
  readonly east: string;
  readonly west: string;
}

/**
 * "41.85300° N; 12.48883° E": unsigned degrees with the hemisphere, latitude first, a
 * semicolon between. Unambiguous in every language: a decimal comma (Russian, Kazakh)
 * cannot run the two numbers together ("41,85300, 12,48883" reads as four numbers), and no
 * minus sign has to be noticed.
 */
export function formatCoordinates(lat: number, lon: number, locale: string, words: HemisphereWords): string {
  const part = (value: number, positive: string, negative: string): string => `${formatDecimal(Math.abs(value), locale, 5)}° ${value < 0 ? negative : positive}`;
  return `${part(lat, words.north, words.south)}; ${part(lon, words.east, words.west)}`;
}
