/**
 * `npm run bench [-- --quick] [-- --only unlock,import,photos,phone,bundle,verify,search,s3,replica,exiftool,scale]`: Tamga's
 * speed on this machine, each figure next to a baseline measured in the same run on the
 * same bytes, with the goals from the issues. Prints a table and writes
 * bench/results/<date>-<host>[-quick].json. Inputs are generated into bench/tmp (never
 * stored) and removed at the end. Never part of `npm test`: no timing is asserted anywhere.
 */
import { cpus, hostname, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, type Row } from './report';
import { benchBundle } from './sections/bundle';
import { benchExifTool } from './sections/exiftool';
import type { BenchContext } from './sections/context';
import { benchLargeImport } from './sections/large-import';
import { benchPhoneDump } from './sections/phone-dump';
import { benchPhotos } from './sections/photos';
import { benchReplicas } from './sections/replica';
import { benchS3 } from './sections/s3';
import { benchScale } from './sections/scale';
import { benchSearchSection } from './sections/search';
import { benchUnlock } from './sections/unlock';
import { benchVerify } from './sections/verify';

const SECTIONS: Readonly<Record<string, (ctx: BenchContext) => Promise<Row[]>>> = {
  unlock: benchUnlock,
  import: benchLargeImport,
  photos: benchPhotos,
  phone: benchPhoneDump,
  bundle: benchBundle,
  verify: benchVerify,
  search: benchSearchSection,
  s3: benchS3,
  replica: benchReplicas,
  exiftool: benchExifTool,
  scale: benchScale,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    // The scale section on an existing synthetic vault (bench/synthetic-vault.ts) instead of the cached one, and the size of its tagging run.
    'scale-vault': { type: 'string' },
    'scale-tag': { type: 'string' },
  },
});
const quick = values.quick === true;
const chosen = values.only === undefined ? Object.keys(SECTIONS) : values.only.split(',').map((s) => s.trim());
const unknown = chosen.filter((s) => !(s in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(`unknown section(s): ${unknown.join(', ')}; choose from ${Object.keys(SECTIONS).join(', ')}\n`);
  process.exit(2);
}

const ctx: BenchContext = {
  quick,
  tmp: join(import.meta.dirname, 'tmp'),
  inputs: {},
  ...(values['scale-vault'] === undefined ? {} : { scaleVault: values['scale-vault'] }),
  ...(values['scale-tag'] === undefined ? {} : { scaleTagItems: Number(values['scale-tag']) }),
};
const started = new Date();
const rows: Row[] = [];
await rm(ctx.tmp, { recursive: true, force: true });
await mkdir(ctx.tmp, { recursive: true });
try {
  for (const name of chosen) {
    const t = performance.now();
    process.stdout.write(`${name}…`);
    const section = SECTIONS[name];
    if (section !== undefined) rows.push(...(await section(ctx)));
    process.stdout.write(` ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
  }
} finally {
  await rm(ctx.tmp, { recursive: true, force: true });
}

process.stdout.write(formatTable(rows));
const results = join(import.meta.dirname, 'results');
await mkdir(results, { recursive: true });
// A run of some sections never replaces the file of a full run.
const some = values.only === undefined ? '' : `-${chosen.join('-')}`;
const out = join(results, `${started.toISOString().slice(0, 10)}-${hostname()}${some}${quick ? '-quick' : ''}.json`);
const machine = { host: hostname(), cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version, platform: process.platform };
await writeFile(
  out,
  `${JSON.stringify(
    {
      date: started.toISOString(),
      seconds: Math.round((Date.now() - started.getTime()) / 1000),
      machine,
      quick,
      sections: chosen,
      pageCache: 'warm: every input is read once before it is timed',
      method: 'medians of interleaved rounds (baseline and Tamga alternate), after warm-up where noted in bench/sections',
      rows,
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`\nwrote ${out}\n`);
