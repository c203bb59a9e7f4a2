/**
 * GPS positions in the three notations files use: EXIF rationals with hemisphere letters,
 * XMP's "DD,MM.mmmmN" text, and ISO 6709 strings ("+37.3861-122.0839+010.000/") used by
 * QuickTime and Android. Every path validates ranges: a position outside the globe, or one
 * computed from a zero denominator, is rejected with a problem rather than stored.
 */
import type { GpsPosition, GpsSource } from '../../../shared/metadata';

export type GpsResult = { readonly position: GpsPosition } | { readonly problem: string } | null;

function inRange(lat: number, lon: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

function finiteOrNull(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

function checked(lat: number, lon: number, alt: number | null, source: GpsSource, what: string): GpsResult {
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return { problem: `${what} is not a number (a zero denominator?); no position recorded.` };
  if (!inRange(lat, lon)) return { problem: `${what} (${lat}, ${lon}) lies outside the globe; no position recorded.` };
  return { position: { lat, lon, alt: finiteOrNull(alt), source } };
}

/** Degrees from an EXIF GPS value: [deg, min, sec], or a single number. */
function dmsToDegrees(value: unknown): number | null {
  const parts = typeof value === 'number' ? [value] : Array.isArray(value) || ArrayBuffer.isView(value) ? Array.from(value as ArrayLike<unknown>) : null;
  if (!parts || parts.length === 0 || parts.length > 3) return null;
  if (!parts.every((p): p is number => typeof p === 'number')) return null;
  if (parts.some((p) => p < 0)) return null;
  const [d = 0, m = 0, s = 0] = parts;
  return d + m / 60 + s / 3600;
}

function refLetter(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.replace(/\0/g, '').trim().toUpperCase();
  return t === '' ? null : t;
}

function altitudeRef(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (ArrayBuffer.isView(value) && value.byteLength > 0) return new Uint8Array(value.buffer, value.byteOffset, 1)[0] ?? null;
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return null;
}

/** The position in an EXIF GPS IFD as exifr returns it (raw values, not revived). */
export function gpsFromExif(gps: Readonly<Record<string, unknown>> | undefined): GpsResult {
  if (!gps || (gps.GPSLatitude === undefined && gps.GPSLongitude === undefined)) return null;
  if (gps.GPSLatitude === undefined || gps.GPSLongitude === undefined) {
    return { problem: 'The EXIF GPS block has a latitude or a longitude but not both; no position recorded.' };
  }
  const lat = dmsToDegrees(gps.GPSLatitude);
  const lon = dmsToDegrees(gps.GPSLongitude);
  if (lat === null || lon === null) return { problem: 'The EXIF GPS latitude or longitude is empty or malformed; no position recorded.' };
  const components = [gps.GPSLatitude, gps.GPSLongitude].flatMap((v) => (Array.isArray(v) || ArrayBuffer.isView(v) ? Array.from(v as ArrayLike<unknown>) : [v]));
  if (components.every((v) => typeof v === 'number' && Number.isNaN(v))) {
    return { problem: 'The EXIF GPS block holds no position (its values are 0/0 fractions).' };
  }
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) {
    return { problem: 'The EXIF GPS position contains an undefined value (a fraction with denominator 0); it was not used.' };
  }
  const latRef = refLetter(gps.GPSLatitudeRef);
  const lonRef = refLetter(gps.GPSLongitudeRef);
  if (latRef !== 'N' && latRef !== 'S') {
    return { problem: `The EXIF GPS latitude reference is ${latRef === null ? 'missing' : `"${latRef}"`}, not N or S; no position recorded.` };
  }
  if (lonRef !== 'E' && lonRef !== 'W') {
    return { problem: `The EXIF GPS longitude reference is ${lonRef === null ? 'missing' : `"${lonRef}"`}, not E or W; no position recorded.` };
  }
  let alt: number | null = typeof gps.GPSAltitude === 'number' ? gps.GPSAltitude : null;
  if (alt !== null && altitudeRef(gps.GPSAltitudeRef) === 1) alt = -alt;
  return checked(latRef === 'S' ? -lat : lat, lonRef === 'W' ? -lon : lon, alt, 'exif', 'The EXIF GPS position');
}

/** XMP's GPSCoordinate: "48,53.323582N" or "48,53,19.4N" (degrees, minutes[, seconds], hemisphere). */
export function parseXmpCoordinate(text: unknown): number | null {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return null;
  const m = /^\s*(\d{1,3})(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]) + Number(m[2] ?? 0) / 60 + Number(m[3] ?? 0) / 3600;
  return /[SW]/i.test(m[4] ?? '') ? -value : value;
}

