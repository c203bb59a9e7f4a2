/**
 * Export and verify of a bundle holding the large file and the photos (imported into one
 * vault first, untimed). Export, as a folder and as a zip, against Node's SHA-256 of the
 * same payload bytes and a durable `dd` copy of as many bytes; `tamga verify` (in process,
 * and as the CLI with its start-up) against Node's SHA-256 of the payload, SHA-256 and
 * SHA-512 side by side (what a check of both manifests must hash at least) and
 * `sha256sum -c manifest-sha256.txt` in the bundle folder. Page cache warm throughout.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/api';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { ddFsync, hashBothInChildren, hashFiles, shell } from '../baselines';
import { interleaved } from '../measure';
import { mibPerSecond, type Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, largeFile, photoFolder, type BenchContext } from './context';

const TAMGA_BIN = join(import.meta.dirname, '..', '..', 'bin', 'tamga.mjs');

export async function benchBundle(ctx: BenchContext): Promise<Row[]> {
  const large = await largeFile(ctx);
  const photos = await photoFolder(ctx);
  const root = await freshVault(ctx, 'bundle-vault');
  const engine = createEngine({ actor: 'tamga-bench' });
  await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
  try {
    const imported = await engine.importFiles({ paths: [large.path, photos.dir] });
    const items = [...new Set(imported.imported.map((i) => i.itemId))];
    const folder = join(ctx.tmp, 'bundle');
    const zip = join(ctx.tmp, 'bundle.zip');
    const exportTo = async (outPath: string): Promise<number> => {
      await rm(outPath, { recursive: true, force: true }); // removing the last one is not part of the export
      const start = performance.now();
      await engine.exportBundle({ selection: { kind: 'items', items }, outPath, recipient: 'Benchmark court' });
      return performance.now() - start;
    };
    const first = await engine.exportBundle({ selection: { kind: 'items', items }, outPath: join(ctx.tmp, 'payload-copy') });
    const payload = first.exhibits.map((e) => join(first.outPath, e.path));
    const bytes = first.exhibits.reduce((sum, e) => sum + e.size, 0);
    const label = `${first.exhibits.length} exhibits, ${(bytes / 2 ** 30).toFixed(2)} GiB`;

    const exported = await interleaved(
      {
        folder: () => exportTo(folder),
        zip: () => exportTo(zip),
        node: () => hashFiles(payload, 'sha256'),
        dd: () => ddFsync(payload[0] ?? '', join(ctx.tmp, 'dd.out')),
      },
      { runs: ctx.quick ? 2 : 3, warmup: 0 },
    );
    const largest = first.exhibits[0]?.size ?? 0;
    const expectValid = (path: string) => async () => {
      // The vault's own key, pinned: without it a seal is not accepted (SIGNER_NOT_CONFIRMED).
      const report = await verifyBundle({ path, key: first.keyFingerprint });
      if (!report.valid) throw new Error(`the benchmark bundle does not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
    };
    const verified = await interleaved(
      {
        folder: expectValid(folder),
        zip: expectValid(zip),
        cli: () => shell(`${JSON.stringify(process.execPath)} ${JSON.stringify(TAMGA_BIN)} verify . --key ${first.keyFingerprint} > /dev/null`, folder),
        node: () => hashFiles(payload, 'sha256'),
        both: () => hashBothInChildren(payload),
        sha256sum: () => shell('sha256sum --quiet -c manifest-sha256.txt', folder),
      },
      { runs: ctx.quick ? 2 : 5, warmup: 1 },
    );
    await rm(first.outPath, { recursive: true, force: true });

    const rate = (m: Record<string, { medianMs: number }>, name: string): number => mibPerSecond(bytes, m[name]?.medianMs ?? Number.NaN);
    const row = (section: string, what: string, value: number, baseline: string, base: number, goal?: { text: string; min: number }): Row => ({
      section,
      what,
      value,
      unit: 'MiB/s',
      baseline: { what: baseline, value: base, unit: 'MiB/s' },
      ratio: value / base,
      ...(goal === undefined ? {} : { goal: { text: goal.text, met: value / base >= goal.min } }),
    });
    const ex = `Export (${label})`;
    const ve = `Verify (${label})`;
    // dd copied only the largest exhibit: its rate stands for the disk, not for the whole payload.
    const ddRate = mibPerSecond(largest, exported['dd']?.medianMs ?? Number.NaN);
    return [
      row(ex, 'export as a folder (decrypt, SHA-256 + SHA-512, write, fsync)', rate(exported, 'folder'), 'Node SHA-256 of the payload', rate(exported, 'node')),
      row(ex, 'export as a folder', rate(exported, 'folder'), 'dd conv=fsync (durable copy)', ddRate, { text: '≥ 0.9× dd conv=fsync', min: 0.9 }),
      row(ex, 'export as a zip', rate(exported, 'zip'), 'dd conv=fsync (durable copy)', ddRate),
      row(ex, 'export as a zip', rate(exported, 'zip'), 'Node SHA-256 of the payload', rate(exported, 'node')),
      row(ve, 'tamga verify, folder (every manifest, seal, custody chains)', rate(verified, 'folder'), 'Node SHA-256 of the payload', rate(verified, 'node'), { text: '≥ 0.8× SHA-256 alone', min: 0.8 }),
      row(ve, 'tamga verify, folder', rate(verified, 'folder'), 'SHA-256 ‖ SHA-512, two processes (the hashing verify must do)', rate(verified, 'both')),
      row(ve, 'tamga verify, folder', rate(verified, 'folder'), 'sha256sum -c manifest-sha256.txt', rate(verified, 'sha256sum'), { text: '≥ 3× sha256sum -c', min: 3 }),
      row(ve, 'tamga verify, zip', rate(verified, 'zip'), 'Node SHA-256 of the payload', rate(verified, 'node'), { text: '≥ 0.8× SHA-256 alone', min: 0.8 }),
      row(ve, 'tamga verify CLI, folder (with Node start-up)', rate(verified, 'cli'), 'sha256sum -c manifest-sha256.txt', rate(verified, 'sha256sum'), { text: '≥ 3× sha256sum -c', min: 3 }),
    ];
  } finally {
    await engine.close();
  }
}
