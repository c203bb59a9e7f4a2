/**
 * Chooses the capture time among the candidates a file offers, by one fixed precedence:
 *
 *   EXIF DateTimeOriginal (+ OffsetTimeOriginal, + SubSecTimeOriginal)
 *   > XMP exif:DateTimeOriginal > XMP photoshop:DateCreated > IPTC DateCreated + TimeCreated
 *   > EXIF DateTimeDigitized (+ OffsetTimeDigitized) > XMP xmp:CreateDate
 *   > QuickTime com.apple.quicktime.creationdate > udta 'date' > udta '©day'
 *   > mvhd creation time.
 *
 * The first candidate that parses wins; each one tried before it that was blank, zero or
 * malformed is named in `problems`. None at all is no capture time: the file's modification
 * time says when a copy was last written, not when anything was seen, and stays a file time.
 *
 * An instant is known only when the file itself establishes it: EXIF OffsetTime…, a zone on
 * a QuickTime creationdate or udta date, or the movie header (UTC by the standard). A zone
 * written by editing software (XMP, IPTC: the editing computer's zone) is a hint, and so is
 * the movie header of a camera known to write its local clock there (GoPro, DJI): such a
 * time stays a clock time with `zoneHint` saying why. A GPS time, where there is one, is set
 * beside the result (`gpsCheck`) and any disagreement is said in `problems`.
 */
import { gpsMention, hintOpening, localClockOpening } from '../../../shared/capture-notes';
import type { CaptureTime, CaptureTimeSource, GpsTimeCheck, ZoneHint } from '../../../shared/metadata';
import { formatOffset, localToUtc, parseExifDateTime, parseIsoDateTime, parseOffset, type LocalDateTime } from './datetime';
import type { Problems } from './problems';

export const CAPTURE_TIME_PRECEDENCE = [
  'EXIF DateTimeOriginal',
  'XMP exif:DateTimeOriginal',
  'XMP photoshop:DateCreated',
  'IPTC DateCreated + TimeCreated',
  'EXIF DateTimeDigitized',
  'XMP xmp:CreateDate',
  'QuickTime com.apple.quicktime.creationdate',
  "udta 'date'",
  "udta '©day'",
  'mvhd creation time',
] as const;

export type DateField = (typeof CAPTURE_TIME_PRECEDENCE)[number];

const SOURCE_OF: Readonly<Record<DateField, CaptureTimeSource>> = {
  'EXIF DateTimeOriginal': 'exif',
  'XMP exif:DateTimeOriginal': 'xmp',
  'XMP photoshop:DateCreated': 'xmp',
  'IPTC DateCreated + TimeCreated': 'iptc',
  'EXIF DateTimeDigitized': 'exif-digitized',
  'XMP xmp:CreateDate': 'xmp',
  'QuickTime com.apple.quicktime.creationdate': 'quicktime-creationdate',
  "udta 'date'": 'udta-date',
  "udta '©day'": 'udta-date',
  'mvhd creation time': 'mvhd',
};

export type DateCandidate =
  | {
      readonly kind: 'local';
      readonly field: DateField;
      readonly text: unknown;
      /** EXIF's "YYYY:MM:DD HH:MM:SS" or ISO 8601 (XMP, QuickTime). */
      readonly style: 'exif' | 'iso';
      /** EXIF only: the OffsetTime… and SubSecTime… values that go with it. */
      readonly offsetText?: unknown;
      readonly offsetField?: string;
      readonly subsecText?: unknown;
    }
  | { readonly kind: 'instant'; readonly field: DateField; readonly utc: string };

const rank = (c: DateCandidate): number => CAPTURE_TIME_PRECEDENCE.indexOf(c.field);

function withSubseconds(local: string, subsec: unknown): string {
  if (local.includes('.') || (typeof subsec !== 'string' && typeof subsec !== 'number')) return local;
  const digits = String(subsec).replace(/\0/g, '').trim();
  return /^\d{1,9}$/.test(digits) ? `${local}.${digits}` : local;
}

const secondsOf = (local: string): string => local.slice(0, 19);

interface Parsed {
  readonly candidate: DateCandidate & { kind: 'local' };
  readonly value: LocalDateTime;
}

