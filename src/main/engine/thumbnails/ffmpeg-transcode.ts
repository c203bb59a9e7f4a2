/**
 * A playable preview of a video the window's player cannot decode (HEVC on most Linux
 * and older Windows systems, ProRes, H.263, MPEG-4 Part 2, Motion JPEG): ffmpeg reads the
 * original from the loopback server (nothing written to disk) and writes WebM to its
 * stdout, which the caller encrypts. VP8 and Opus because every Chromium decodes them,
 * whatever codecs its build carries, and the WebM muxer needs no seekable output.
 *
 * Bounded on every side: the first PREVIEW_SECONDS only, at most PREVIEW_VIDEO_LONG_SIDE
 * pixels on the long side, a fixed bitrate (so at most a few megabytes), one ffmpeg run
 * under a time limit, and the same allow-lists as the poster (http/tcp protocols only,
 * the mov demuxer only).
 */
import type { ByteSource } from '../metadata/byte-source';
import { runFfmpeg } from './ffmpeg-runner';
import { ffmpegInputFence } from './ffmpeg-input-fence';
import { serveByteSource } from './loopback-server';

/** How much of the video the preview holds, from its start. */
export const PREVIEW_SECONDS = 30;
/** Long side of the preview video, in pixels; never enlarged. */
export const PREVIEW_VIDEO_LONG_SIDE = 640;
/** The one ffmpeg run that makes the preview (decoding 30 s of 4K HEVC in software is slow). */
export const TRANSCODE_TIME_LIMIT_MS = 180_000;
/** 30 s at 800 kb/s of video and 64 kb/s of sound is ~3.2 MB; anything far over is refused. */
const MAX_PREVIEW_BYTES = 24 * 1024 * 1024;

/** Display size (square pixels), then at most the preview size, even dimensions (VP8 wants them). */
const SCALE_FILTER =
  "scale=w='trunc(iw*sar)':h='ih',setsar=1," +
  `scale=w='min(${String(PREVIEW_VIDEO_LONG_SIDE)},max(iw,ih))':h='min(${String(PREVIEW_VIDEO_LONG_SIDE)},max(iw,ih))':force_original_aspect_ratio=decrease,` +
  "scale=w='trunc(iw/2)*2':h='trunc(ih/2)*2'";

export function transcodeArgs(url: string): string[] {
  return [
    ...ffmpegInputFence(2, ['mov']),
    // On the input, not the output: an output -t is written into the WebM header as its
    // duration, which would claim 30 s for a one-second video. Read this way, the
    // preview's duration is left unstated and the player finds it by playing.
    '-t',
    String(PREVIEW_SECONDS),
    '-i',
    url,
    // The first real video stream and, when there is one, the first sound.
    '-map',
    '0:V:0',
    '-map',
    '0:a:0?',
    '-sn',
    '-dn',
    // Nothing of the file's own metadata (names, places, dates) goes into the preview.
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-vf',
    SCALE_FILTER,
    '-c:v',
    'libvpx',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-b:v',
    '800k',
    '-c:a',
    'libopus',
    '-b:a',
    '64k',
    '-f',
    'webm',
    'pipe:1',
  ];
}

export type TranscodeResult =
  | { readonly ok: true; readonly webm: Buffer }
  | { readonly ok: false; readonly why: 'timeout' | 'aborted' | 'failed' | 'too-large' | 'no-ffmpeg' };

const EBML_MAGIC = Buffer.from([0x1a, 0x45, 0xdf, 0xa3]);

export async function transcodePreview(source: ByteSource, signal?: AbortSignal): Promise<TranscodeResult> {
  const server = await serveByteSource(source);
  try {
    const run = await runFfmpeg(transcodeArgs(server.url), {
      timeLimitMs: TRANSCODE_TIME_LIMIT_MS,
      maxOutputBytes: MAX_PREVIEW_BYTES,
      ...(signal === undefined ? {} : { signal }),
    });
    if (run.spawnError !== null) return { ok: false, why: 'no-ffmpeg' };
    if (run.aborted) return { ok: false, why: 'aborted' };
    if (run.timedOut) return { ok: false, why: 'timeout' };
    if (run.overflowed) return { ok: false, why: 'too-large' };
    if (run.code !== 0 || !run.stdout.subarray(0, 4).equals(EBML_MAGIC)) return { ok: false, why: 'failed' };
    return { ok: true, webm: run.stdout };
  } finally {
    await server.close();
  }
}
