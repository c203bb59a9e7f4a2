/**
 * The capture time as `tamga show` prints it: the camera's wall-clock time with its UTC
 * offset and the UTC instant when the file established the offset
 * ("2019-07-24 11:25:40 +06:00 (05:25:40 UTC)"), and a plain "time zone not recorded"
 * when it did not. It reads the fields the metadata reader decided (offsetKnown,
 * utcOffsetMinutes, utc) and never works an offset or instant out on its own.
 */
import type { ItemDetail } from '../shared/items';
import type { CaptureTime } from '../shared/metadata';

/** "2019-07-24T11:25:40.120" → "2019-07-24 11:25:40.120". */
function wall(local: string): string {
  return local.replace('T', ' ');
}

/** "2019-07-24T05:25:40.000Z" → "2019-07-24 05:25:40" (subseconds kept when not zero). */
function instant(utc: string): string {
  return utc.replace('T', ' ').replace(/Z$/, '').replace(/\.0+$/, '');
}

/** Minutes east of UTC as "+06:00", "-03:30", "+00:00". */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The UTC instant next to a local time: only the time when the date is the same, else date and time. */
function utcBeside(local: string, utc: string): string {
  const at = instant(utc);
  return at.slice(0, 10) === local.slice(0, 10) ? at.slice(11) : at;
}

export function captureTimeText(time: CaptureTime | null): string {
  if (time === null) return 'no capture time recorded';
  const from = ` [${time.field || time.source}]`;
  // A file's own modification time is not a capture time; it is said as what it is.
  if (time.source === 'file-mtime') return `no capture time recorded; file modified ${time.utc === null ? 'at an unknown time' : `${instant(time.utc)} UTC`}${from}`;
  if (time.local === null) return time.utc === null ? `no capture time recorded${from}` : `${instant(time.utc)} UTC, local time not recorded${from}`;
  if (!time.offsetKnown || time.utc === null) return `${wall(time.local)}, time zone not recorded${from}`;
  const offset = time.utcOffsetMinutes === null ? '' : ` ${offsetText(time.utcOffsetMinutes)}`;
  return `${wall(time.local)}${offset} (${utcBeside(time.local, time.utc)} UTC)${from}`;
}

/** The item's capture time; from its summary fields when its metadata could not be read. */
export function itemCaptureText(item: Pick<ItemDetail, 'metadata' | 'capturedLocal' | 'capturedUtc' | 'captureSource'>): string {
  const time = item.metadata?.captureTime;
  if (time !== undefined) return captureTimeText(time);
  if (item.capturedLocal === null && item.capturedUtc === null) return 'no capture time recorded';
  return captureTimeText({
    local: item.capturedLocal,
    utc: item.capturedUtc,
    utcOffsetMinutes: null,
    offsetKnown: item.capturedUtc !== null,
    source: (item.captureSource ?? 'exif') as CaptureTime['source'],
    field: item.captureSource ?? 'source not recorded',
  });
}

/**
 * The capture time in a `tamga search` line: the camera's clock time to the second; a UTC
 * instant alone keeps its Z, so that it is never read as a local time (cut to 19
 * characters it looked exactly like one).
 */
export function searchWhenText(i: Pick<ItemDetail, 'capturedLocal' | 'capturedUtc'>): string {
  if (i.capturedLocal !== null) return i.capturedLocal.slice(0, 19);
  if (i.capturedUtc !== null) return `${i.capturedUtc.slice(0, 19)}Z`;
  return '—';
}
