/**
 * Still images to thumbnails: chooses the decoder for each sniffed format.
 * - JPEG, PNG, WebP, GIF (first frame), AVIF, and anything unlisted: sharp, EXIF-oriented;
 * - HEIC/HEIF: heic-decode in a worker, then sharp from RGBA (sharp has no HEVC); sharp
 *   alone as a fallback for HEIF files coded with AV1;
 * - TIFF and TIFF-based camera raw: the largest of the embedded preview JPEGs and the TIFF's
 *   own first image, see tiff-previews.ts;
 * - BMP: libvips cannot read it; ffmpeg can, out of process (a BMP decoder of our own would
 *   be one more parser of hostile input).
 */
import type { ByteSource } from '../metadata/byte-source';
import { ThumbnailFailure, STOPPED_REASON, throwIfStopped } from './failure';
import { grabFrame } from './ffmpeg-frame';
import { decodeHeic } from './heic';
import { FFMPEG_TIME_LIMIT_MS, MAX_IMAGE_BYTES } from './limits';
import { readAll } from './read-all';
import { imageSize, twoSizes, type TwoSizes } from './sharp-thumbnails';
import { readTiffLayout } from './tiff-previews';

export interface Decoded extends TwoSizes {
  /** Which decoder made the picture, for the item's record: "sharp", "heic-decode", … */
  readonly decoder: string;
}

/** TIFF itself and the camera raw formats built on TIFF. */
const TIFF_FAMILY = new Set([
  'tiff', 'dng', 'cr2', 'nef', 'nrw', 'arw', 'srf', 'sr2', 'orf', 'rw2', 'pef', 'srw', '3fr', 'erf', 'kdc', 'dcr', 'mef', 'mos', 'iiq', 'rwl',
]);

/** Bytes read from an embedded JPEG to learn its size. */
const JPEG_HEADER_PROBE = 256 * 1024;

export async function decodePhoto(source: ByteSource, format: string | null, signal?: AbortSignal): Promise<Decoded> {
  throwIfStopped(signal);
  if (format === 'heic' || format === 'heif') return heif(source, signal);
  if (format !== null && TIFF_FAMILY.has(format)) return tiffFamily(source, format !== 'tiff', signal);
  if (format === 'bmp') return viaFfmpeg(source, ['bmp_pipe'], signal);
  const bytes = await readAll(source, MAX_IMAGE_BYTES, signal);
  return { ...(await twoSizes({ kind: 'encoded', bytes }, 'exif', signal)), decoder: 'sharp' };
}

async function heif(source: ByteSource, signal: AbortSignal | undefined): Promise<Decoded> {
  const bytes = await readAll(source, MAX_IMAGE_BYTES, signal);
  let heicFailure: unknown;
  try {
    const image = await decodeHeic(bytes, signal);
    const raw = { kind: 'raw', pixels: image.rgba, width: image.width, height: image.height, channels: 4 } as const;
    // Upright already: libheif applied irot/imir (see heic.ts); EXIF Orientation is ignored.
    return { ...(await twoSizes(raw, 'none', signal)), decoder: 'heic-decode' };
  } catch (err) {
    if (isStopped(err)) throw err;
    heicFailure = err;
  }
  try {
    // libvips reads AV1-coded HEIF (and AVIF mislabelled as HEIF) itself.
    return { ...(await twoSizes({ kind: 'encoded', bytes }, 'exif', signal)), decoder: 'sharp' };
  } catch (err) {
    if (isStopped(err)) throw err;
    throw heicFailure;
  }
}

async function tiffFamily(source: ByteSource, isRaw: boolean, signal: AbortSignal | undefined): Promise<Decoded> {
  const layout = await readTiffLayout(source);
  interface Attempt {
    readonly pixels: number;
    readonly decoder: string;
    run(): Promise<TwoSizes>;
  }
  const attempts: Attempt[] = [];
  if (layout === null || layout.main !== null) {
    const main = layout?.main;
    attempts.push({
      pixels: (main?.width ?? 0) * (main?.height ?? 0),
      decoder: 'sharp',
      run: async () => twoSizes({ kind: 'encoded', bytes: await readAll(source, MAX_IMAGE_BYTES, signal) }, 'exif', signal),
    });
  }
  for (const jpeg of layout?.jpegs ?? []) {
    throwIfStopped(signal);
    const head = await source.read(jpeg.offset, Math.min(jpeg.length, JPEG_HEADER_PROBE));
    if (head[0] !== 0xff || head[1] !== 0xd8) continue;
    const size = await imageSize(head);
    if (size === null) continue;
    attempts.push({
      pixels: size.width * size.height,
      decoder: 'sharp:embedded-preview',
      run: async () => {
        const bytes = await source.read(jpeg.offset, jpeg.length);
        // The raw file's IFD0 Orientation governs its previews, which rarely carry their own.
        return twoSizes({ kind: 'encoded', bytes }, layout?.orientation ?? 'exif', signal);
      },
    });
  }
  // Largest picture first; on a tie the TIFF's own image (listed first; the sort is stable).
  attempts.sort((a, b) => b.pixels - a.pixels);
  let lastFailure: unknown = null;
  for (const attempt of attempts) {
    try {
      return { ...(await attempt.run()), decoder: attempt.decoder };
    } catch (err) {
      if (isStopped(err)) throw err;
      lastFailure = err;
    }
  }
  // For a raw file "damaged" would mislead: its sensor data is simply not something we show.
  if (isRaw || lastFailure === null) throw new ThumbnailFailure('This raw file holds no preview picture that Tamga can show.', { cause: lastFailure });
  throw lastFailure;
}

async function viaFfmpeg(source: ByteSource, demuxers: readonly string[], signal: AbortSignal | undefined): Promise<Decoded> {
  if (source.size === 0) throw new ThumbnailFailure('The file is empty.');
  const frame = await grabFrame({ source, demuxers, timeLimitMs: FFMPEG_TIME_LIMIT_MS, ...(signal === undefined ? {} : { signal }) });
  if (!frame.ok) {
    if (frame.why === 'aborted') throw new ThumbnailFailure(STOPPED_REASON);
    if (frame.why === 'timeout') throw new ThumbnailFailure('Decoding the image took too long and was stopped.');
    throw new ThumbnailFailure('This image could not be decoded; the file may be damaged.');
  }
  return { ...(await twoSizes({ kind: 'encoded', bytes: frame.png }, 'none', signal)), decoder: 'ffmpeg' };
}

function isStopped(err: unknown): boolean {
  return err instanceof ThumbnailFailure && err.reason === STOPPED_REASON;
}
