/**
 * Recognises a file's format from its first bytes (magic numbers and, for the ISO-BMFF
 * family, the `ftyp` brands). The name is never trusted: a file renamed from .mov to .heic
 * is still a movie, and HTML renamed to .jpg must never be handed to an image viewer.
 */
import type { MediaKind } from '../../../shared/metadata';

/** `exiftool`: a photo format none of Tamga's own readers parse; only ExifTool reads it (metadata/exiftool). */
export type Family = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'tiff' | 'isobmff' | 'exiftool' | 'none';

export interface Sniffed {
  readonly family: Family;
  readonly format: string | null;
  readonly mime: string | null;
  readonly kind: MediaKind;
  /** For content we do not import as media, what it looks like ("HTML", "plain text"), for messages. */
  readonly looksLike: string | null;
  /** ISO-BMFF only: the major brand and the compatible brands, as written. */
  readonly brands: { readonly major: string; readonly compatible: readonly string[] } | null;
}

/** How many bytes `sniff` wants to see: enough for any sane `ftyp`. */
export const SNIFF_BYTES = 4096;

interface FormatId {
  readonly format: string;
  readonly mime: string;
  readonly kind: MediaKind;
}

const photo = (format: string, mime: string): FormatId => ({ format, mime, kind: 'photo' });
const video = (format: string, mime: string): FormatId => ({ format, mime, kind: 'video' });

const BRANDS: ReadonlyMap<string, FormatId> = new Map([
  ...['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs'].map((b) => [b, photo('heic', 'image/heic')] as const),
  ...['mif1', 'msf1', 'mif2', 'miaf'].map((b) => [b, photo('heif', 'image/heif')] as const),
  ...['avif', 'avis'].map((b) => [b, photo('avif', 'image/avif')] as const),
  ['crx ', photo('cr3', 'image/x-canon-cr3')],
  ['qt  ', video('mov', 'video/quicktime')],
  ...['M4V ', 'M4VH', 'M4VP'].map((b) => [b, video('m4v', 'video/x-m4v')] as const),
  ...['3g2a', '3g2b', '3g2c'].map((b) => [b, video('3g2', 'video/3gpp2')] as const),
  ...['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'mmp4', 'dash', 'msnv', 'MSNV', 'NDAS', 'XAVC', 'f4v ', 'MP4 ', 'mp71'].map(
    (b) => [b, video('mp4', 'video/mp4')] as const,
  ),
  ...['M4A ', 'M4B ', 'M4P '].map((b) => [b, { format: 'm4a', mime: 'audio/mp4', kind: 'other' as const }] as const),
]);

function brandFormat(brand: string): FormatId | null {
  const known = BRANDS.get(brand);
  if (known) return known;
  // 3GPP release brands: 3gp4…3gp9, 3gg*, 3gs*, 3ge*, 3gr*, 3gt*.
  if (/^3g[pgsert][0-9a-z]$/.test(brand)) return video('3gp', 'video/3gpp');
  return null;
}

/**
 * The major brand is the writer's statement of what the file is ("mif1": a HEIF image,
 * "heic": a HEVC-coded one, "qt  ": a QuickTime movie), as ExifTool also reads it; the
 * compatible brands decide only when the major brand is unknown.
 */
function formatFromBrands(major: string, compatible: readonly string[]): FormatId | null {
  const fromMajor = brandFormat(major);
  if (fromMajor) return fromMajor;
  for (const brand of compatible) {
    const id = brandFormat(brand);
    if (id) return id;
  }
  return null;
}

/** QuickTime files from before `ftyp` existed start directly with one of these atoms. */
const CLASSIC_QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'pnot', 'skip', 'free']);

const none = (looksLike: string | null): Sniffed => ({ family: 'none', format: null, mime: null, kind: 'other', looksLike, brands: null });

function sniffIsoBmff(head: Buffer): Sniffed | null {
  if (head.length < 8) return null;
  const type = head.toString('latin1', 4, 8);
  if (type === 'ftyp') {
    const size = head.readUInt32BE(0);
    const end = Math.min(head.length, size >= 16 ? size : 16);
    if (end < 12) return null;
    const major = head.toString('latin1', 8, 12);
    const compatible: string[] = [];
    for (let at = 16; at + 4 <= end && compatible.length < 64; at += 4) compatible.push(head.toString('latin1', at, at + 4));
    const id = formatFromBrands(major, compatible);
    const brands = { major, compatible };
    if (!id) return { family: 'isobmff', format: null, mime: null, kind: 'other', looksLike: `an ISO media file of brand "${major}"`, brands };
    return { family: 'isobmff', ...id, looksLike: null, brands };
  }
  if (CLASSIC_QUICKTIME_ATOMS.has(type) && head.readUInt32BE(0) >= 8) {
    return { family: 'isobmff', ...video('mov', 'video/quicktime'), looksLike: null, brands: null };
  }
  return null;
}

