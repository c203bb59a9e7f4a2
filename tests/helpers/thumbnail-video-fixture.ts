/**
 * Synthetic test videos made with the bundled ffmpeg (its libx264 and libx265): the real
 * fixtures have no HEVC. Fragmented MP4 goes straight to a pipe; an ordinary MP4 (moov
 * after mdat) needs a seekable output, so it is written in a temp dir of its own (test
 * material, not evidence) and removed at once.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFfmpeg } from '../../src/main/engine/thumbnails/ffmpeg-runner';

export interface VideoSpec {
  readonly codec: 'h264' | 'hevc';
  readonly width: number;
  readonly height: number;
  readonly seconds: number;
  /** Written into the track's display matrix (tkhd), as phones do for portrait video. */
  readonly rotate?: 90;
  /** true: an ordinary MP4 with moov at the end; false: fragmented, moov first. */
  readonly moovAtEnd: boolean;
}

export async function makeVideo(spec: VideoSpec): Promise<Buffer> {
  const input = ['-f', 'lavfi', '-i', `testsrc=duration=${String(spec.seconds)}:size=${String(spec.width)}x${String(spec.height)}:rate=25`];
  const codec =
    spec.codec === 'hevc'
      ? ['-c:v', 'libx265', '-tag:v', 'hvc1', '-x265-params', 'log-level=error', '-preset', 'ultrafast']
      : ['-c:v', 'libx264', '-preset', 'ultrafast'];
  const common = ['-nostdin', '-hide_banner', '-loglevel', 'error', ...input, ...codec, '-pix_fmt', 'yuv420p'];
  const finish = (video: Buffer): Buffer => (spec.rotate === 90 ? rotate90(video) : video);
  if (!spec.moovAtEnd) {
    const run = await runFfmpeg([...common, '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov', 'pipe:1'], {
      timeLimitMs: 60_000,
      maxOutputBytes: 64 * 1024 * 1024,
    });
    if (run.code !== 0) throw new Error(`ffmpeg could not make the test video: ${run.stderr}`);
    return finish(run.stdout);
  }
  const dir = await mkdtemp(join(tmpdir(), 'tamga-test-video-'));
  try {
    const path = join(dir, 'video.mp4');
    const run = await runFfmpeg([...common, '-f', 'mp4', path], { timeLimitMs: 60_000 });
    if (run.code !== 0) throw new Error(`ffmpeg could not make the test video: ${run.stderr}`);
    return finish(await readFile(path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Sets the video track's display matrix to a 90° clockwise turn, the way an iPhone marks a
 * portrait video (this 2018 ffmpeg ignores `-metadata:s:v rotate=`). A tkhd version 0 box:
 * 8 header + 4 version/flags + 5 × 4 + 8 reserved + 8 (layer … reserved) = matrix at +48.
 */
function rotate90(video: Buffer): Buffer {
  const out = Buffer.from(video);
  const at = out.indexOf('tkhd', 0, 'latin1');
  if (at < 4 || out[at + 4] !== 0) throw new Error('no version-0 tkhd box to patch');
  const matrix = [0, 0x00010000, 0, -0x00010000, 0, 0, 0, 0, 0x40000000];
  matrix.forEach((value, i) => out.writeInt32BE(value, at - 4 + 48 + i * 4));
  return out;
}

/** Top-level box types of an ISO-BMFF file, in order. */
export function topLevelBoxes(bytes: Buffer): string[] {
  const boxes: string[] = [];
  let at = 0;
  while (at + 8 <= bytes.length && boxes.length < 64) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (size === 1 && at + 16 <= bytes.length) size = Number(bytes.readBigUInt64BE(at + 8));
    else if (size === 0) size = bytes.length - at;
    boxes.push(type);
    if (size < 8) break;
    at += size;
  }
  return boxes;
}
