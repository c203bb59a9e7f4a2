/**
 * `tamga verify` on three shapes of bundle: one large exhibit (1 GiB; 256 MiB with
 * --quick), many small ones (2000 files of 1–200 KiB; 300 with --quick) and both together,
 * each exported once from one vault (untimed). Against, in the same interleaved rounds:
 * - bagit-python's method (bench/bagit-validate.py: hashlib, SHA-256 and SHA-512 of each
 *   file in one pass, files over multiprocessing.Pool(2), as `bagit.py --validate
 *   --processes 2`), a whole Python process;
 * - `sha256sum -c manifest-sha256.txt` then `sha512sum -c manifest-sha512.txt`.
 * Tamga is timed twice: in process (verifyBundle) and as the CLI with its Node start-up,
 * which is what compares with a whole Python process. Page cache warm throughout.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createEngine } from '../../src/main/engine/api';
import { verifyBundle } from '../../src/main/engine/bundle/verify/verify';
import { shell } from '../baselines';
import { writeSmallFiles } from '../inputs';
import { interleaved } from '../measure';
import { mibPerSecond, type Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, largeFile, type BenchContext } from './context';

const TAMGA_BIN = join(import.meta.dirname, '..', '..', 'bin', 'tamga.mjs');
const BAGIT = join(import.meta.dirname, '..', 'bagit-validate.py');

interface Bundle {
  readonly name: string;
  readonly folder: string;
  readonly key: string;
  readonly bytes: number;
  readonly files: number;
}

export async function benchVerify(ctx: BenchContext): Promise<Row[]> {
  const large = await largeFile(ctx);
  const smallDir = join(ctx.tmp, 'small-files');
  await writeSmallFiles(smallDir, ctx.quick ? 300 : 2000);
  const root = await freshVault(ctx, 'verify-vault');
  const engine = createEngine({ actor: 'tamga-bench' });
  await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
  const bundles: Bundle[] = [];
  try {
    const one = await engine.importFiles({ paths: [large.path] });
    const many = await engine.importFiles({ paths: [smallDir] });
    const ids = (s: typeof one): string[] => [...new Set(s.imported.map((i) => i.itemId))];
    const shapes = [
      { name: 'one large file', items: ids(one) },
      { name: 'many small files', items: ids(many) },
      { name: 'mix: the large file and the small ones', items: [...ids(one), ...ids(many)] },
    ];
    for (const [i, shape] of shapes.entries()) {
      const folder = join(ctx.tmp, `verify-bundle-${i}`);
      const out = await engine.exportBundle({ selection: { kind: 'items', items: shape.items }, outPath: folder, recipient: 'Benchmark court' });
      bundles.push({ name: shape.name, folder, key: out.keyFingerprint, bytes: out.exhibits.reduce((s, e) => s + e.size, 0), files: out.exhibits.length });
    }
  } finally {
    await engine.close();
  }

  const rows: Row[] = [];
  for (const bundle of bundles) {
    const { folder, key } = bundle;
    await shell('cat data/* > /dev/null', folder); // into the page cache
    const m = await interleaved(
      {
        tamga: async () => {
          const report = await verifyBundle({ path: folder, key });
          if (!report.valid) throw new Error(`the benchmark bundle does not verify: ${JSON.stringify(report.problems.slice(0, 3))}`);
        },
        cli: () => shell(`${JSON.stringify(process.execPath)} ${JSON.stringify(TAMGA_BIN)} verify . --key ${key} > /dev/null`, folder),
        bagit: () => shell(`python3 ${JSON.stringify(BAGIT)} .`, folder),
        coreutils: () => shell('sha256sum --quiet -c manifest-sha256.txt && sha512sum --quiet -c manifest-sha512.txt', folder),
      },
      { runs: ctx.quick ? 2 : 3, warmup: 1 },
    );
    const rate = (name: string): number => mibPerSecond(bundle.bytes, m[name]?.medianMs ?? Number.NaN);
    const section = `Verify: ${bundle.name} (${bundle.files} exhibits, ${(bundle.bytes / 2 ** 20).toFixed(0)} MiB of payload)`;
    const row = (what: string, name: string, baseline: string, base: string, goal: number): Row => ({
      section,
      what,
      value: rate(name),
      unit: 'MiB/s',
      baseline: { what: baseline, value: rate(base), unit: 'MiB/s' },
      ratio: rate(name) / rate(base),
      goal: { text: `≥ ${goal}×`, met: rate(name) / rate(base) >= goal },
    });
    const bagit = "bagit-python's method (hashlib, both digests in one pass, Pool(2)), whole process";
    const coreutils = 'sha256sum -c + sha512sum -c, one after the other';
    rows.push(
      row('tamga verify CLI (whole process, with Node start-up)', 'cli', bagit, 'bagit', 1.5),
      row('tamga verify CLI (whole process, with Node start-up)', 'cli', coreutils, 'coreutils', 3),
      row('tamga verify in process (every manifest, seal, custody chains)', 'tamga', bagit, 'bagit', 1.5),
      row('tamga verify in process', 'tamga', coreutils, 'coreutils', 3),
    );
  }
  for (const bundle of bundles) await rm(bundle.folder, { recursive: true, force: true });
  return rows;
}
