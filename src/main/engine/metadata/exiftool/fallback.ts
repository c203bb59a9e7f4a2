/**
 * ExifTool as the reader of last resort. Tamga's own readers run first and stay first: ExifTool
 * is asked only about a file they leave without the basic facts, and it fills only what they
 * left unknown (never overrides a value they read):
 * - formats they do not parse at all (CR3, CRW, RAF, RW2, MRW, ORF, X3F, JPEG XL, EXV);
 * - photos they read no capture time from (a JPEG whose date is in a Canon CIFF or FLIR
 *   record, a PNG whose EXIF is in a text chunk, an AVIF sequence, an ARW whose directories
 *   Tamga's TIFF reader cannot follow), or nothing of the camera, or no pixel size.
 * Videos never: Tamga's own video readers are complete for the fields compared, and a video
 * is the one file ExifTool could take long over. A JPEG, HEIC or MP4 that Tamga reads fully
 * never reaches ExifTool, so the fallback cannot slow those imports
 * (tests/integration/exiftool-fallback.test.ts checks it is not called).
 *
 * ExifTool reads the source file at its path (it reads files, not streams; writing the
 * decrypted copy to disk for it would put plaintext on disk). What it read counts only if
 * the source is still the file that was archived: same size and modification time before
 * and after ExifTool's read as when the import read it (the check the import itself makes,
 * read-source.ts); otherwise nothing of it is kept and the item says why.
 */
import { exiftoolFailureOf } from '../../../../shared/exiftool-notes';
import type { ExifToolFailureReason, ExifToolField, ExifToolUse, ExtractedMetadata } from '../../../../shared/metadata';
import { notReadByOwnReaders } from '../not-read';
import { EXIF_TURN } from '../orientation';
import { Problems } from '../problems';
import { captureTimeOf, gpsOf, makeOf, modelOf, orientationOf, pixelSizeOf, type ExifToolTags } from './exiftool-fields';
import type { ExifToolSession } from './exiftool-session';

/** Formats only ExifTool reads (sniff.ts family `exiftool`, and CR3 inside ISO-BMFF). */
const EXIFTOOL_FORMATS = new Set(['cr3', 'crw', 'raf', 'rw2', 'mrw', 'orf', 'x3f', 'jxl', 'exv']);

export function wantsExifTool(meta: ExtractedMetadata): boolean {
  if (meta.format !== null && EXIFTOOL_FORMATS.has(meta.format)) return true;
  if (meta.kind !== 'photo') return false;
  return meta.captureTime === null || (meta.make === null && meta.model === null) || meta.pixelSize === null;
}

export interface FallbackResult {
  readonly metadata: ExtractedMetadata;
  /** ExifTool's whole output for the file, to be kept (encrypted) with the item; null when none. */
  readonly tags: ExifToolTags | null;
  readonly version: string | null;
}

const turned = (o: number | null): boolean => o !== null && (EXIF_TURN[o]?.cw === 90 || EXIF_TURN[o]?.cw === 270);

/** Fills what `meta` leaves unknown from ExifTool's tags; never replaces a value Tamga read. */
export function fillFromExifTool(meta: ExtractedMetadata, tags: ExifToolTags, version: string): ExtractedMetadata {
  const problems = new Problems();
  const filled: ExifToolField[] = [];
  const take = <T>(field: ExifToolField, own: T | null, theirs: () => T | null): T | null => {
    if (own !== null) return own;
    const value = theirs();
    if (value !== null) filled.push(field);
    return value;
  };
  const captureTime = take('captureTime', meta.captureTime, () => captureTimeOf(tags, problems));
  const make = take('make', meta.make, () => makeOf(tags));
  const model = take('model', meta.model, () => modelOf(tags));
  const pixelSize = take('pixelSize', meta.pixelSize, () => pixelSizeOf(tags));
  const gps = take('gps', meta.gps, () => gpsOf(tags));
  const orientation = meta.kind === 'photo' ? take('orientation', meta.orientation, () => orientationOf(tags)) : meta.orientation;
  const displaySize =
    meta.displaySize ?? (pixelSize === null ? null : turned(orientation) ? { width: pixelSize.height, height: pixelSize.width } : { width: pixelSize.width, height: pixelSize.height });
  const notRead = meta.format === null ? null : notReadByOwnReaders(meta.format);
  const use: ExifToolUse = { status: 'read', version, filled };
  return {
    ...meta,
    captureTime,
    make,
    model,
    pixelSize,
    gps,
    orientation,
    displaySize,
    exiftool: use,
    // Said once ExifTool read the file: the sentence that the format is not read no longer holds.
    problems: [...meta.problems.filter((p) => p !== notRead), ...problems.toArray()],
  };
}

export function withFailure(meta: ExtractedMetadata, reason: ExifToolFailureReason, detail?: string): ExtractedMetadata {
  const use: ExifToolUse = { status: 'failed', version: null, filled: [], reason, ...(detail !== undefined ? { detail } : {}) };
  return { ...meta, exiftool: use, problems: [...meta.problems, exiftoolFailureOf({ exiftool: use }) ?? ''] };
}

/**
 * Asks ExifTool about the file at `path` when `meta` needs it. `unchanged` says whether the
 * source is still the archived file; it is asked before and after the read.
 */
export async function readWithFallback(
  meta: ExtractedMetadata,
  session: ExifToolSession | undefined,
  path: string,
  unchanged: () => Promise<boolean>,
): Promise<FallbackResult> {
  if (session === undefined || !wantsExifTool(meta)) return { metadata: meta, tags: null, version: null };
  if (!(await unchanged())) return { metadata: withFailure(meta, 'file-changed'), tags: null, version: null };
  const read = await session.read(path);
  if (!read.ok) return { metadata: withFailure(meta, read.reason, 'detail' in read ? read.detail : undefined), tags: null, version: null };
  if (!(await unchanged())) return { metadata: withFailure(meta, 'file-changed'), tags: null, version: null };
  return { metadata: fillFromExifTool(meta, read.tags, read.version), tags: read.tags, version: read.version };
}
