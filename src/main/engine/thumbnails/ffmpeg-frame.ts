/**
 * One frame out of a ByteSource with ffmpeg, as PNG bytes: the loopback server feeds ffmpeg,
 * ffmpeg writes the frame to its stdout. Nothing is written to disk on either side.
 *
 * ffmpeg may use only the http and tcp protocols (to reach our server) and only the demuxers
 * named by the caller: a hostile "video" that is really an HLS playlist or a concat script
 * must not make ffmpeg open other URLs or files. ffmpeg applies the video's rotation itself
 * (autorotate), corrects non-square pixels and shrinks the frame to the preview size, so the
 * frame comes back upright and small.
 */
import type { ByteSource } from '../metadata/byte-source';
import { runFfmpeg, type FfmpegRun } from './ffmpeg-runner';
import { ffmpegInputFence } from './ffmpeg-input-fence';
import { PREVIEW_LONG_SIDE } from './limits';
import { serveByteSource } from './loopback-server';

export interface FrameRequest {
  readonly source: ByteSource;
  /** ffmpeg demuxer names allowed to open the input, e.g. ['mov'] or ['bmp_pipe']. */
  readonly demuxers: readonly string[];
  /** Seek to this time (seconds) before taking the frame; 0 or undefined: the first frame. */
  readonly seekSeconds?: number;
  readonly timeLimitMs: number;
  readonly signal?: AbortSignal;
}

export type FrameResult =
  | { readonly ok: true; readonly png: Buffer }
  | { readonly ok: false; readonly why: 'timeout' | 'aborted' | 'no-frame' | 'failed' | 'no-ffmpeg'; readonly run: FfmpegRun | null };

/**
 * Display size (non-square pixels made square), then at most PREVIEW_LONG_SIDE on the long
 * side, never enlarged. The scale filter treats an unknown sample aspect ratio as 1.
 */
const SCALE_FILTER =
  "scale=w='trunc(iw*sar)':h='ih',setsar=1," +
  `scale=w='min(${String(PREVIEW_LONG_SIDE)},max(iw,ih))':h='min(${String(PREVIEW_LONG_SIDE)},max(iw,ih))':force_original_aspect_ratio=decrease`;

export function frameArgs(url: string, demuxers: readonly string[], seekSeconds: number): string[] {
  const seek = Number.isFinite(seekSeconds) && seekSeconds > 0 ? ['-ss', seekSeconds.toFixed(3)] : [];
  return [
    // One decoding thread: the importer runs two files at once on machines with few cores.
    ...ffmpegInputFence(1, demuxers),
    ...seek,
    '-i',
    url,
    // The first real video stream: 'V' skips cover art and other attached pictures.
    '-map',
    '0:V:0',
    '-an',
    '-sn',
    '-dn',
    '-frames:v',
    '1',
    '-vf',
    SCALE_FILTER,
    '-f',
    'image2pipe',
    '-c:v',
    'png',
    'pipe:1',
  ];
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export async function grabFrame(request: FrameRequest): Promise<FrameResult> {
  const server = await serveByteSource(request.source);
  let run: FfmpegRun;
  try {
    run = await runFfmpeg(frameArgs(server.url, request.demuxers, request.seekSeconds ?? 0), {
      timeLimitMs: request.timeLimitMs,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } finally {
    await server.close();
  }
  if (run.spawnError !== null) return { ok: false, why: 'no-ffmpeg', run };
  if (run.aborted) return { ok: false, why: 'aborted', run };
  if (run.timedOut) return { ok: false, why: 'timeout', run };
  if (run.stdout.length > 0 && run.stdout.subarray(0, 8).equals(PNG_SIGNATURE)) return { ok: true, png: run.stdout };
  // Exit 0 with no output: the seek went past the last frame.
  return { ok: false, why: run.code === 0 ? 'no-frame' : 'failed', run };
}
