/**
 * The Content-Type of served media, from an allowlist keyed by the format sniffed from
 * the content (never by a file name). Only image and video types a browser renders as
 * media are ever named; everything else, including anything that sniffed as HTML, SVG,
 * XML or text, goes out as application/octet-stream, which with `nosniff` no element
 * renders and no frame would treat as a document. Pure, for unit tests.
 */
import type { MediaVariant } from '../../shared/media';

export const OPAQUE_TYPE = 'application/octet-stream';

/** What the thumbnailer writes. */
const THUMBNAIL_TYPES: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

/** Originals the window may show or play itself (HEIC, TIFF and raw files are shown by their preview). */
const ORIGINAL_TYPES: Readonly<Record<string, string>> = {
  ...THUMBNAIL_TYPES,
  gif: 'image/gif',
  bmp: 'image/bmp',
  avif: 'image/avif',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  '3g2': 'video/3gpp2',
};

/** What a playable preview is (thumbnails/ffmpeg-transcode.ts). */
const PLAYABLE_TYPES: Readonly<Record<string, string>> = { webm: 'video/webm' };

export function mediaContentType(variant: MediaVariant, format: string | null): string {
  if (format === null) return OPAQUE_TYPE;
  const table = variant === 'original' ? ORIGINAL_TYPES : variant === 'playable' ? PLAYABLE_TYPES : THUMBNAIL_TYPES;
  return Object.hasOwn(table, format) ? (table[format] ?? OPAQUE_TYPE) : OPAQUE_TYPE;
}
