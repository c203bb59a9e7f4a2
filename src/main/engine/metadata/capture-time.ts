/**
 * Chooses the capture time among the candidates a file offers, by one fixed precedence:
 *
 *   EXIF DateTimeOriginal (+ OffsetTimeOriginal, + SubSecTimeOriginal)
 *   > XMP exif:DateTimeOriginal > XMP photoshop:DateCreated > IPTC DateCreated + TimeCreated
 *   > EXIF DateTimeDigitized (+ OffsetTimeDigitized) > XMP xmp:CreateDate
 *   > QuickTime com.apple.quicktime.creationdate > udta 'date' > udta '©day'
 *   > mvhd creation time > file modification time.
 *
 * The first candidate that parses wins; each one tried before it that was blank, zero or
 * malformed is named in `problems`. A local time without a zone stays without one, except
 * that an EXIF time may take the zone of an XMP date stating the very same clock time
 * (Lightroom and cameras' XMP often carry the zone EXIF lacks). mvhd and the file time are
 * instants: `utc` is set and `local` is null, because the camera's zone is unknown.
 */
import type { CaptureTime, CaptureTimeSource } from '../../../shared/metadata';
import { formatOffset, isoFromMillis, localToUtc, parseExifDateTime, parseIsoDateTime, parseOffset, type LocalDateTime } from './datetime';
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
  'file modification time',
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
  'file modification time': 'file-mtime',
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

function fromLocal(p: Parsed, field: string): CaptureTime {
  const { local, offsetMinutes } = p.value;
  const utc = offsetMinutes === null ? null : localToUtc(local, offsetMinutes);
  return { local, utcOffsetMinutes: utc === null ? null : offsetMinutes, utc, source: SOURCE_OF[p.candidate.field], offsetKnown: utc !== null, field };
}

/** An XMP date stating the same clock time with a zone lends that zone to an EXIF time. */
function borrowXmpZone(winner: Parsed, others: readonly DateCandidate[], problems: Problems): { offset: number; field: string } | null {
  for (const c of others) {
    if (c.kind !== 'local' || !c.field.startsWith('XMP')) continue;
    const p = parseCandidate(c, problems, false);
    if (p && p.value.offsetMinutes !== null && secondsOf(p.value.local) === secondsOf(winner.value.local)) {
      return { offset: p.value.offsetMinutes, field: c.field };
    }
  }
  return null;
}

export function chooseCaptureTime(candidates: readonly DateCandidate[], fileModifiedAt: string | undefined, problems: Problems): CaptureTime | null {
  const all: DateCandidate[] = [...candidates];
  if (fileModifiedAt !== undefined) {
    const utc = isoFromMillis(Date.parse(fileModifiedAt));
    if (utc) all.push({ kind: 'instant', field: 'file modification time', utc });
  }
  const ordered = all.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
  for (const c of ordered) {
    if (c.kind === 'instant') {
      return { local: null, utcOffsetMinutes: null, utc: c.utc, source: SOURCE_OF[c.field], offsetKnown: true, field: c.field };
    }
    const p = parseCandidate(c, problems, true);
    if (!p) continue;
    const hasOwnOffset = p.value.offsetMinutes !== null;
    let field: string = c.field;
    if (hasOwnOffset && c.offsetField && c.offsetText !== undefined) field = `${c.field} + ${c.offsetField}`;
    if (!hasOwnOffset && c.field.startsWith('EXIF')) {
      const borrowed = borrowXmpZone(p, ordered, problems);
      if (borrowed) {
        const lent: Parsed = { candidate: p.candidate, value: { local: p.value.local, offsetMinutes: borrowed.offset } };
        return fromLocal(lent, `${c.field} (zone ${formatOffset(borrowed.offset)} from ${borrowed.field}, same clock time)`);
      }
    }
    return fromLocal(p, field);
  }
  return null;
}
