/**
 * Replica push and restore, through the engine as `tamga replica push` and `tamga restore`
 * run them, of a vault holding one video-sized file (128 MiB; 64 MiB with --quick) and
 * small photos (200; 100 with --quick, each with its two thumbnails), set against moving
 * the same object set without Tamga in the same run. The sizes keep the section near a
 * minute on two cores: Swift on loopback takes 25 to 45 MiB/s, and each figure is the
 * median of two interleaved rounds (one with --quick).
 * - to and from S3 (the real S3 test server, as in s3.ts): the AWS SDK alone, one object
 *   after another as push and restore go (lib-storage's Upload with the store's part size
 *   and parallelism; a streamed GetObject into a file);
 * - to and from a folder: `cp -r` of the same files, and `cp -r` then an fsync of each
 *   file (`sync FILE…`), which is what a durable copy costs (the folder store fsyncs).
 * Push times the whole push (snapshot, upload, manifest); restore times the rebuild of the
 * vault folder (fetch, hash, write), not the unlock and audit after it. The S3 rows are
 * skipped with one line where the S3 server cannot start; the folder rows run anyway.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { createEngine, type Engine } from '../../src/main/engine/api';
import { S3_DEFAULTS } from '../../src/main/engine/replica/s3-store';
import type { ReplicaConfig } from '../../src/shared/replica';
import { shell } from '../baselines';
import { writeRandomFile, writeSmallPhotos } from '../inputs';
import { interleaved } from '../measure';
import { MiB, mibPerSecond, type Row } from '../report';
import { BENCH_PASSPHRASE, freshVault, type BenchContext } from './context';
import { sdkClient, withBenchS3Server } from './s3-server';

const SECTION = 'Replica push and restore';

/** The replica's files, relative, with their sizes (the folder store's temporary folder left out). */
async function filesOf(root: string): Promise<Array<{ name: string; size: number }>> {
  const out: Array<{ name: string; size: number }> = [];
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const name = join(e.parentPath, e.name).slice(root.length + 1);
    if (!name.startsWith('.tamga-tmp/')) out.push({ name, size: (await stat(join(root, name))).size });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

async function sdkUpload(client: S3Client, bucket: string, prefix: string, root: string, files: ReadonlyArray<{ name: string }>): Promise<void> {
  for (const f of files) {
    const upload = new Upload({
      client,
      params: { Bucket: bucket, Key: `${prefix}/${f.name}`, Body: createReadStream(join(root, f.name), { highWaterMark: MiB }) },
      partSize: S3_DEFAULTS.partSize,
      queueSize: S3_DEFAULTS.concurrency,
    });
    await upload.done();
  }
}

async function sdkDownload(client: S3Client, bucket: string, prefix: string, target: string, files: ReadonlyArray<{ name: string }>): Promise<void> {
  for (const f of files) {
    const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: `${prefix}/${f.name}` }));
    await mkdir(dirname(join(target, f.name)), { recursive: true });
    await pipeline(answer.Body as Readable, createWriteStream(join(target, f.name)));
  }
}

interface Timed {
  readonly push: () => Promise<number>;
  readonly restore: () => Promise<number>;
}

/** Push to a new replica each time (a whole push, not an incremental one), and restore from the last one. */
function pushesAndRestores(ctx: BenchContext, engine: Engine, name: string, configFor: (run: number) => Promise<ReplicaConfig>, sourceOf: (config: ReplicaConfig) => string | ReplicaConfig, objects: number): Timed {
  let run = 0;
  let last: ReplicaConfig | null = null;
  return {
    push: async () => {
      run += 1;
      const config = await configFor(run);
      await engine.addReplica({ name: `${name}-${run}`, config });
      const start = performance.now();
      const [result] = await engine.pushReplicas(`${name}-${run}`);
      const ms = performance.now() - start;
      if (result?.objectCount !== objects) throw new Error(`push to ${name} sent ${String(result?.objectCount)} objects, not ${objects}`);
      last = config;
      return ms;
    },
    restore: async () => {
      if (last === null) throw new Error('restore before push');
      const target = join(ctx.tmp, `restored-${name}`);
      await rm(target, { recursive: true, force: true });
      const start = performance.now();
      const result = await engine.restoreReplica({ source: sourceOf(last), target });
      const ms = performance.now() - start;
      if (!result.ok || result.restoredObjects !== objects) throw new Error(`restore from ${name}: ok ${String(result.ok)}, ${result.restoredObjects} of ${objects} objects`);
      await rm(target, { recursive: true, force: true });
      return ms;
    },
  };
}

