/**
 * ExifTool's tags (read with `-G -n`: "Group:Tag" keys, numbers as numbers) turned into the
 * fields Tamga records, by the same rules as Tamga's own readers: the capture time goes
 * through chooseCaptureTime (capture-time.ts), so an instant is known only where the file
 * establishes the offset (EXIF OffsetTimeOriginal, a zone the camera wrote into its own date),
 * and an XMP date's zone stays a hint. Every value names the ExifTool tag it came from.
 */
import type { CaptureTime, GpsPosition, PixelSize, TextField } from '../../../../shared/metadata';
import { CAPTURE_TIME_PRECEDENCE, chooseCaptureTime, type DateCandidate, type DateField } from '../capture-time';
import { Problems } from '../problems';

export type ExifToolTags = Readonly<Record<string, unknown>>;

/**
 * Date tags in Tamga's precedence, each as the candidate kind it is. Maker-note and vendor
 * dates (Canon CIFF, Sigma X3F, FLIR's APP1 record) are the camera's own DateTimeOriginal:
 * the same rank as EXIF's, their zone (when they carry one in the value, as FLIR's) the
 * camera's. QuickTime:CreateDate of a CR3 is not used: Canon writes local time there.
 */
const DATE_TAGS: ReadonlyArray<{ readonly tag: string; readonly as: DateField; readonly offset?: string; readonly subsec?: string }> = [
  { tag: 'EXIF:DateTimeOriginal', as: 'EXIF DateTimeOriginal', offset: 'EXIF:OffsetTimeOriginal', subsec: 'EXIF:SubSecTimeOriginal' },
  { tag: 'MakerNotes:DateTimeOriginal', as: 'EXIF DateTimeOriginal' },
  { tag: 'SigmaRaw:DateTimeOriginal', as: 'EXIF DateTimeOriginal' },
  { tag: 'APP1:DateTimeOriginal', as: 'EXIF DateTimeOriginal' },
  { tag: 'XMP:DateTimeOriginal', as: 'XMP exif:DateTimeOriginal' },
  { tag: 'EXIF:CreateDate', as: 'EXIF DateTimeDigitized', offset: 'EXIF:OffsetTimeDigitized', subsec: 'EXIF:SubSecTimeDigitized' },
  { tag: 'XMP:CreateDate', as: 'XMP xmp:CreateDate' },
];

/** Where each text field is looked for, in order. */
const MAKE_TAGS = ['EXIF:Make', 'MakerNotes:Make', 'SigmaRaw:Make', 'QuickTime:Make', 'XMP:Make'];
const MODEL_TAGS = ['EXIF:Model', 'MakerNotes:Model', 'SigmaRaw:Model', 'QuickTime:Model', 'XMP:Model'];
/**
 * Pixel size: ExifTool's own notion of the main image (File:ImageWidth) first, as the oracle
 * of the fixtures reads it, then the groups in which formats state it.
 */
const SIZE_GROUPS = ['File', 'PNG', 'GIF', 'RIFF', 'QuickTime', 'EXIF', 'MakerNotes', 'SigmaRaw', 'Composite'];

const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.replace(/\0/g, '').trim();
  return t === '' ? null : t.slice(0, 1024);
};

const positive = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= 1_000_000 ? v : null);

function firstText(tags: ExifToolTags, keys: readonly string[]): { value: string; tag: string } | null {
  for (const tag of keys) {
    const value = text(tags[tag]);
    if (value !== null) return { value, tag };
  }
  return null;
}

export function makeOf(tags: ExifToolTags): TextField | null {
  const found = firstText(tags, MAKE_TAGS);
  return found && { value: found.value, source: 'exiftool' };
}

export function modelOf(tags: ExifToolTags): TextField | null {
  const found = firstText(tags, MODEL_TAGS);
  return found && { value: found.value, source: 'exiftool' };
}

export function pixelSizeOf(tags: ExifToolTags): PixelSize | null {
  for (const group of SIZE_GROUPS) {
    const width = positive(tags[`${group}:ImageWidth`]);
    const height = positive(tags[`${group}:ImageHeight`]);
    if (width !== null && height !== null) return { width, height, source: 'exiftool' };
  }
  return null;
}

export function orientationOf(tags: ExifToolTags): number | null {
  const o = tags['EXIF:Orientation'];
  return typeof o === 'number' && Number.isInteger(o) && o >= 1 && o <= 8 ? o : null;
}

