// Tagging a query selection holds constant memory: the RSS of a child process, sampled
// after a collection at every batch, stops growing after the first batches however many
// items follow (a selection held as ids, or results kept per item, would grow with them).
// 10 000 items keep this test within its time on a shared machine; `npm run bench`
// (section scale) measures the same on 100 000.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const COUNT = 10_000;

afterAll(removeTempDirs);

describe('a query selection of 10 000 items', () => {
  it('is tagged with an RSS that grows by less than 24 MB from a quarter of the way to the end', async () => {
    const root = join(await tempDir(), 'vault');
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT, 'tests/helpers/tag-rss-child.ts'), root, String(COUNT)], {
      env: { ...process.env, TAMGA_PASSPHRASE: PASSPHRASE },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    const { result, samples } = JSON.parse(out) as { result: { changed: number; unchanged: number }; samples: Array<{ done: number; rssBytes: number }> };
    expect(result).toEqual({ changed: COUNT, unchanged: 0 });
    expect(samples.at(-1)?.done).toBe(COUNT);
    const quarter = samples.find((s) => s.done >= COUNT / 4);
    if (quarter === undefined) throw new Error('no progress sample a quarter of the way');
    const peakAfter = Math.max(...samples.filter((s) => s.done >= quarter.done).map((s) => s.rssBytes));
    expect(peakAfter - quarter.rssBytes).toBeLessThan(24 * 1024 * 1024);
  }, 300_000);
});
