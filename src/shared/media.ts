/**
 * Media as the engine hands it out: byte ranges of an item's grid thumbnail, its preview
 * or its original, decrypted on demand. The window never sees these calls directly: the
 * main process serves them through the `tamga-media:` protocol (src/main/media/), which
 * turns a byte range into an HTTP 206 for the image and video elements. Plain data only.
 */

/**
 * `grid`: ≤256 px JPEG; `preview`: ≤1280 px JPEG (both upright); `original`: the evidence
 * itself; `playable`: a video's playable preview (WebM, at most the first 30 s, ≤640 px), made on
 * request for a video the window cannot play (never the original).
 */
export type MediaVariant = 'grid' | 'preview' | 'original' | 'playable';

export const MEDIA_VARIANTS: readonly MediaVariant[] = ['grid', 'preview', 'original', 'playable'];

/** One medium of one item. */
export interface MediaRef {
  /** An item id. */
  readonly item: string;
  readonly variant: MediaVariant;
}

export interface MediaReadRequest extends MediaRef {
  /** First byte wanted (0-based). */
  readonly offset: number;
  /** Bytes wanted; the answer holds at most MAX_MEDIA_READ, fewer at the end. */
  readonly length: number;
}

/** One read's worth: a player pulls a long range as several of these. */
export const MAX_MEDIA_READ = 4 * 1024 * 1024;

export interface MediaChunk {
  /** The decrypted bytes from `offset` (empty at or past the end). */
  readonly bytes: Uint8Array;
  readonly offset: number;
  /** The whole medium's size in bytes. */
  readonly size: number;
  /**
   * The format sniffed from the content (never from a name): for thumbnails from their
   * own first bytes ('jpeg', 'png', 'webp'), for originals as sniffed at import; null
   * when not recognised. The media protocol chooses the Content-Type from this alone.
   */
  readonly format: string | null;
}

export function isMediaVariant(value: unknown): value is MediaVariant {
  return typeof value === 'string' && (MEDIA_VARIANTS as readonly string[]).includes(value);
}
