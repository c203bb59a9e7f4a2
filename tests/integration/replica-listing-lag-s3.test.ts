// An S3 replica whose listing lags behind its objects, as real Swift, Ceph and B2 listings do
// (the cases are tests/helpers/replica-lag-cases.ts, shared with the folder), on the real
// server of tests/helpers/s3-global-setup.ts.
import { afterAll, describe } from 'vitest';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { defineListingLagCases } from '../helpers/replica-lag-cases';
import { s3Place } from '../helpers/replica-place';
import { freshBucket, removeBucket, s3TestServer } from '../helpers/s3-test-server';
import { removeTempDirs } from '../helpers/temp-vault';

const server = s3TestServer();
let bucket: string | undefined;

afterAll(async () => {
  if (server !== undefined && bucket !== undefined) await removeBucket(server, bucket);
  await removeTempDirs();
});

describe.skipIf(server === undefined)('on S3', () => {
  defineListingLagCases('S3', async () => {
    const s = server as S3TestServer;
    bucket = await freshBucket(s, 'lag');
    return s3Place(s, bucket);
  });
});