/** Composite GPS is the signed one (EXIF:GPSLongitude is unsigned, its ref apart). */
export function gpsOf(tags: ExifToolTags): GpsPosition | null {
  const lat = tags['Composite:GPSLatitude'];
  const lon = tags['Composite:GPSLongitude'];
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  const alt = tags['Composite:GPSAltitude'];
  return { lat, lon, alt: typeof alt === 'number' && Number.isFinite(alt) ? alt : null, source: 'exiftool' };
}

/** Composite:GPSDateTime, the GPS clock, when ExifTool states it as UTC ("…Z"). */
function gpsTimeOf(tags: ExifToolTags): { utc: string; field: string } | null {
  const v = tags['Composite:GPSDateTime'];
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/.exec(v.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  return Number.isNaN(Date.parse(iso)) ? null : { utc: iso, field: 'ExifTool Composite:GPSDateTime' };
}

/**
 * An AVIF image sequence's movie header (QuickTime:CreateDate), UTC by the standard as for a
 * video: Tamga's own HEIF reader reads the still-image boxes only. Not for a CR3, whose movie
 * header Canon fills with its local clock, nor for other files.
 */
function movieHeaderInstant(tags: ExifToolTags): DateCandidate | null {
  if (tags['File:FileType'] !== 'AVIF') return null;
  const v = tags['QuickTime:CreateDate'];
  if (typeof v !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:Z|[+-]00:00)?$/.exec(v.trim());
  if (!m || m[1] === '0000' || m[1] === '1904') return null;
  const utc = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
  return Number.isNaN(Date.parse(utc)) ? null : { kind: 'instant', field: 'mvhd creation time', utc };
}

/** ExifTool's "2003:11:10 17:39:26[.041][-04:00]" split into EXIF's date and the zone it carries. */
function splitZone(value: unknown): { date: unknown; zone: string | null } {
  if (typeof value !== 'string') return { date: value, zone: null };
  const m = /^(.*?\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/.exec(value.trim());
  return m ? { date: m[1], zone: m[2] ?? null } : { date: value, zone: null };
}

export function captureTimeOf(tags: ExifToolTags, problems: Problems): CaptureTime | null {
  const candidates: DateCandidate[] = [];
  const tagOf = new Map<DateCandidate, { tag: string; offset?: string }>();
  for (const d of DATE_TAGS) {
    if (tags[d.tag] === undefined) continue;
    const xmp = d.as.startsWith('XMP');
    const { date, zone } = xmp ? { date: tags[d.tag], zone: null } : splitZone(tags[d.tag]);
    const offsetText = d.offset !== undefined && tags[d.offset] !== undefined ? tags[d.offset] : (zone ?? undefined);
    const candidate: DateCandidate = {
      kind: 'local',
      field: d.as,
      text: date,
      style: xmp ? 'iso' : 'exif',
      ...(offsetText !== undefined ? { offsetText, offsetField: d.offset !== undefined && tags[d.offset] !== undefined ? d.offset : d.tag } : {}),
      ...(d.subsec !== undefined && tags[d.subsec] !== undefined ? { subsecText: tags[d.subsec] } : {}),
    };
    candidates.push(candidate);
    tagOf.set(candidate, { tag: d.tag, ...(offsetText !== undefined ? { offset: d.offset !== undefined && tags[d.offset] !== undefined ? d.offset : 'its own zone' } : {}) });
  }
  const movie = movieHeaderInstant(tags);
  if (movie !== null) {
    candidates.push(movie);
    tagOf.set(movie, { tag: 'QuickTime:CreateDate' });
  }
  // One candidate at a time, in precedence, so that the tag the result came from is known
  // (four vendor tags share EXIF DateTimeOriginal's rank).
  const ordered = candidates.map((c, i) => ({ c, i })).sort((a, b) => CAPTURE_TIME_PRECEDENCE.indexOf(a.c.field) - CAPTURE_TIME_PRECEDENCE.indexOf(b.c.field) || a.i - b.i);
  for (const { c } of ordered) {
    if (chooseCaptureTime([c], new Problems()) === null) continue;
    // All candidates again, so that the rules see the rest (an XMP zone beside an EXIF date
    // without one is a hint); the winner is `c`, the first that parses in the same order.
    const time = chooseCaptureTime(candidates, problems, { gpsTime: gpsTimeOf(tags) });
    if (time === null) return null;
    const names = tagOf.get(c);
    const field = names ? `ExifTool ${names.tag}${names.offset !== undefined && time.offsetKnown ? ` + ${names.offset}` : ''}` : `ExifTool ${time.field}`;
    return { ...time, source: 'exiftool', field, ...(time.zoneHint ? { zoneHint: { ...time.zoneHint, field } } : {}) };
  }
  return null;
}
