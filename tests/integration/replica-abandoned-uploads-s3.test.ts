// A push killed in the middle of a multipart upload (SIGKILL after a part was sent, in a
// child process) leaves the upload open on the storage, holding its parts; the next push
// aborts it, says how many it aborted, and touches no upload outside the replica's own
// prefix, nor one under it of a name no replica writes. On the real server of
// tests/helpers/s3-global-setup.ts.
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, UploadPartCommand } from '@aws-sdk/client-s3';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { S3TestServer } from '../../scripts/s3-test-server/launch';
import { runTamga } from '../helpers/child-process';
import { s3Place } from '../helpers/replica-place';
import { generatedFiles, makeReplicaVault, withEngine } from '../helpers/replica-vault';
import { freshBucket, rawClient, removeBucket, s3TestServer } from '../helpers/s3-test-server';
import { PASSPHRASE, removeTempDirs, tempDir } from '../helpers/temp-vault';

const server = s3TestServer();
let bucket: string | undefined;

afterAll(async () => {
  if (server !== undefined && bucket !== undefined) await removeBucket(server, bucket);
  await removeTempDirs();
});

describe.skipIf(server === undefined)('unfinished multipart uploads on S3', () => {
  it('a push killed mid-upload leaves one; the next push aborts it and says so, and only those of its own prefix', async () => {
    const s = server as S3TestServer;
    bucket = await freshBucket(s, 'uploads');
    const place = s3Place(s, bucket);
    const client = rawClient(s);
    const uploads = async (prefix: string): Promise<string[]> =>
      ((await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: prefix }))).Uploads ?? []).map((u) => u.Key as string).sort();
    const v = await makeReplicaVault(1, place.config);
    // An original over the 8 MiB part size: sent as a multipart upload.
    const big = await generatedFiles(1, 12 * 1024 * 1024);
    await withEngine(v.root, (engine) => engine.importFiles({ paths: [big] }));
    const passFile = join(await tempDir(), 'pass');
    await writeFile(passFile, `${PASSPHRASE}\n`);
    const push = (env: Record<string, string> = {}) => runTamga(['replica', 'push', v.root, 'usb', '--quiet', '--passphrase-file', passFile], env);

    const killed = await push({ TAMGA_TEST_CRASH_AT: 's3-upload:part-sent@1' });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    const left = await uploads('tamga/laptop/');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^tamga\/laptop\/blobs\/[0-9a-f]{2}\/[0-9a-f]{32}$/);

    // Not this replica's: another prefix that merely starts alike, and a name no replica writes.
    const part = Buffer.alloc(5 * 1024 * 1024, 1);
    const others = ['tamga/laptop-old/blobs/ab/ab000000000000000000000000000001', 'tamga/laptop/notes/draft.txt', 'other-program/video.mp4'];
    for (const Key of others) {
      const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key }));
      await client.send(new UploadPartCommand({ Bucket: bucket, Key, UploadId, PartNumber: 1, Body: part, ContentLength: part.length }));
    }

    const again = await push();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('Aborted 1 unfinished upload an earlier, stopped push left in "usb" (it held storage).');
    expect(again.stdout).not.toContain('NOTE');
    expect(await uploads('tamga/laptop/')).toEqual(['tamga/laptop/notes/draft.txt']);
    expect(await uploads('')).toEqual([...others].sort());

    // Nothing to abort: nothing said, and the replica the two pushes made verifies.
    const [third] = await withEngine(v.root, (engine) => engine.pushReplicas('usb'));
    expect(third).toMatchObject({ abortedUploads: 0, uploadsUnlisted: null });
    expect((await withEngine(v.root, (engine) => engine.verifyReplica({ name: 'usb' }))).problems).toEqual([]);
  });
});
