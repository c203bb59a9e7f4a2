/**
 * The thumbnail step of the import: for one item, a ≤256 px grid image and a ≤1280 px
 * preview, both upright JPEGs without any metadata. This file is the entry point; it picks
 * the path by kind and turns every failure into a placeholder (photos, videos) or `none`
 * (other files), with a reason a person can read. It never throws for bad input.
 *
 * The original's bytes come from a ByteSource (in the app: decrypted from the vault copy
 * chunk by chunk) and stay in memory, in a decoder worker, or in ffmpeg's process reading
 * them over loopback HTTP: no plaintext is ever written to disk. Storing the thumbnails
 * (encrypted, in the vault) is the caller's job.
 */
import type { ByteSource } from '../metadata/byte-source';
import { ThumbnailFailure } from './failure';
import { decodePhoto } from './photo-thumbnails';
import { photoPlaceholder, videoPlaceholder } from './placeholder';
import { twoSizes } from './sharp-thumbnails';
import { canMakePoster, videoPoster } from './video-poster';

export interface ThumbnailRequest {
  /** The original's bytes (in the real app: decrypted chunk by chunk from the encrypted vault copy). */
  source: ByteSource;
  kind: 'photo' | 'video' | 'other';
  /** As sniffed: 'jpeg', 'png', 'webp', 'tiff', 'avif', 'gif', 'bmp', 'heic', 'heif', 'dng', 'mp4', 'mov', '3gp', … */
  format: string | null;
  /** From the metadata step; shown on a video placeholder and used to choose the poster frame. */
  durationSeconds?: number | null;
  /** The caller's cancel or time limit. */
  signal?: AbortSignal;
}

export interface Thumbnail {
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/webp' | 'image/png';
  width: number;
  height: number;
}

export type ThumbnailResult =
  | { status: 'ok'; grid: Thumbnail; preview: Thumbnail; decoder: string }
  | { status: 'placeholder'; grid: Thumbnail; preview: Thumbnail; reason: string }
  | { status: 'none'; reason: string };

const NOT_MEDIA = 'Tamga makes previews only for photos and videos.';
const UNEXPECTED = 'The preview could not be made because of an unexpected error.';

export async function makeThumbnails(req: ThumbnailRequest): Promise<ThumbnailResult> {
  try {
    switch (req.kind) {
      case 'photo':
        return await photo(req);
      case 'video':
        return await video(req);
      default:
        return { status: 'none', reason: NOT_MEDIA };
    }
  } catch {
    // Only a bug gets here (every expected failure is handled below): still never throw.
    return { status: 'none', reason: UNEXPECTED };
  }
}

async function photo(req: ThumbnailRequest): Promise<ThumbnailResult> {
  try {
    const decoded = await decodePhoto(req.source, req.format, req.signal);
    return { status: 'ok', grid: decoded.grid, preview: decoded.preview, decoder: decoded.decoder };
  } catch (err) {
    return placeholder(reasonOf(err, 'This image could not be decoded; the file may be damaged.'), photoPlaceholder);
  }
}

async function video(req: ThumbnailRequest): Promise<ThumbnailResult> {
  const make = (): ReturnType<typeof videoPlaceholder> => videoPlaceholder(req.durationSeconds);
  if (!canMakePoster(req.format)) return placeholder('Tamga makes no preview for videos in this format.', make);
  try {
    const poster = await videoPoster(req.source, req.format, req.durationSeconds, req.signal);
    // ffmpeg has already turned the frame upright and shrunk it to the preview size.
    const sizes = await twoSizes({ kind: 'encoded', bytes: poster.png }, 'none', req.signal);
    return { status: 'ok', grid: sizes.grid, preview: sizes.preview, decoder: poster.firstFrame ? 'ffmpeg:first-frame' : 'ffmpeg' };
  } catch (err) {
    return placeholder(reasonOf(err, 'No picture could be decoded from this video.'), make);
  }
}

async function placeholder(
  reason: string,
  make: () => Promise<{ grid: Thumbnail; preview: Thumbnail }>,
): Promise<ThumbnailResult> {
  try {
    const { grid, preview } = await make();
    return { status: 'placeholder', grid, preview, reason };
  } catch {
    return { status: 'none', reason };
  }
}

function reasonOf(err: unknown, fallback: string): string {
  return err instanceof ThumbnailFailure ? err.reason : fallback;
}
