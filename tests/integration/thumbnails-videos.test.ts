// Poster frames of the real videos (moov at the end, rotated, HEVC made here), placeholders
// for what cannot be decoded, and ffmpeg kept on its leash: time limits, cancel, no proxy.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bufferByteSource, type ByteSource } from '../../src/main/engine/metadata/byte-source';
import { grabFrame } from '../../src/main/engine/thumbnails/ffmpeg-frame';
import { makeThumbnails, type ThumbnailResult } from '../../src/main/engine/thumbnails/make-thumbnails';
import { VIDEO_TOTAL_TIME_LIMIT_MS } from '../../src/main/engine/thumbnails/limits';
import { posterSeekSeconds } from '../../src/main/engine/thumbnails/video-poster';
import { expectCleanJpeg, FIXTURES, fixtureFiles, requestFor } from '../helpers/thumbnail-fixtures';
import { makeVideo, topLevelBoxes } from '../helpers/thumbnail-video-fixture';

/** Durations as ExifTool reads them, as the metadata step would hand them on. */
const durations = new Map<string, number>(
  (JSON.parse(readFileSync(join(FIXTURES, 'exiftool-oracle.json'), 'utf8')) as Record<string, unknown>[]).flatMap((entry) => {
    const file = entry.SourceFile;
    const duration = entry['QuickTime:Duration'];
    return typeof file === 'string' && typeof duration === 'number' ? [[file, duration] as const] : [];
  }),
);

/** Real videos that get a placeholder, and why. */
const EXPECTED_PLACEHOLDERS: Readonly<Record<string, string>> = {
  // jcodec's test file has its media data stripped: only the boxes are left.
  'real/jcodec/keyed.mp4': 'No picture could be decoded',
  // ExifTool's stub: tracks without their mandatory sample tables.
  'real/exiftool/QuickTime.mov': 'No picture could be decoded',
};

/** Stored landscape with a 90°/270° display rotation: the poster must be portrait. */
const ROTATED = ['real/jcodec/itunes.mov', 'real/jcodec/orientation.mp4', 'real/mei/ftyp3gp5.mp4', 'real/mei/with-gps.mov'];

const videos = fixtureFiles('real').filter((f) => requestFor(f).kind === 'video');

function expectOk(result: ThumbnailResult, name: string): asserts result is Extract<ThumbnailResult, { status: 'ok' }> {
  expect(result.status, `${name}: ${result.status === 'ok' ? '' : result.reason}`).toBe('ok');
}

describe('real videos', () => {
  it('finds the video fixtures (15 per the fixtures README)', () => {
    expect(videos.length).toBeGreaterThanOrEqual(15);
  });

  it.each(videos)('%s', async (name) => {
    const started = Date.now();
    const result = await makeThumbnails(requestFor(name, { durationSeconds: durations.get(name) ?? null }));
    expect(Date.now() - started).toBeLessThan(20_000);
    const expected = EXPECTED_PLACEHOLDERS[name];
    if (expected !== undefined) {
      expect(result.status).toBe('placeholder');
      if (result.status === 'placeholder') expect(result.reason).toContain(expected);
    } else {
      expectOk(result, name);
      expect(result.decoder).toMatch(/^ffmpeg/);
    }
    if (result.status === 'none') return;
    await expectCleanJpeg(result.grid, 256);
    await expectCleanJpeg(result.preview, 1280);
    if (ROTATED.includes(name)) {
      expect(result.grid.height).toBeGreaterThan(result.grid.width);
      expect(result.preview.height).toBeGreaterThan(result.preview.width);
    }
  });

  it('reads files whose moov comes after mdat (not readable from a pipe)', async () => {
    for (const name of ['real/mei/with-gps.mov', 'real/mei/FLIR Thermal.mp4', 'real/jcodec/test.prores.mov']) {
      const boxes = topLevelBoxes(readFileSync(join(FIXTURES, name)));
      expect(boxes.indexOf('moov'), name).toBeGreaterThan(boxes.indexOf('mdat'));
      expectOk(await makeThumbnails(requestFor(name, { durationSeconds: durations.get(name) ?? null })), name);
    }
  });

  it('corrects non-square pixels (ProRes 180 × 144 at 16:15 is 192 × 144 on screen)', async () => {
    const result = await makeThumbnails(requestFor('real/jcodec/test.prores.mov'));
    expectOk(result, 'prores');
    expect([result.preview.width, result.preview.height]).toEqual([192, 144]);
  });
});

describe('HEVC', () => {
  it.each([false, true])('makes a poster of a rotated HEVC MP4 (moov at end: %s)', async (moovAtEnd) => {
    const video = await makeVideo({ codec: 'hevc', width: 640, height: 360, seconds: 2, rotate: 90, moovAtEnd });
    const boxes = topLevelBoxes(video);
    expect(boxes.indexOf('moov') > boxes.indexOf('mdat')).toBe(moovAtEnd);
    const result = await makeThumbnails({ source: bufferByteSource(video), kind: 'video', format: 'mp4', durationSeconds: 2 });
    expectOk(result, 'hevc');
    expect(result.decoder).toBe('ffmpeg');
    expect([result.preview.width, result.preview.height]).toEqual([360, 640]);
    await expectCleanJpeg(result.grid, 256);
  });
});