function rationalText(text: unknown): number | null {
  if (typeof text === 'number') return text;
  if (typeof text !== 'string') return null;
  const m = /^\s*(-?\d+(?:\.\d+)?)(?:\/(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const den = m[2] === undefined ? 1 : Number(m[2]);
  return den === 0 ? null : Number(m[1]) / den;
}

/** The position in XMP's exif: namespace, when a photo keeps it there only. */
export function gpsFromXmp(exifNs: Readonly<Record<string, unknown>> | undefined): GpsResult {
  if (!exifNs || exifNs.GPSLatitude === undefined || exifNs.GPSLongitude === undefined) return null;
  const lat = parseXmpCoordinate(exifNs.GPSLatitude);
  const lon = parseXmpCoordinate(exifNs.GPSLongitude);
  if (lat === null || lon === null) return { problem: 'The XMP GPS position is malformed; no position recorded.' };
  let alt = rationalText(exifNs.GPSAltitude);
  if (alt !== null && Number(exifNs.GPSAltitudeRef) === 1) alt = -alt;
  return checked(lat, lon, alt, 'xmp', 'The XMP GPS position');
}

/**
 * One ISO 6709 component: sign, then degrees with `degreeDigits` integer digits, or
 * DDMM / DDMMSS forms (2 or 4 more digits), each with an optional decimal fraction.
 * Degrees written with fewer digits than the standard's padding (`+51.5932-0.2431/`, as
 * some cameras and editors write QuickTime ©xyz) are read as degrees, as ExifTool does.
 */
function iso6709Component(sign: string, digits: string, fraction: string | undefined, degreeDigits: number): number | null {
  const frac = fraction ? Number(`0.${fraction}`) : 0;
  let value: number;
  if (digits.length >= 1 && digits.length <= degreeDigits) value = Number(digits) + frac;
  else if (digits.length === degreeDigits + 2) {
    const minutes = Number(digits.slice(degreeDigits)) + frac;
    if (minutes >= 60) return null;
    value = Number(digits.slice(0, degreeDigits)) + minutes / 60;
  } else if (digits.length === degreeDigits + 4) {
    const minutes = Number(digits.slice(degreeDigits, degreeDigits + 2));
    const seconds = Number(digits.slice(degreeDigits + 2)) + frac;
    if (minutes >= 60 || seconds >= 60) return null;
    value = Number(digits.slice(0, degreeDigits)) + minutes / 60 + seconds / 3600;
  } else return null;
  return sign === '-' ? -value : value;
}

/** Parses "+37.3861-122.0839+010.000/", "-33.8688+151.2093/", "+4852.6-00220.8/" and the like. */
export function parseIso6709(text: string): { lat: number; lon: number; alt: number | null } | null {
  const t = text.replace(/\0/g, '').trim();
  const m = /^([+-])(\d+)(?:\.(\d+))?([+-])(\d+)(?:\.(\d+))?(?:([+-])(\d+(?:\.\d+)?))?(?:CRS[^/]*)?\/?/.exec(t);
  if (!m) return null;
  const lat = iso6709Component(m[1] ?? '+', m[2] ?? '', m[3], 2);
  const lon = iso6709Component(m[4] ?? '+', m[5] ?? '', m[6], 3);
  if (lat === null || lon === null) return null;
  const alt = m[7] !== undefined && m[8] !== undefined ? Number(`${m[7]}${m[8]}`) : null;
  return { lat, lon, alt: alt !== null && Number.isFinite(alt) ? alt : null };
}

export function gpsFromIso6709(text: string, source: GpsSource, what: string): GpsResult {
  const parsed = parseIso6709(text);
  if (!parsed) return { problem: `${what} is not an ISO 6709 position ("${text.replace(/\0/g, '').trim().slice(0, 60)}"); no position recorded.` };
  return checked(parsed.lat, parsed.lon, parsed.alt, source, what);
}
