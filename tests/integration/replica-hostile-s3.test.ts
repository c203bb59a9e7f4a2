// A hostile replica storage, on S3 (the real server of tests/helpers/s3-global-setup.ts):
// the same cases as on a folder (tests/helpers/replica-hostile-cases.ts), the damage done
// with the SDK's own PutObject, DeleteObject and CopyObject, never through Tamga.
import { afterAll, describe } from 'vitest';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { defineHostileStorageCases } from '../helpers/replica-hostile-cases';
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
  defineHostileStorageCases('S3', async () => {
    const s = server as S3TestServer;
    bucket = await freshBucket(s, 'hostile');
    return s3Place(s, bucket);
  });
});
