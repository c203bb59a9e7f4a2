/**
 * What ExifTool 12.57 says about each real fixture (tests/fixtures/exiftool-oracle.json; ExifTool
 * 13.59 for camera-formats/, formats Debian's 12.57 was not run on),
 * turned into the values Tamga's extractor should find, field by field, and the comparison
 * of the two. Conventions of the oracle (see the fixtures README): only Composite GPS is
 * signed; QuickTime:CreateDate is mvhd (UTC); Apple's CreationDate is local with a zone;
 * HEIF QuickTime:Rotation counts anticlockwise (irot), video Composite:Rotation clockwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedMetadata } from '../../src/shared/metadata';
import { FIXTURES } from './metadata-fixtures';

export type OracleRecord = Readonly<Record<string, string | number | undefined>>;

export function loadOracle(): Map<string, OracleRecord> {
  const list = JSON.parse(readFileSync(join(FIXTURES, 'exiftool-oracle.json'), 'utf8')) as OracleRecord[];
  return new Map(list.map((r) => [String(r.SourceFile), r]));
}

export const FIELDS = [
  'mime',
  'captureTime',
  'captureOffset',
  'instantKnown',
  'gps',
  'gpsAltitude',
  'make',
  'model',
  'pixelSize',
  'displaySize',
  'orientation',
  'rotation',
  'duration',
  'videoCreatedAt',
] as const;
export type Field = (typeof FIELDS)[number];

/** One comparison: `null` when the oracle states nothing to compare for this field. */
export interface Comparison {
  readonly expected: string;
  readonly actual: string;
  readonly agrees: boolean;
}

