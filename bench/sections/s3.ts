/**
 * S3 throughput on the real S3 test server (scripts/s3-test-server: Swift's s3api on
 * loopback, started and stopped here): the large file (1 GiB; 256 MiB with --quick) up and
 * down with the AWS SDK alone (lib-storage's Upload, a streamed GetObject), and through
 * Tamga's S3 replica store (src/main/engine/replica/s3-store.ts) with the same part size
 * and parallelism. The SDK figures are the baseline replica push and restore will be
 * compared with; the store's show what its per-part Content-MD5 and checks cost.
 *
 * On loopback the server is the bottleneck (Swift is Python, on the same two cores), so
 * these are a floor for real storage, not a forecast. Skipped, with one line, where the
 * server cannot start (python3-swift not installed).
 */
import { createReadStream } from 'node:fs';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { createS3Store, S3_DEFAULTS } from '../../src/main/engine/replica/s3-store';
import { interleaved } from '../measure';
import { MiB, mibPerSecond, type Row } from '../report';
import { largeFile, type BenchContext } from './context';
import { sdkClient, withBenchS3Server } from './s3-server';

const SECTION = 'S3 replica storage (Swift s3api on loopback)';
const PIECE = 1024 * 1024;

async function drain(stream: AsyncIterable<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const piece of stream) n += piece.byteLength;
  return n;
}

export async function benchS3(ctx: BenchContext): Promise<Row[]> {
  return withBenchS3Server(ctx, async (server, BUCKET) => {
    const { path: file, bytes: size } = await largeFile(ctx);
    const client = sdkClient(server);
    const store = createS3Store({
      endpoint: server.endpoint,
      bucket: BUCKET,
      prefix: 'store',
      region: server.region,
      credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    });
    const check = (what: string, n: number): void => {
      if (n !== size) throw new Error(`${what} moved ${n} bytes, not ${size}`);
    };

    const up = await interleaved(
      {
        sdk: async () => {
          const upload = new Upload({
            client,
            params: { Bucket: BUCKET, Key: 'sdk/large', Body: createReadStream(file, { highWaterMark: PIECE }) },
            partSize: S3_DEFAULTS.partSize,
            queueSize: S3_DEFAULTS.concurrency,
          });
          await upload.done();
        },
        store: () => store.put('large', createReadStream(file, { highWaterMark: PIECE }), size),
      },
      { runs: ctx.quick ? 2 : 3, warmup: 0 },
    );
    const down = await interleaved(
      {
        sdk: async () => {
          const answer = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'sdk/large' }));
          check('GetObject', await drain(answer.Body as AsyncIterable<Uint8Array>));
        },
        store: async () => check('store get', await drain(await store.get('large'))),
      },
      { runs: ctx.quick ? 2 : 3, warmup: 0 },
    );
    const ms = (m: typeof up, name: string): number => m[name]?.medianMs ?? Number.NaN;
    const parts = `${S3_DEFAULTS.partSize / MiB} MiB parts, ${S3_DEFAULTS.concurrency} in flight`;
    return [
      {
        section: SECTION,
        what: `S3 store put of one ${size / MiB} MiB file (multipart, ${parts}, Content-MD5 per part)`,
        value: mibPerSecond(size, ms(up, 'store')),
        unit: 'MiB/s',
        baseline: { what: `SDK alone: lib-storage Upload, same file, ${parts}`, value: mibPerSecond(size, ms(up, 'sdk')), unit: 'MiB/s' },
        ratio: ms(up, 'sdk') / ms(up, 'store'),
      },
      {
        section: SECTION,
        what: `S3 store get of the same ${size / MiB} MiB (streamed, length checked)`,
        value: mibPerSecond(size, ms(down, 'store')),
        unit: 'MiB/s',
        baseline: { what: 'SDK alone: GetObject streamed', value: mibPerSecond(size, ms(down, 'sdk')), unit: 'MiB/s' },
        ratio: ms(down, 'sdk') / ms(down, 'store'),
      },
      {
        section: SECTION,
        what: 'S3 test server start (start.sh until a signed ListBuckets answers)',
        value: server.startSeconds,
        unit: 's',
      },
    ];
  });
}