function startsWith(head: Buffer, bytes: readonly number[], at = 0): boolean {
  return head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 without control characters (a cut-off last character is allowed). */
function looksLikeText(sample: Buffer): boolean {
  if (sample.length === 0) return false;
  let text: string;
  try {
    text = UTF8.decode(sample.subarray(0, sample.length - trailingPartial(sample)));
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return false;
  }
  return true;
}

/** Bytes of an incomplete UTF-8 sequence at the end of `b` (0–3). */
function trailingPartial(b: Buffer): number {
  for (let back = 1; back <= Math.min(3, b.length); back++) {
    const byte = b[b.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** What unrecognised content looks like, so that a message can say "HTML" rather than "unknown". */
function describeUnknown(head: Buffer): string | null {
  const text = head.toString('latin1', 0, Math.min(head.length, 512));
  if (/^\s*<(!doctype html|html|head|body|script|iframe)/i.test(text)) return 'HTML';
  if (/^\s*<\?xml/i.test(text) || /^\s*<svg/i.test(text)) return 'XML';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) return 'a PDF document';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive';
  if (startsWith(head, [0x4d, 0x5a])) return 'a Windows program';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'a Linux program';
  if (looksLikeText(head.subarray(0, 512))) return 'plain text';
  return null;
}

/**
 * Camera and still formats that Tamga's own readers do not parse, by their magic numbers (as
 * ExifTool recognises them): they are photos, read by ExifTool alone (see exiftool/fallback.ts).
 */
const EXIFTOOL_ONLY: ReadonlyArray<{ readonly at: number; readonly bytes: readonly number[]; readonly format: string; readonly mime: string }> = [
  { at: 0, bytes: [...Buffer.from('II\x1a\0\0\0HEAPCCDR', 'latin1')], format: 'crw', mime: 'image/x-canon-crw' },
  { at: 0, bytes: [...Buffer.from('FUJIFILMCCD-RAW ', 'latin1')], format: 'raf', mime: 'image/x-fujifilm-raf' },
  { at: 0, bytes: [0x49, 0x49, 0x55, 0x00], format: 'rw2', mime: 'image/x-panasonic-rw2' },
  { at: 0, bytes: [0x00, 0x4d, 0x52, 0x4d], format: 'mrw', mime: 'image/x-minolta-mrw' },
  { at: 0, bytes: [...Buffer.from('FOVb', 'latin1')], format: 'x3f', mime: 'image/x-sigma-x3f' },
  { at: 0, bytes: [0x49, 0x49, 0x52, 0x4f], format: 'orf', mime: 'image/x-olympus-orf' },
  { at: 0, bytes: [0x49, 0x49, 0x52, 0x53], format: 'orf', mime: 'image/x-olympus-orf' },
  // JPEG XL: the bare codestream, and the ISO-BMFF-like container with its 'JXL ' signature box.
  { at: 0, bytes: [0xff, 0x0a], format: 'jxl', mime: 'image/jxl' },
  { at: 0, bytes: [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a], format: 'jxl', mime: 'image/jxl' },
  // Exiv2's metadata sidecar: a JPEG-like marker stream that starts 0xFF 0x01 "Exiv2".
  { at: 0, bytes: [0xff, 0x01, ...Buffer.from('Exiv2', 'latin1')], format: 'exv', mime: 'image/x-exv' },
];

export function sniff(head: Buffer): Sniffed {
  if (head.length === 0) return none(null);
  // A JPEG cut after its first marker is still a JPEG (with nothing in it).
  if (startsWith(head, [0xff, 0xd8, 0xff]) || (head.length === 2 && startsWith(head, [0xff, 0xd8]))) return { family: 'jpeg', ...photo('jpeg', 'image/jpeg'), looksLike: null, brands: null };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { family: 'png', ...photo('png', 'image/png'), looksLike: null, brands: null };
  }
  const ascii6 = head.toString('latin1', 0, 6);
  if (ascii6 === 'GIF87a' || ascii6 === 'GIF89a') return { family: 'gif', ...photo('gif', 'image/gif'), looksLike: null, brands: null };
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') {
    return { family: 'webp', ...photo('webp', 'image/webp'), looksLike: null, brands: null };
  }
  for (const id of EXIFTOOL_ONLY) {
    if (startsWith(head, id.bytes, id.at)) return { family: 'exiftool', ...photo(id.format, id.mime), looksLike: null, brands: null };
  }
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) {
    // Canon CR2 marks itself right after the TIFF header; DNG and NEF are told apart later
    // from their IFDs (see tiff-ifd.ts).
    if (head.toString('latin1', 8, 10) === 'CR' && head[10] === 2) {
      return { family: 'tiff', ...photo('cr2', 'image/x-canon-cr2'), looksLike: null, brands: null };
    }
    return { family: 'tiff', ...photo('tiff', 'image/tiff'), looksLike: null, brands: null };
  }
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 18) {
    // "BM" alone is too weak: also require a known DIB header size.
    const dibSize = head.readUInt32LE(14);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibSize)) return { family: 'bmp', ...photo('bmp', 'image/bmp'), looksLike: null, brands: null };
  }
  const iso = sniffIsoBmff(head);
  if (iso) return iso;
  return none(describeUnknown(head));
}
