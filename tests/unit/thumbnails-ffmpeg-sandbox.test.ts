// The fence ffmpeg runs in on Linux: the limits really reach the process that runs, and
// it runs with an empty environment.
import { describe, expect, it } from 'vitest';
import { runFfmpeg } from '../../src/main/engine/thumbnails/ffmpeg-runner';
import { FFMPEG_ADDRESS_SPACE_BYTES, FFMPEG_OPEN_FILES, sandboxed } from '../../src/main/engine/thumbnails/ffmpeg-sandbox';

describe.runIf(process.platform === 'linux')('the ffmpeg sandbox on Linux', () => {
  it('wraps the binary in prlimit with its limits', () => {
    const run = sandboxed('/opt/ffmpeg', ['-version']);
    expect(run.fences).toEqual(['resource-limits']);
    expect(run.command).toMatch(/\/prlimit$/);
    expect(run.args).toEqual([`--as=${FFMPEG_ADDRESS_SPACE_BYTES}`, `--nofile=${FFMPEG_OPEN_FILES}`, '--core=0', '--', '/opt/ffmpeg', '-version']);
  });

  it('gives the real ffmpeg those limits and no inherited environment', async () => {
    // ffmpeg cannot print its own limits, but it reads /proc/self/* as an input file.
    const limits = await runFfmpeg(['-v', 'quiet', '-f', 'data', '-i', '/proc/self/limits', '-map', '0', '-c', 'copy', '-f', 'data', 'pipe:1'], { timeLimitMs: 10_000 });
    expect(limits.code).toBe(0);
    const text = limits.stdout.toString('utf8');
    expect(text).toMatch(new RegExp(`Max address space\\s+${FFMPEG_ADDRESS_SPACE_BYTES}\\s+${FFMPEG_ADDRESS_SPACE_BYTES}`));
    expect(text).toMatch(new RegExp(`Max open files\\s+${FFMPEG_OPEN_FILES}\\s+${FFMPEG_OPEN_FILES}`));
    expect(text).toMatch(/Max core file size\s+0\s+0/);
    const environ = await runFfmpeg(['-v', 'quiet', '-f', 'data', '-i', '/proc/self/environ', '-map', '0', '-c', 'copy', '-f', 'data', 'pipe:1'], { timeLimitMs: 10_000 });
    expect(environ.stdout.toString('utf8').split('\0').filter(Boolean).sort()).toEqual(['LC_ALL=C', 'no_proxy=*']);
  });
});