function parseCandidate(c: DateCandidate & { kind: 'local' }, problems: Problems, report: boolean): Parsed | null {
  const parsed = c.style === 'exif' ? parseExifDateTime(c.text) : parseIsoDateTime(c.text);
  if (!parsed.ok) {
    if (report) problems.add(`${c.field} ${parsed.reason}; treated as absent.`);
    return null;
  }
  let { local, offsetMinutes } = parsed.value;
  local = withSubseconds(local, c.subsecText);
  if (offsetMinutes === null && c.offsetText !== undefined) {
    offsetMinutes = parseOffset(typeof c.offsetText === 'string' ? c.offsetText : null);
    const blank = typeof c.offsetText === 'string' && c.offsetText.replace(/[\s:\0]/g, '') === '';
    if (offsetMinutes === null && !blank && report) problems.add(`${c.offsetField ?? 'The UTC offset'} is not a valid offset (${JSON.stringify(c.offsetText)}); the zone is unknown.`);
  }
  return { candidate: c, value: { local, offsetMinutes } };
}

/** What the file says around its dates: who wrote the movie header, and the GPS clock. */
export interface CaptureContext {
  /** The camera family known to write local time into mvhd ("GoPro"), when the file is from one. */
  readonly localClockCamera?: string | null;
  /** The GPS clock as ISO UTC, with the tag(s) it was read from. */
  readonly gpsTime?: { readonly utc: string; readonly field: string } | null;
}

const HINT_REASON = { XMP: 'xmp-zone', IPTC: 'iptc-zone' } as const;

/** The sentence `problems` carries for a hint (the window words it from `zoneHint` itself). */
function hintSentence(hint: ZoneHint, local: string): string {
  if (hint.reason === 'mvhd-local-clock') {
    return `${localClockOpening(hint.camera ?? 'This')} time into the movie header (mvhd), which the standard says is UTC: ${local.replace('T', ' ')} is the camera's clock, its time zone unknown.`;
  }
  const who = hint.reason === 'xmp-zone' ? 'XMP dates are written by editing software (Photoshop, Lightroom, digiKam)' : 'IPTC times are written by captioning and editing software';
  return `${hintOpening(hint.field)}${formatOffset(hint.offsetMinutes ?? 0)}, but ${who} in the zone of the computer it ran on, not necessarily the camera's: the zone is a hint, the instant is not known.`;
}

function fromLocal(p: Parsed, field: string, hint?: ZoneHint): CaptureTime {
  const { local, offsetMinutes } = p.value;
  if (hint !== undefined) return { local, utcOffsetMinutes: null, utc: null, source: SOURCE_OF[p.candidate.field], offsetKnown: false, field, zoneHint: hint };
  const utc = offsetMinutes === null ? null : localToUtc(local, offsetMinutes);
  return { local, utcOffsetMinutes: utc === null ? null : offsetMinutes, utc, source: SOURCE_OF[p.candidate.field], offsetKnown: utc !== null, field };
}

/** An XMP date stating the same clock time with a zone: that zone, as a hint for an EXIF time. */
function xmpZoneHint(winner: Parsed, others: readonly DateCandidate[], problems: Problems): ZoneHint | null {
  for (const c of others) {
    if (c.kind !== 'local' || !c.field.startsWith('XMP')) continue;
    const p = parseCandidate(c, problems, false);
    if (p && p.value.offsetMinutes !== null && secondsOf(p.value.local) === secondsOf(winner.value.local)) {
      return { reason: 'xmp-zone', offsetMinutes: p.value.offsetMinutes, field: c.field };
    }
  }
  return null;
}

function choose(ordered: readonly DateCandidate[], context: CaptureContext, problems: Problems): CaptureTime | null {
  for (const c of ordered) {
    if (c.kind === 'instant') {
      const camera = context.localClockCamera ?? null;
      if (camera !== null && c.field === 'mvhd creation time') {
        // The digits are the camera's clock: the same digits, without the claim of UTC.
        const local = c.utc.replace(/Z$/, '');
        const zoneHint: ZoneHint = { reason: 'mvhd-local-clock', offsetMinutes: null, field: c.field, camera };
        problems.add(hintSentence(zoneHint, local));
        return { local, utcOffsetMinutes: null, utc: null, source: SOURCE_OF[c.field], offsetKnown: false, field: c.field, zoneHint };
      }
      return { local: null, utcOffsetMinutes: null, utc: c.utc, source: SOURCE_OF[c.field], offsetKnown: true, field: c.field };
    }
    const p = parseCandidate(c, problems, true);
    if (!p) continue;
    const hasOwnOffset = p.value.offsetMinutes !== null;
    let field: string = c.field;
    if (hasOwnOffset && c.offsetField && c.offsetText !== undefined) field = `${c.field} + ${c.offsetField}`;
    const editor = c.field.startsWith('XMP') ? HINT_REASON.XMP : c.field.startsWith('IPTC') ? HINT_REASON.IPTC : null;
    if (hasOwnOffset && editor !== null) {
      const zoneHint: ZoneHint = { reason: editor, offsetMinutes: p.value.offsetMinutes, field: c.field };
      problems.add(hintSentence(zoneHint, p.value.local));
      return fromLocal(p, field, zoneHint);
    }
    if (!hasOwnOffset && c.field.startsWith('EXIF')) {
      const zoneHint = xmpZoneHint(p, ordered, problems);
      if (zoneHint) {
        problems.add(hintSentence(zoneHint, p.value.local));
        return fromLocal(p, field, zoneHint);
      }
    }
    return fromLocal(p, field);
  }
  return null;
}