export async function benchReplicas(ctx: BenchContext): Promise<Row[]> {
  const runs = ctx.quick ? 1 : 2;
  const videoBytes = (ctx.quick ? 64 : 128) * MiB;
  const photoCount = ctx.quick ? 100 : 200;
  const inputs = join(ctx.tmp, 'replica-inputs');
  await mkdir(inputs, { recursive: true });
  await writeRandomFile(join(inputs, 'VID_0001.MOV'), videoBytes);
  await writeSmallPhotos(join(inputs, 'photos'), photoCount);

  const root = await freshVault(ctx, 'replica-vault');
  const engine = createEngine({ actor: 'tamga-bench' });
  try {
    await engine.unlockVault({ path: root, passphrase: BENCH_PASSPHRASE });
    const imported = await engine.importFiles({ paths: [inputs] });
    if (imported.imported.length !== photoCount + 1) throw new Error(`imported ${imported.imported.length} of ${photoCount + 1} files`);

    // The object set, once, in a folder replica: what every baseline moves.
    const setDir = join(ctx.tmp, 'replica-set');
    await engine.addReplica({ name: 'set', config: { kind: 'folder', path: setDir } });
    await engine.pushReplicas('set');
    const files = await filesOf(setDir);
    const bytes = files.reduce((s, f) => s + f.size, 0);
    const objects = files.filter((f) => !f.name.startsWith('manifests/') && f.name !== 'README.txt').length;
    const what = `${files.length} files, ${(bytes / MiB).toFixed(0)} MiB: one ${videoBytes / MiB} MiB video, ${photoCount} photos and their thumbnails`;
    const rows: Row[] = [];
    const row = (label: string, tamgaMs: number, baseline: string, baseMs: number): Row => ({
      section: SECTION,
      what: `${label} of ${what}`,
      value: mibPerSecond(bytes, tamgaMs),
      unit: 'MiB/s',
      baseline: { what: baseline, value: mibPerSecond(bytes, baseMs), unit: 'MiB/s' },
      ratio: baseMs / tamgaMs,
    });

    const folder = pushesAndRestores(
      ctx,
      engine,
      'folder',
      async (run) => {
        const path = join(ctx.tmp, `replica-folder-${run}`);
        await rm(join(ctx.tmp, `replica-folder-${run - 1}`), { recursive: true, force: true });
        return { kind: 'folder', path };
      },
      (config) => (config.kind === 'folder' ? config.path : ''),
      objects,
    );
    const copy = join(ctx.tmp, 'replica-copy');
    const cp = (fsync: boolean) => async (): Promise<void> => {
      await rm(copy, { recursive: true, force: true });
      await shell(`cp -r ${JSON.stringify(setDir)} ${JSON.stringify(copy)}${fsync ? ` && find ${JSON.stringify(copy)} -type f -exec sync {} +` : ''}`);
    };
    const fp = await interleaved({ tamga: folder.push, cp: cp(false), cpSync: cp(true) }, { runs, warmup: 0 });
    const fr = await interleaved({ tamga: folder.restore, cp: cp(false) }, { runs, warmup: 0 });
    await rm(copy, { recursive: true, force: true });
    const ms = (m: typeof fp, name: string): number => m[name]?.medianMs ?? Number.NaN;
    rows.push(
      row('folder replica push', ms(fp, 'tamga'), 'cp -r of the same files', ms(fp, 'cp')),
      row('folder replica push', ms(fp, 'tamga'), 'cp -r, then sync (fsync) of each file', ms(fp, 'cpSync')),
      row('restore from a folder replica', ms(fr, 'tamga'), 'cp -r of the same files', ms(fr, 'cp')),
    );

    const s3Rows = await withBenchS3Server(ctx, async (server: S3TestServer, bucket: string) => {
      const client = sdkClient(server);
      const s3config = (prefix: string): ReplicaConfig => ({ kind: 's3', endpoint: server.endpoint, bucket, prefix, region: server.region, accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey });
      const s3 = pushesAndRestores(ctx, engine, 's3', async (run) => s3config(`replica-${run}`), (config) => config, objects);
      let up = 0;
      const down = join(ctx.tmp, 'sdk-download');
      const sp = await interleaved({ tamga: s3.push, sdk: () => sdkUpload(client, bucket, `sdk-${(up += 1)}`, setDir, files) }, { runs, warmup: 0 });
      const sr = await interleaved(
        {
          tamga: s3.restore,
          sdk: async () => {
            await rm(down, { recursive: true, force: true });
            await sdkDownload(client, bucket, `sdk-${up}`, down, files);
          },
        },
        { runs, warmup: 0 },
      );
      await rm(down, { recursive: true, force: true });
      const parts = `${S3_DEFAULTS.partSize / MiB} MiB parts, ${S3_DEFAULTS.concurrency} in flight`;
      return [
        row('S3 replica push', ms(sp, 'tamga'), `SDK alone: lib-storage Upload of each file in turn, ${parts}`, ms(sp, 'sdk')),
        row('restore from an S3 replica', ms(sr, 'tamga'), 'SDK alone: GetObject of each file in turn, streamed into a file', ms(sr, 'sdk')),
      ];
    });
    return [...rows, ...s3Rows];
  } finally {
    await engine.close();
  }
}
