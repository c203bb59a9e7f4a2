/**
 * The poster frame of a video: a frame about one second in (or at 10 % of a shorter video),
 * since the very first frame is often black or a blur of the phone being raised; the first
 * frame when that fails. Every attempt runs ffmpeg out of process under a time limit.
 */
import type { ByteSource } from '../metadata/byte-source';
import { ThumbnailFailure, STOPPED_REASON } from './failure';
import { grabFrame, type FrameResult } from './ffmpeg-frame';
import { FFMPEG_TIME_LIMIT_MS, VIDEO_TOTAL_TIME_LIMIT_MS } from './limits';

/** Container formats (as sniffed) ffmpeg's mov demuxer reads: ISO-BMFF and QuickTime. */
const VIDEO_DEMUXERS: Readonly<Record<string, readonly string[]>> = {
  mp4: ['mov'],
  mov: ['mov'],
  m4v: ['mov'],
  '3gp': ['mov'],
  '3g2': ['mov'],
};

export function canMakePoster(format: string | null): boolean {
  return format !== null && Object.hasOwn(VIDEO_DEMUXERS, format);
}

/** Where to take the poster frame: min(1 s, 10 % of the duration); 1 s when it is unknown. */
export function posterSeekSeconds(durationSeconds: number | null | undefined): number {
  if (typeof durationSeconds !== 'number' || !Number.isFinite(durationSeconds) || durationSeconds <= 0) return 1;
  return Math.min(1, durationSeconds * 0.1);
}

export interface Poster {
  readonly png: Buffer;
  /** Whether the first-frame fallback was needed. */
  readonly firstFrame: boolean;
}

export async function videoPoster(
  source: ByteSource,
  format: string | null,
  durationSeconds: number | null | undefined,
  signal?: AbortSignal,
): Promise<Poster> {
  const demuxers = format === null ? undefined : VIDEO_DEMUXERS[format];
  if (demuxers === undefined) throw new ThumbnailFailure('Tamga makes no preview for videos in this format.');
  const deadline = Date.now() + VIDEO_TOTAL_TIME_LIMIT_MS;
  const attempt = (seekSeconds: number): Promise<FrameResult> =>
    grabFrame({
      source,
      demuxers,
      seekSeconds,
      timeLimitMs: Math.max(1, Math.min(FFMPEG_TIME_LIMIT_MS, deadline - Date.now())),
      ...(signal === undefined ? {} : { signal }),
    });

  const seek = posterSeekSeconds(durationSeconds);
  const first = await attempt(seek);
  if (first.ok) return { png: first.png, firstFrame: false };
  // A seek past the end, or into a damaged stretch, may still leave the first frame. A run
  // that timed out or was cancelled is not repeated.
  if (first.why === 'failed' || first.why === 'no-frame') {
    if (Date.now() < deadline - 500) {
      const again = await attempt(0);
      if (again.ok) return { png: again.png, firstFrame: true };
      throw failureFor(again);
    }
  }
  throw failureFor(first);
}

function failureFor(result: FrameResult & { ok: false }): ThumbnailFailure {
  switch (result.why) {
    case 'aborted':
      return new ThumbnailFailure(STOPPED_REASON);
    case 'timeout':
      return new ThumbnailFailure('Decoding the video took too long and was stopped; the file may be damaged.');
    case 'no-ffmpeg':
      return new ThumbnailFailure('The video decoder that comes with Tamga could not be started.');
    case 'no-frame':
    case 'failed':
      return new ThumbnailFailure('No picture could be decoded from this video; the file may be damaged or use a format Tamga cannot show.');
  }
}