const num = (v: string | number | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "2003:12:04 06:46:52[.sss][±hh:mm|Z]" → { local "2003-12-04T06:46:52", offset minutes | null }; null when blank or zero. */
export function oracleDate(v: string | number | undefined): { local: string; offset: number | null } | null {
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(v.trim());
  if (!m || m[1] === '0000') return null;
  const local = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}`;
  const zone = m[7];
  const offset = zone === undefined ? null : zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return { local, offset };
}

const isVideo = (r: OracleRecord): boolean => String(r['File:MIMEType'] ?? '').startsWith('video/');
const isHeif = (r: OracleRecord): boolean => /^image\/(heic|heif|avif)$/.test(String(r['File:MIMEType'] ?? ''));

/** The capture time ExifTool's fields imply, by Tamga's precedence; `kind` says how to compare it. */
function expectedCapture(r: OracleRecord): { kind: 'local'; local: string; offset: number | null; from: string } | { kind: 'utc'; utc: string; from: string } | null {
  // MakerNotes (Canon CIFF) and SigmaRaw: the camera's own DateTimeOriginal in CRW and X3F.
  const photoOrder = ['EXIF:DateTimeOriginal', 'XMP:DateTimeOriginal', 'Composite:DateTimeOriginal', 'EXIF:CreateDate', 'XMP:CreateDate', 'APP1:DateTimeOriginal', 'MakerNotes:DateTimeOriginal', 'SigmaRaw:DateTimeOriginal'];
  const videoOrder = ['QuickTime:CreationDate', 'QuickTime:DateTimeOriginal'];
  for (const key of isVideo(r) ? videoOrder : photoOrder) {
    const d = oracleDate(r[key]);
    if (d) return { kind: 'local', ...d, from: key };
  }
  if (isVideo(r)) {
    const d = oracleDate(r['QuickTime:CreateDate']);
    if (d) return { kind: 'utc', utc: `${d.local}Z`, from: 'QuickTime:CreateDate' };
  }
  return null;
}

function expectedGps(r: OracleRecord): { lat: number; lon: number } | null {
  const lat = num(r['Composite:GPSLatitude']);
  const lon = num(r['Composite:GPSLongitude']);
  if (lat !== null && lon !== null) return { lat, lon };
  const xlat = num(r['XMP:GPSLatitude']);
  const xlon = num(r['XMP:GPSLongitude']);
  return xlat !== null && xlon !== null ? { lat: xlat, lon: xlon } : null;
}

function expectedSize(r: OracleRecord): { width: number; height: number } | null {
  for (const group of ['File', 'PNG', 'GIF', 'RIFF', 'QuickTime', 'EXIF', 'MakerNotes', 'SigmaRaw']) {
    const width = num(r[`${group}:ImageWidth`]);
    const height = num(r[`${group}:ImageHeight`]);
    if (width !== null && height !== null) return { width, height };
  }
  return null;
}

/** Clockwise quarter turn implied by the oracle, or null when it states none. */
function expectedTurn(r: OracleRecord): number | null {
  if (isVideo(r)) return num(r['Composite:Rotation']);
  if (isHeif(r)) {
    const rot = num(r['QuickTime:Rotation']);
    return rot === null ? null : (360 - rot) % 360;
  }
  const o = num(r['EXIF:Orientation']);
  if (o === null || o < 1 || o > 8) return null;
  return o >= 5 ? 90 : 0;
}

const show = (v: unknown): string => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
const cmp = (expected: unknown, actual: unknown, agrees: boolean): Comparison => ({ expected: show(expected), actual: show(actual), agrees });
const close = (a: number | null | undefined, b: number, tolerance: number): boolean => typeof a === 'number' && Math.abs(a - b) <= tolerance;

export function compare(field: Field, r: OracleRecord, m: ExtractedMetadata): Comparison | null {
  switch (field) {
    case 'mime':
      return cmp(r['File:MIMEType'], m.mime, r['File:MIMEType'] === m.mime);
    case 'captureTime': {
      const e = expectedCapture(r);
      const ct = m.captureTime;
      // No date in the file is no capture time: the file's own time is not one.
      if (!e) return cmp('none', ct ? `${ct.source}` : null, ct === null);
      if (e.kind === 'utc') return cmp(`${e.utc} (${e.from})`, ct?.utc, ct?.utc?.slice(0, 19) === e.utc.slice(0, 19));
      return cmp(`${e.local} (${e.from})`, ct?.local, ct?.local?.slice(0, 19) === e.local);
    }
    case 'captureOffset': {
      // The zone the file states, whether it establishes the instant or is only a hint (XMP, IPTC).
      const e = expectedCapture(r);
      if (!e || e.kind !== 'local' || e.offset === null) return null;
      const stated = m.captureTime?.utcOffsetMinutes ?? m.captureTime?.zoneHint?.offsetMinutes ?? null;
      return cmp(e.offset, stated, stated === e.offset);
    }
    case 'instantKnown': {
      // Known only where the file itself establishes it: EXIF OffsetTimeOriginal, a zoned
      // QuickTime CreationDate or udta date, a movie header (UTC by the standard). ExifTool's
      // XMP and IPTC (Composite) zones are the editing software's: not known.
      const e = expectedCapture(r);
      if (!e) return null;
      const known =
        e.kind === 'utc' ||
        (e.from === 'EXIF:DateTimeOriginal' && r['EXIF:OffsetTimeOriginal'] !== undefined) ||
        ((e.from === 'QuickTime:CreationDate' || e.from === 'QuickTime:DateTimeOriginal' || e.from === 'APP1:DateTimeOriginal') && e.offset !== null);
      return cmp(known, m.captureTime?.offsetKnown ?? null, (m.captureTime?.offsetKnown ?? false) === known);
    }
    case 'gps': {
      const e = expectedGps(r);
      if (!e) return cmp(null, m.gps && [m.gps.lat, m.gps.lon], m.gps === null);
      // 3GPP 'loci' stores 16.16 fixed point: its own resolution is 1/65536° (ExifTool rounds
      // it to 5 decimals, Tamga keeps the stored value), so it is compared at that resolution.
      const tolerance = m.gps?.source === '3gpp-loci' ? 1 / 65536 : 1e-6;
      return cmp([e.lat, e.lon], m.gps && [m.gps.lat, m.gps.lon], close(m.gps?.lat, e.lat, tolerance) && close(m.gps?.lon, e.lon, tolerance));
    }
    case 'gpsAltitude': {
      const alt = num(r['Composite:GPSAltitude']);
      if (alt === null || expectedGps(r) === null) return null;
      return cmp(alt, m.gps?.alt, close(m.gps?.alt, alt, 0.01));
    }
    case 'make':
    case 'model': {
      const key = field === 'make' ? 'Make' : 'Model';
      const e = r[`EXIF:${key}`] ?? r[`QuickTime:${key}`] ?? r[`MakerNotes:${key}`] ?? r[`SigmaRaw:${key}`];
      const actual = m[field]?.value ?? null;
      return e === undefined ? cmp(null, actual, actual === null) : cmp(String(e), actual, actual === String(e).trim());
    }
    case 'pixelSize': {
      const e = expectedSize(r);
      if (!e) return null;
      const a = m.pixelSize;
      return cmp(`${e.width}x${e.height}`, a && `${a.width}x${a.height}`, a?.width === e.width && a.height === e.height);
    }
    case 'displaySize': {
      const e = expectedSize(r);
      const turn = expectedTurn(r);
      if (!e || turn === null) return null;
      const [w, h] = turn === 90 || turn === 270 ? [e.height, e.width] : [e.width, e.height];
      const a = m.displaySize;
      return cmp(`${w}x${h}`, a && `${a.width}x${a.height}`, a?.width === w && a.height === h);
    }
    case 'orientation': {
      const o = num(r['EXIF:Orientation']);
      if (o === null) return null;
      const e = o >= 1 && o <= 8 ? o : null;
      return cmp(e, m.orientation, m.orientation === e);
    }
    case 'rotation': {
      if (!isVideo(r) && !isHeif(r)) return null;
      const e = expectedTurn(r);
      if (e === null) return null;
      return cmp(e, m.rotation, m.rotation === e);
    }
    case 'duration': {
      const d = num(r['QuickTime:Duration']);
      if (d === null) return null;
      return cmp(d, m.durationSeconds, close(m.durationSeconds, d, 0.05));
    }
    case 'videoCreatedAt': {
      if (r['QuickTime:CreateDate'] === undefined) return null;
      const d = oracleDate(r['QuickTime:CreateDate']);
      const e = d ? `${d.local}Z` : null;
      return cmp(e, m.videoCreatedAt, m.videoCreatedAt === e);
    }
  }
}
