// The ffmpeg runner's limits: killed at its time limit, on cancel and when it writes too much;
// arguments that keep ffmpeg on our loopback URL only.
import { describe, expect, it } from 'vitest';
import { frameArgs } from '../../src/main/engine/thumbnails/ffmpeg-frame';
import { ffmpegPath, runFfmpeg } from '../../src/main/engine/thumbnails/ffmpeg-runner';

/** A synthetic source that would run for a minute in real time: only our limits stop it. */
const ENDLESS = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=duration=60:size=64x64:rate=10', '-f', 'null', '-'];

describe('ffmpeg runner', () => {
  it('finds the bundled binary', () => {
    expect(ffmpegPath()).toMatch(/ffmpeg(\.exe)?$/);
  });

  it('kills ffmpeg at the time limit', async () => {
    const started = Date.now();
    const run = await runFfmpeg(ENDLESS, { timeLimitMs: 500 });
    expect(run.timedOut).toBe(true);
    expect(run.code).toBeNull();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('kills ffmpeg when the caller cancels', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const run = await runFfmpeg(ENDLESS, { timeLimitMs: 30_000, signal: controller.signal });
    expect(run.aborted).toBe(true);
    expect(run.timedOut).toBe(false);
  });

  it('kills ffmpeg when it writes more than allowed, and keeps none of it', async () => {
    const args = ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=30:size=640x480:rate=30', '-f', 'rawvideo', 'pipe:1'];
    const run = await runFfmpeg(args, { timeLimitMs: 30_000, maxOutputBytes: 1024 * 1024 });
    expect(run.overflowed).toBe(true);
    expect(run.stdout.length).toBe(0);
  });

  it('returns the frame ffmpeg writes', async () => {
    const args = ['-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=32x24', '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'];
    const run = await runFfmpeg(args, { timeLimitMs: 15_000 });
    expect(run.code).toBe(0);
    expect(run.stdout.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

describe('frame arguments', () => {
  it('restrict ffmpeg to http/tcp and to the named demuxers, read no stdin, and write to a pipe', () => {
    const args = frameArgs('http://127.0.0.1:1/abc', ['mov'], 1);
    const after = (flag: string): string | undefined => args[args.indexOf(flag) + 1];
    expect(args).toContain('-nostdin');
    expect(after('-protocol_whitelist')).toBe('http,tcp');
    expect(after('-format_whitelist')).toBe('mov');
    expect(after('-ss')).toBe('1.000');
    expect(Number(after('-max_pixels'))).toBeGreaterThan(0);
    expect(args.indexOf('-max_pixels')).toBeLessThan(args.indexOf('-i'));
    expect(args.indexOf('-protocol_whitelist')).toBeLessThan(args.indexOf('-i'));
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(args.at(-1)).toBe('pipe:1');
    expect(frameArgs('http://127.0.0.1:1/abc', ['mov'], 0)).not.toContain('-ss');
    expect(() => frameArgs('x', ['mov,concat'], 0)).toThrow(RangeError);
    expect(() => frameArgs('x', [], 0)).toThrow(RangeError);
  });
});