/** GPS fixes and shutters a couple of minutes apart are the same moment for this check. */
const GPS_TOLERANCE_SECONDS = 120;
const MAX_ZONE_MINUTES = 14 * 60;

const millisOf = (iso: string): number => Date.parse(/[Zz]$|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}Z`);

function formatDifference(seconds: number): string {
  const abs = Math.abs(seconds);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  return [h > 0 ? `${h} h` : '', m > 0 ? `${m} min` : '', h === 0 && s > 0 ? `${s} s` : ''].filter(Boolean).join(' ') || '0 s';
}

/** The capture time against the GPS clock; the problem sentence says any disagreement with both values. */
export function checkAgainstGps(time: CaptureTime, gps: { utc: string; field: string }, problems: Problems): GpsTimeCheck | null {
  const gpsMs = millisOf(gps.utc);
  const captureMs = time.utc !== null ? millisOf(time.utc) : time.local !== null ? millisOf(time.local) : Number.NaN;
  if (!Number.isFinite(gpsMs) || !Number.isFinite(captureMs)) return null;
  const differenceSeconds = Math.round((captureMs - gpsMs) / 1000);
  const base = { gpsUtc: gps.utc, field: gps.field, differenceSeconds };
  if (time.utc !== null) {
    if (Math.abs(differenceSeconds) <= GPS_TOLERANCE_SECONDS) return { ...base, result: 'agrees', impliedOffsetMinutes: null };
    problems.add(
      `The capture time (${time.utc}) and ${gpsMention(gps.utc)}, ${gps.field}) differ by ${formatDifference(differenceSeconds)}: one of the two clocks was wrong, or the GPS fix is older than the picture.`,
    );
    return { ...base, result: 'disagrees', impliedOffsetMinutes: null };
  }
  const zoneMinutes = Math.round(differenceSeconds / 900) * 15;
  const fits = Math.abs(differenceSeconds - zoneMinutes * 60) <= GPS_TOLERANCE_SECONDS && Math.abs(zoneMinutes) <= MAX_ZONE_MINUTES;
  const clock = (time.local ?? '').replace('T', ' ');
  if (!fits) {
    problems.add(`The camera clock (${clock}, zone unknown) and ${gpsMention(gps.utc)}, ${gps.field}) are ${formatDifference(differenceSeconds)} apart, which no time zone explains: the camera clock or the GPS fix is off.`);
    return { ...base, result: 'no-zone-fits', impliedOffsetMinutes: null };
  }
  const hinted = time.zoneHint?.offsetMinutes ?? null;
  if (hinted !== null && hinted !== zoneMinutes) {
    problems.add(
      `${time.zoneHint?.field ?? 'The zone hint'} states ${formatOffset(hinted)}, but ${gpsMention(gps.utc)}) puts the camera clock (${clock}) at ${formatOffset(zoneMinutes)}: the two disagree.`,
    );
  }
  return { ...base, result: 'implies-zone', impliedOffsetMinutes: zoneMinutes };
}

export function chooseCaptureTime(candidates: readonly DateCandidate[], problems: Problems, context: CaptureContext = {}): CaptureTime | null {
  const ordered = candidates.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
  const time = choose(ordered, context, problems);
  if (time === null || !context.gpsTime) return time;
  const gpsCheck = checkAgainstGps(time, context.gpsTime, problems);
  return gpsCheck === null ? time : { ...time, gpsCheck };
}
