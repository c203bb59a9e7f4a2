/**
 * The S3 server of this test run (tests/helpers/s3-global-setup.ts), and buckets on it.
 * Test files that use it belong to the `s3` vitest project: their names contain "-s3"
 * (vitest.config.ts). Each file makes its own bucket, so files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { createS3Store, type S3StoreTuning } from '../../src/main/engine/replica/s3-store';
import type { ReplicaStore } from '../../src/main/engine/replica/store';

export type ProvidedS3 = S3TestServer | { readonly skipped: string };

declare module 'vitest' {
  export interface ProvidedContext {
    s3TestServer: ProvidedS3;
  }
}

/** The server, or undefined when the S3 tests are skipped (the global setup said why). */
export function s3TestServer(): S3TestServer | undefined {
  const provided = inject('s3TestServer');
  return 'skipped' in provided ? undefined : provided;
}

/** A plain SDK client for the server, set as Swift's s3api needs (see s3-store.ts). */
export function rawClient(server: S3TestServer, credentials?: { accessKeyId: string; secretAccessKey: string }): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    credentials: credentials ?? { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey },
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** A new bucket with a unique name. */
export async function freshBucket(server: S3TestServer, label = 'test'): Promise<string> {
  const bucket = `tamga-${label}-${randomBytes(4).toString('hex')}`;
  await rawClient(server).send(new CreateBucketCommand({ Bucket: bucket }));
  return bucket;
}

/** Everything in the bucket, then the bucket: an external server is left as it was found. */
export async function removeBucket(server: S3TestServer, bucket: string): Promise<void> {
  const client = rawClient(server);
  const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
  for (const u of uploads.Uploads ?? []) await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
    // One by one: DeleteObjects needs a Content-MD5 the SDK no longer sends.
    for (const o of page.Contents ?? []) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key }));
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
  await client.send(new DeleteBucketCommand({ Bucket: bucket }));
}

export function storeOn(server: S3TestServer, bucket: string, prefix?: string, tuning?: S3StoreTuning): ReplicaStore {
  return createS3Store(
    { endpoint: server.endpoint, bucket, region: server.region, credentials: { accessKeyId: server.accessKeyId, secretAccessKey: server.secretAccessKey }, ...(prefix === undefined ? {} : { prefix }) },
    tuning,
  );
}
