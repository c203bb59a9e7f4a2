/**
 * JPEG's segment structure: the frame header (SOF) that states the pixel size, and the
 * APP1 "Exif" segment whose TIFF payload goes to exifr. The walk follows segment lengths
 * and, where a length is a few bytes off (it happens in real files), resumes at the next
 * marker as viewers do. It stops at the image data (SOS): metadata never follows it.
 */
import type { PixelSize } from '../../../shared/metadata';
import { statedSize } from './image-size';
import type { Problems } from './problems';

interface Segment {
  readonly marker: number;
  readonly offset: number;
  /** Payload bounds (after the 2-byte length), clamped to the data. */
  readonly start: number;
  readonly end: number;
  /** True when the segment claims more bytes than the data holds. */
  readonly cut: boolean;
}

/** The next plausible segment marker within 64 KiB after `pos`, or -1. */
function nextMarker(buf: Buffer, pos: number): number {
  const stop = Math.min(buf.length - 1, pos + 65_536);
  for (let at = pos; at < stop; at++) {
    const m = buf[at + 1] ?? 0;
    if (buf[at] === 0xff && ((m >= 0xc0 && m <= 0xfe && m !== 0xd8) || m === 0xd9)) return at;
  }
  return -1;
}

/** The segments before the image data; `problems` is told about resynchronisations. */
function segments(buf: Buffer, problems: Problems | null): Segment[] {
  const out: Segment[] = [];
  let pos = 2;
  for (let n = 0; n < 10_000 && pos + 4 <= buf.length; n++) {
    if (buf[pos] !== 0xff) {
      const next = nextMarker(buf, pos);
      if (next === -1) {
        problems?.add(`The JPEG structure is broken at byte ${pos} (no marker where one belongs); the rest was not read.`);
        break;
      }
      problems?.add(`The JPEG segment before byte ${pos} has a wrong length; reading resumed at the next marker (byte ${next}).`);
      pos = next;
      continue;
    }
    const marker = buf[pos + 1] ?? 0;
    if (marker === 0xff) {
      pos += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) {
      out.push({ marker, offset: pos, start: pos + 2, end: pos + 2, cut: false });
      break;
    }
    const length = buf.readUInt16BE(pos + 2);
    if (length < 2) {
      problems?.add(`A JPEG segment at byte ${pos} has an impossible length (${length}); the rest was not read.`);
      break;
    }
    const end = pos + 2 + length;
    out.push({ marker, offset: pos, start: pos + 4, end: Math.min(end, buf.length), cut: end > buf.length });
    pos = end;
  }
  return out;
}

const isSof = (m: number): boolean => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

export function jpegSize(buf: Buffer, problems: Problems): PixelSize | null {
  const sof = segments(buf, problems).find((s) => isSof(s.marker));
  if (!sof || sof.end - sof.start < 5) {
    problems.add('No JPEG frame header (SOF) was found before the image data or the end of the file; no pixel size.');
    return null;
  }
  const height = buf.readUInt16BE(sof.start + 1);
  const width = buf.readUInt16BE(sof.start + 3);
  if (height === 0 && width > 0) {
    // Height 0 means "given later by a DNL marker" after the first scan; not read here.
    problems.add(`The JPEG frame header gives width ${width} but height 0 (the height follows the image data); no pixel size recorded.`);
    return null;
  }
  return statedSize(width, height, 'jpeg-sof', 'JPEG frame header', problems);
}

/**
 * Whether the image data is followed by an end-of-image marker. Entropy-coded data never
 * contains FF D9 (a data FF is always followed by 00 or a restart marker), so its absence
 * after the start of scan means the file was cut short. Data appended after the marker
 * (motion photos, maker trailers) does not matter.
 */
export function jpegEndsProperly(buf: Buffer): boolean | null {
  const sos = segments(buf, null).find((s) => s.marker === 0xda);
  if (!sos) return null;
  return buf.indexOf(EOI, sos.end) !== -1;
}

const EOI = Buffer.from([0xff, 0xd9]);

/** The TIFF payload of the first APP1 "Exif" segment (cut short when the file is); null when there is none. */
export function jpegExif(buf: Buffer, problems: Problems): Buffer | null {
  const app1 = segments(buf, null).find((s) => s.marker === 0xe1 && buf.toString('latin1', s.start, s.start + 6) === 'Exif\0\0');
  if (!app1) return null;
  if (app1.cut) problems.add(`The EXIF segment is truncated (it claims to end at byte ${app1.offset + 2 + buf.readUInt16BE(app1.offset + 2)} but the file ends at byte ${buf.length}); what is there was read.`);
  return buf.subarray(app1.start + 6, app1.end);
}
