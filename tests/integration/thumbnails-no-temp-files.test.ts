// No plaintext of evidence may touch the disk outside the vault: thumbnailing a video (ffmpeg
// over loopback), a HEIC (worker) and a large PNG (libvips) writes nothing to the temp
// directory, not even a file that is deleted again at once. Run in a child process whose
// TMPDIR is an empty directory that this test watches.
import { watch, type FSWatcher } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/child-process';

const CHILD = join(ROOT, 'tests', 'helpers', 'thumbnail-no-temp-child.ts');

interface Watched {
  readonly dir: string;
  readonly events: string[];
  readonly watcher: FSWatcher;
}

let watched: Watched | null = null;

async function watchedTempDir(): Promise<Watched> {
  const dir = await mkdtemp(join(tmpdir(), 'tamga-thumbnail-tmp-'));
  const events: string[] = [];
  const watcher = watch(dir, { recursive: false }, (event, name) => events.push(`${event} ${String(name)}`));
  watched = { dir, events, watcher };
  return watched;
}

function runChild(dir: string, args: readonly string[]): ReturnType<typeof run> {
  // tsx's transform cache lives in the temp directory: turned off, so that only our code counts.
  const env = { TMPDIR: dir, TMP: dir, TEMP: dir, TSX_DISABLE_CACHE: '1' };
  return run(process.execPath, ['--import', 'tsx', CHILD, ...args], env);
}

/** inotify events arrive asynchronously: give them a moment before reading the list. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 300));

afterEach(async () => {
  if (watched !== null) {
    watched.watcher.close();
    await rm(watched.dir, { recursive: true, force: true });
    watched = null;
  }
});

describe('thumbnails write nothing to the temp directory', () => {
  it('the watch sees a temp file that is created and deleted at once (control)', async () => {
    const { dir, events } = await watchedTempDir();
    const result = await runChild(dir, ['--control']);
    expect(result.code, result.stderr).toBe(0);
    await settle();
    expect(events.some((e) => e.includes('control-temp-file'))).toBe(true);
  });

  it('for a moov-at-end video, a rotated video, a HEIC and a large PNG', async () => {
    const { dir, events } = await watchedTempDir();
    const result = await runChild(dir, ['real/mei/with-gps.mov', 'real/mei/FLIR Thermal.mp4', 'real/mei/cheers_1440x960.heic']);
    expect(result.code, result.stderr).toBe(0);
    const statuses = JSON.parse(result.stdout) as { name: string; status: string }[];
    expect(statuses.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    await settle();
    expect(events).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});
