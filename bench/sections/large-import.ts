/**
 * Import of one large video-like file (1 GiB; 256 MiB with --quick), in a process of its
 * own, against Node's SHA-256 of the same file (the limit: hashing must happen anyway),
 * `sha256sum` (what a user would run instead) and `dd conv=fsync` (a durable copy: what
 * the disk allows). The page cache is warm for all of them: the file is read once first.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ddFsync, hashFiles, shell } from '../baselines';
import { interleaved } from '../measure';
import { MiB, mibPerSecond, type Row } from '../report';
import { freshVault, largeFile, type BenchContext } from './context';

const CHILD = join(import.meta.dirname, 'import-child.ts');

interface ChildResult {
  readonly ms: number;
  readonly peakRssBytes: number;
  readonly maxRssBytes: number;
}

export async function benchLargeImport(ctx: BenchContext): Promise<Row[]> {
  const { path: file, bytes: size } = await largeFile(ctx);
  await hashFiles([file], 'sha256'); // into the page cache

  const children: ChildResult[] = [];
  const m = await interleaved(
    {
      tamga: async () => {
        const root = await freshVault(ctx, 'large-import');
        const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, root, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
        const child = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as ChildResult;
        children.push(child);
        return child.ms;
      },
      node: () => hashFiles([file], 'sha256'),
      sha256sum: () => shell(`sha256sum ${JSON.stringify(file)} > /dev/null`),
      dd: () => ddFsync(file, join(ctx.tmp, 'dd.out')),
    },
    { runs: ctx.quick ? 2 : 3, warmup: 0 },
  );
  const ms = (name: string): number => m[name]?.medianMs ?? Number.NaN;
  const tamga = mibPerSecond(size, ms('tamga'));
  const what = `import of one ${size / MiB} MiB file: read once, SHA-256, encrypt, fsync, index`;
  const against = (name: string, label: string, goal?: { text: string; min: number }): Row => {
    const ratio = ms(name) / ms('tamga');
    return {
      section: 'Large file import (page cache warm)',
      what,
      value: tamga,
      unit: 'MiB/s',
      baseline: { what: label, value: mibPerSecond(size, ms(name)), unit: 'MiB/s' },
      ratio,
      ...(goal === undefined ? {} : { goal: { text: goal.text, met: ratio >= goal.min } }),
    };
  };
  const peak = Math.max(...children.map((c) => c.peakRssBytes));
  const lifetime = Math.max(...children.map((c) => c.maxRssBytes));
  return [
    against('node', 'Node SHA-256 alone', { text: '≥ 0.7× SHA-256 alone', min: 0.7 }),
    against('sha256sum', 'sha256sum', { text: '≥ 3× sha256sum', min: 3 }),
    against('dd', 'dd conv=fsync (durable copy)'),
    { section: 'Large file import (page cache warm)', what: 'peak RSS of the importing process, during the import', value: peak / 1e6, unit: 'MB', goal: { text: '≤ 200 MB', met: peak <= 200e6 } },
    { section: 'Large file import (page cache warm)', what: 'peak RSS of that process over its life (unlock: scrypt takes 128 MiB)', value: lifetime / 1e6, unit: 'MB' },
  ];
}
