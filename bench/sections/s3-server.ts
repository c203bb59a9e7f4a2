/** The S3 test server for the bench sections that need one (s3.ts, replica.ts): started, given a bucket, stopped. */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { startS3TestServer, stopS3TestServer, type S3TestServer } from '../../scripts/s3-test-server/launch';
import type { Row } from '../report';
import type { BenchContext } from './context';

export const BENCH_BUCKET = 'tamga-bench';

/** A plain SDK client, set as Swift's s3api needs (see s3-store.ts). */
export function sdkClient(server: S3TestServer): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Runs `work` against a fresh server and bucket; where the server cannot start, says so on one line and gives no rows. */
export async function withBenchS3Server(ctx: BenchContext, work: (server: S3TestServer, bucket: string) => Promise<Row[]>): Promise<Row[]> {
  const dir = join(ctx.tmp, 's3-server');
  await mkdir(dir, { recursive: true });
  const started = await startS3TestServer(dir, { ownerPid: process.pid });
  if (!started.ok) {
    process.stdout.write(` S3 skipped: ${started.reason}`);
    await rm(dir, { recursive: true, force: true });
    return [];
  }
  try {
    await sdkClient(started.server).send(new CreateBucketCommand({ Bucket: BENCH_BUCKET }));
    return await work(started.server, BENCH_BUCKET);
  } finally {
    await stopS3TestServer(dir);
    await rm(dir, { recursive: true, force: true });
  }
}
