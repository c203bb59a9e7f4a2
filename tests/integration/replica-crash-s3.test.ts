// A push to S3 killed with SIGKILL anywhere, then run again, ends with a complete replica
// that verifies (tests/helpers/replica-crash-rounds.ts, the rounds of replica-crash.test.ts
// on a folder), and with no multipart upload left open in the bucket. The objects here are
// below the 8 MiB part size, so each is a single PUT: a kill inside one is covered by the
// random moments; a killed multipart upload is tested in replica-s3-store-faults.test.ts.
import { ListMultipartUploadsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { killPushes, PUSH_POINTS } from '../helpers/replica-crash-rounds';
import { s3Place, type ReplicaPlace } from '../helpers/replica-place';
import { makeReplicaVault, withEngine, type ReplicaVault } from '../helpers/replica-vault';
import { freshBucket, rawClient, removeBucket, s3TestServer } from '../helpers/s3-test-server';
import { removeTempDirs } from '../helpers/temp-vault';

const server = s3TestServer();
let bucket: string | undefined;

afterAll(async () => {
  if (server !== undefined && bucket !== undefined) await removeBucket(server, bucket);
  await removeTempDirs();
});

describe.skipIf(server === undefined)('a push to S3 killed at any point', () => {
  let place: ReplicaPlace;
  let v: ReplicaVault;
  beforeAll(async () => {
    bucket = await freshBucket(server as S3TestServer, 'crash');
    place = s3Place(server as S3TestServer, bucket);
    v = await makeReplicaVault(2, place.config);
    await withEngine(v.root, async (engine) => {
      await engine.pushReplicas('usb');
      await engine.pushReplicas('usb');
    });
  });

  it('ends, pushed again, with a complete replica that verifies (20 kills at fault points chosen at random, 2 at random moments)', async () => {
    await killPushes(v, place, { points: PUSH_POINTS, atPoints: 20, atMoments: 2 });
    const open = await rawClient(server as S3TestServer).send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(open.Uploads ?? []).toEqual([]);
  }, 300_000); // 22 rounds, each a CLI start, two scrypt unlocks, a push and a full verify: ~40–70 s alone, up to 3× on a busy machine
});