describe('seeking', () => {
  it('takes the frame at min(1 s, 10 %) and falls back to the first frame', async () => {
    expect(posterSeekSeconds(60)).toBe(1);
    expect(posterSeekSeconds(4)).toBeCloseTo(0.4);
    expect(posterSeekSeconds(null)).toBe(1);
    expect(posterSeekSeconds(Number.NaN)).toBe(1);
    // 0.17 s long, duration not given: the 1 s seek finds nothing, the first frame is used.
    const result = await makeThumbnails(requestFor('real/mei/with-gps.mp4'));
    expectOk(result, 'with-gps.mp4');
    expect(result.decoder).toBe('ffmpeg:first-frame');
  });
});

describe('videos that cannot be decoded', () => {
  const malformed = fixtureFiles('malformed').filter((f) => requestFor(f).kind === 'video');

  it.each(malformed)('%s gives a placeholder quickly', async (name) => {
    const started = Date.now();
    const result = await makeThumbnails(requestFor(name, { durationSeconds: 42 }));
    // No hang: within the engine's limit for all attempts at one video (not a speed check).
    expect(Date.now() - started).toBeLessThan(VIDEO_TOTAL_TIME_LIMIT_MS);
    expect(['placeholder', 'ok']).toContain(result.status);
    if (result.status === 'placeholder') {
      expect([result.grid.width, result.grid.height]).toEqual([256, 144]);
      await expectCleanJpeg(result.preview, 1280);
    }
  });

  it('gives a placeholder for a truncated video within the time limit', async () => {
    const result = await makeThumbnails(requestFor('malformed/trunc/mp4_cut_in_mdat_no_moov.mp4', { durationSeconds: 12 }));
    expect(result.status).toBe('placeholder');
  });

  it('gives a placeholder for an empty video and for formats it does not decode', async () => {
    const empty = await makeThumbnails({ source: bufferByteSource(Buffer.alloc(0)), kind: 'video', format: 'mp4' });
    expect(empty.status).toBe('placeholder');
    const avi = await makeThumbnails({ source: bufferByteSource(Buffer.from('RIFF')), kind: 'video', format: 'avi', durationSeconds: 3 });
    expect(avi.status).toBe('placeholder');
    if (avi.status === 'placeholder') expect(avi.reason).toContain('no preview for videos in this format');
  });

  it('kills ffmpeg with SIGKILL at the time limit when the bytes stop coming', async () => {
    const real = readFileSync(join(FIXTURES, 'real/mei/with-gps.mov'));
    // Gives the first 4 KiB, then never answers: ffmpeg waits on the socket for ever.
    const stalling: ByteSource = {
      size: real.length,
      read: (offset, length) => (offset < 4096 ? bufferByteSource(real).read(offset, Math.min(length, 4096 - offset)) : new Promise<Buffer>(() => undefined)),
    };
    const started = Date.now();
    const frame = await grabFrame({ source: stalling, demuxers: ['mov'], timeLimitMs: 1_000 });
    expect(frame.ok).toBe(false);
    if (!frame.ok) {
      expect(frame.why).toBe('timeout');
      expect(frame.run?.code).toBeNull();
    }
    expect(Date.now() - started).toBeLessThan(4_000);

    // Through the entry point, with the caller's own time limit: a placeholder, in time.
    const startedAgain = Date.now();
    const result = await makeThumbnails({ source: stalling, kind: 'video', format: 'mov', durationSeconds: 4, signal: AbortSignal.timeout(1_500) });
    expect(result.status).toBe('placeholder');
    if (result.status === 'placeholder') expect(result.reason).toContain('stopped');
    expect(Date.now() - startedAgain).toBeLessThan(5_000);
  });
});

describe('ffmpeg stays on the loopback server', () => {
  let proxy: Server;
  let connections = 0;

  beforeAll(async () => {
    proxy = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  });

  it('ignores proxy settings in our environment', async () => {
    const address = proxy.address();
    if (address === null || typeof address === 'string') throw new Error('no proxy address');
    const saved = { http_proxy: process.env.http_proxy, HTTP_PROXY: process.env.HTTP_PROXY };
    process.env.http_proxy = `http://127.0.0.1:${String(address.port)}`;
    process.env.HTTP_PROXY = process.env.http_proxy;
    try {
      const result = await makeThumbnails(requestFor('real/mei/with-gps.mov', { durationSeconds: 4 }));
      expectOk(result, 'with-gps.mov');
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    expect(connections).toBe(0);
  });
});
