/**
 * What the format readers (photo, HEIF, video) hand to the entry point: every candidate
 * value with where it came from, in the reader's own order. The entry point then applies
 * the precedence rules in one place (capture-time.ts for dates; first-found for the rest).
 */
import type { GpsPosition, JsonValue, PixelSize, TextField } from '../../../shared/metadata';
import type { DateCandidate } from './capture-time';

export interface Findings {
  /** A refinement of the sniffed format (a TIFF that turns out to be a DNG). */
  format?: { format: string; mime: string };
  dates: DateCandidate[];
  /** Positions in order of preference; the first one wins. */
  gps: GpsPosition[];
  make: TextField[];
  model: TextField[];
  lens: TextField[];
  software: TextField[];
  orientation: number | null;
  rotation: number | null;
  mirrored: boolean;
  /** HEIF: the container's rotation governs display and EXIF Orientation is not applied. */
  containerGovernsOrientation: boolean;
  pixelSize: PixelSize | null;
  durationSeconds: number | null;
  videoCreatedAt: string | null;
  /** The GPS clock (ISO UTC) and the tag(s) it was read from. */
  gpsTime: { utc: string; field: string } | null;
  /** The camera family, when the file is from one known to write local time into mvhd. */
  localClockCamera: string | null;
  raw: { exif?: JsonValue; iptc?: JsonValue; xmp?: JsonValue; container?: JsonValue; boxes?: JsonValue };
}

export function emptyFindings(): Findings {
  return {
    dates: [],
    gps: [],
    make: [],
    model: [],
    lens: [],
    software: [],
    orientation: null,
    rotation: null,
    mirrored: false,
    containerGovernsOrientation: false,
    pixelSize: null,
    durationSeconds: null,
    videoCreatedAt: null,
    gpsTime: null,
    localClockCamera: null,
    raw: {},
  };
}

/** Adds a text candidate when the value is a non-empty string (NULs and padding trimmed). */
export function addText(list: TextField[], value: unknown, source: TextField['source']): void {
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') return;
  // Text fields end at the first NUL (C strings); some writers leave old bytes after it.
  const text = value.replace(/^\0+/, '').split('\0')[0]?.trim() ?? '';
  if (text !== '') list.push({ value: text.slice(0, 1024), source });
}
