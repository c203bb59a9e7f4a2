/**
 * Shared replica cases (hostile storage, lagging listings …) run on the real S3 test server
 * (tests/helpers/s3-global-setup.ts), in a fresh bucket removed when the file's tests end;
 * skipped, as every S3 test is, where no server runs.
 */
import { afterAll, describe } from 'vitest';
import { s3Place, type ReplicaPlace } from './replica-place';
import { freshBucket, removeBucket, s3TestServer } from './s3-test-server';
import { removeTempDirs } from './temp-vault';

export type DefineCases = (label: string, makePlace: () => Promise<ReplicaPlace>) => void;

export function onS3Bucket(bucketLabel: string, define: DefineCases): void {
  const server = s3TestServer();
  let bucket: string | undefined;
  afterAll(async () => {
    if (server !== undefined && bucket !== undefined) await removeBucket(server, bucket);
    await removeTempDirs();
  });
  describe.skipIf(server === undefined)('on S3', () => {
    define('S3', async () => {
      if (server === undefined) throw new Error('no S3 test server');
      bucket = await freshBucket(server, bucketLabel);
      return s3Place(server, bucket);
    });
  });
}
