/**
 * Whether the window can play a video, decided from what the engine read from the file
 * (VideoFacts: the video track's codec, or that there is no readable video track) and
 * from what the window's own player says it can decode (`canPlayType`). Pure, so the
 * same rule is unit-tested and used by the detail pane; the <video> element's own error
 * and metadata events then catch what neither knew (playbackFromElement).
 *
 * "Cannot" is said only when something established it; a codec this table does not know
 * is tried, and the element's events speak for it.
 */

/** What the engine knows about an item's video, from its metadata (src/main/engine/items/video-facts.ts). */
export interface VideoFacts {
  /**
   * The video track's sample entry as written in the file ('avc1', 'hvc1', 'apcn', …);
   * null when the track names none or it could not be read.
   */
  readonly codec: string | null;
  /** False when the file holds no readable video track ('moov' missing, or no track of video). */
  readonly hasVideoTrack: boolean;
  /** A playable preview made by ffmpeg is kept (encrypted) in the vault for this item. */
  readonly previewReady: boolean;
}

interface Codec {
  /** As people and players name it. */
  readonly name: string;
  /** An RFC 6381 codecs string to ask the player about; null: no browser player decodes it. */
  readonly probe: string | null;
}

/** Sample entries (ISO/IEC 14496-12 and QuickTime) by four-character code. */
const CODECS: Readonly<Record<string, Codec>> = {
  avc1: { name: 'H.264', probe: 'avc1.42E01E' },
  avc3: { name: 'H.264', probe: 'avc3.42E01E' },
  hvc1: { name: 'HEVC', probe: 'hvc1.1.6.L93.B0' },
  hev1: { name: 'HEVC', probe: 'hev1.1.6.L93.B0' },
  vp09: { name: 'VP9', probe: 'vp09.00.10.08' },
  av01: { name: 'AV1', probe: 'av01.0.05M.08' },
  mp4v: { name: 'MPEG-4 Part 2', probe: 'mp4v.20.8' },
  s263: { name: 'H.263', probe: null },
  h263: { name: 'H.263', probe: null },
  apcn: { name: 'ProRes', probe: null },
  apch: { name: 'ProRes', probe: null },
  apcs: { name: 'ProRes', probe: null },
  apco: { name: 'ProRes', probe: null },
  ap4h: { name: 'ProRes', probe: null },
  ap4x: { name: 'ProRes', probe: null },
  jpeg: { name: 'Motion JPEG', probe: null },
  mjpa: { name: 'Motion JPEG', probe: null },
  mjpb: { name: 'Motion JPEG', probe: null },
  'dvc ': { name: 'DV', probe: null },
  dvcp: { name: 'DV', probe: null },
  dvh5: { name: 'DVCPRO HD', probe: null },
  dvh6: { name: 'DVCPRO HD', probe: null },
  xdvc: { name: 'XDCAM', probe: null },
  mx5p: { name: 'IMX', probe: null },
  'raw ': { name: 'uncompressed', probe: null },
};

/** The codec's common name ('HEVC'), or null for a code this table does not know. */
export function codecName(codec: string | null): string | null {
  return codec !== null && Object.hasOwn(CODECS, codec) ? (CODECS[codec]?.name ?? null) : null;
}

export type Playback =
  /** Nothing says it cannot: the player tries (and its events may still say otherwise). */
  | { readonly kind: 'try' }
  /** This window's player does not decode the codec (named as people know it). */
  | { readonly kind: 'codec'; readonly codec: string }
  /** The player refuses the file's kind (e.g. '3GP') though nothing says its codec is the cause. */
  | { readonly kind: 'format'; readonly format: string }
  /** The file holds no video the player could show. */
  | { readonly kind: 'no-video' }
  /** The player tried and failed to decode it: damaged, or a format it does not say. */
  | { readonly kind: 'failed' };

/**
 * From the engine's facts, before anything is loaded. `canPlayType` is the player's
 * (HTMLMediaElement.canPlayType): '' means it cannot.
 */
export function playbackFromFacts(facts: VideoFacts, canPlayType: (type: string) => string): Playback {
  if (!facts.hasVideoTrack) return { kind: 'no-video' };
  if (facts.codec === null || !Object.hasOwn(CODECS, facts.codec)) return { kind: 'try' };
  const codec = CODECS[facts.codec] as Codec;
  if (codec.probe === null) return { kind: 'codec', codec: codec.name };
  return canPlayType(`video/mp4; codecs="${codec.probe}"`) === '' ? { kind: 'codec', codec: codec.name } : { kind: 'try' };
}

/** What the <video> element reported: a MediaError code, or metadata loaded with no picture. */
export type ElementReport = { readonly error: number } | { readonly loaded: { readonly videoWidth: number; readonly videoHeight: number } };

/** MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED. */
const SRC_NOT_SUPPORTED = 4;
/** MediaError.MEDIA_ERR_DECODE. */
const DECODE = 3;

/**
 * From the element's own events; null when they say nothing against playing (or say
 * something else, such as a network error when the vault locks, which is no verdict on
 * the file). Metadata with no picture size means it found sound but no video it decodes.
 */
export function playbackFromElement(report: ElementReport, facts: VideoFacts, format: string | null): Playback | null {
  const known = codecName(facts.codec);
  // A code this table does not know is named as the file names it (shown as text).
  const named = known ?? (facts.codec === null || facts.codec.trim() === '' ? null : facts.codec.trim());
  if ('error' in report) {
    if (report.error === SRC_NOT_SUPPORTED) {
      // H.264 is what every player decodes: refused, it is the container that is the cause.
      if (named !== null && known !== 'H.264') return { kind: 'codec', codec: named };
      return format === null ? { kind: 'failed' } : { kind: 'format', format: format.toUpperCase() };
    }
    if (report.error === DECODE) return { kind: 'failed' };
    return null;
  }
  if (report.loaded.videoWidth === 0 || report.loaded.videoHeight === 0) {
    if (known === 'H.264') return { kind: 'failed' };
    return named === null ? { kind: 'no-video' } : { kind: 'codec', codec: named };
  }
  return null;
}

/**
 * What asking for a playable preview ended in. A preview is at most the first 30 seconds of the
 * video at low resolution, made by ffmpeg: never the original, and labelled so.
 * - `no-ffmpeg`: the decoder that comes with Tamga could not be started;
 * - `failed`: ffmpeg could not decode the video (damaged, or a codec it lacks);
 * - `timeout`: it took longer than its time limit and was stopped;
 * - `too-large`: it wrote far more than a preview should be, and was stopped;
 * - `stopped`: the vault locked while it ran;
 * - `read-only`: the vault is open read-only, so nothing can be kept.
 */
export type VideoPreviewResult =
  | { readonly made: true }
  | { readonly made: false; readonly why: 'no-ffmpeg' | 'failed' | 'timeout' | 'too-large' | 'stopped' | 'read-only' };
