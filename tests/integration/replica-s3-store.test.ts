// The S3 replica store against a real S3 server: OpenStack Swift's s3api, started for this
// run by tests/helpers/s3-global-setup.ts (or the server TAMGA_TEST_S3_ENDPOINT names).
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, ListPartsCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startS3TestServer, stopS3TestServer, type S3TestServer } from '../../scripts/s3-test-server/launch';
import { TamgaError } from '../../src/shared/errors';
import { createS3Store } from '../../src/main/engine/replica/s3-store';
import type { ReplicaObject, ReplicaStore } from '../../src/main/engine/replica/store';
import { digest, generatedBody } from '../helpers/generated-body';
import { defineReplicaStoreContract } from '../helpers/replica-store-contract';
import { freshBucket, rawClient, removeBucket, s3TestServer, storeOn } from '../helpers/s3-test-server';

const server = s3TestServer();
const MiB = 1024 * 1024;

async function all(list: AsyncIterable<ReplicaObject>): Promise<ReplicaObject[]> {
  const out: ReplicaObject[] = [];
  for await (const o of list) out.push(o);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function bytes(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of stream) parts.push(p);
  return Buffer.concat(parts);
}

async function* pieces(...texts: string[]): AsyncIterable<Uint8Array> {
  for (const t of texts) yield Buffer.from(t);
}

async function rejection(promise: Promise<unknown>): Promise<TamgaError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TamgaError);
  return error as TamgaError;
}

/** What a person would read: one sentence, no SDK internals. */
function expectPlainMessage(error: TamgaError): void {
  expect(error.message).not.toMatch(/\n|node_modules|S3ServiceException|\$metadata|UnknownError/);
  expect(() => JSON.stringify(error.toData())).not.toThrow();
}

/** A port on loopback where nothing listens (bound, then released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 9;
}

/** Beyond the shared contract (tests/helpers/replica-store-contract.ts). */
function describeMoreStoreCases(label: string, makeStore: () => ReplicaStore): void {
  describe(`${label}: more than the contract`, () => {
    let store: ReplicaStore;
    beforeAll(() => {
      store = makeStore();
    });

    it('keeps a 0-byte object, from bytes or from an empty stream', async () => {
      await store.put('empty/a', new Uint8Array(0), 0);
      await store.put('empty/b', pieces(), 0);
      expect(await store.stat('empty/a')).toEqual({ name: 'empty/a', size: 0 });
      expect(await store.stat('empty/b')).toEqual({ name: 'empty/b', size: 0 });
      expect((await bytes(await store.get('empty/a'))).length).toBe(0);
    });

    it('NOT_FOUND names the object and the storage, in one plain sentence', async () => {
      const e = await rejection(store.get('blobs/zz/absent'));
      expect(e.code).toBe('NOT_FOUND');
      expect(e.message).toBe(`"blobs/zz/absent" is not in ${store.description}.`);
      expectPlainMessage(e);
    });

    it('lists nested prefixes, and nothing for a prefix no name has', async () => {
      await store.put('list/x/1', Buffer.from('1'), 1);
      await store.put('list/x/22', pieces('2', '2'), 2);
      await store.put('list/y/1', Buffer.from('y'), 1);
      expect(await all(store.list('list/x/'))).toEqual([
        { name: 'list/x/1', size: 1 },
        { name: 'list/x/22', size: 2 },
      ]);
      expect((await all(store.list('list/'))).map((o) => o.name)).toEqual(['list/x/1', 'list/x/22', 'list/y/1']);
      expect(await all(store.list('list/x/2'))).toEqual([{ name: 'list/x/22', size: 2 }]);
      expect(await all(store.list('nothing-here/'))).toEqual([]);
    });

    it('a signal aborted already cancels a put before anything is sent', async () => {
      const e = await rejection(store.put('cancel/early', Buffer.from('x'), 1, AbortSignal.abort()));
      expect(e.code).toBe('CANCELLED');
      expect(await store.stat('cancel/early')).toBeNull();
    });
  });
}

describe.skipIf(server === undefined)('S3 replica store', () => {
  const s = server as S3TestServer;
  let bucket: string;
  beforeAll(async () => {
    bucket = await freshBucket(s, 'store');
  });
  afterAll(async () => {
    if (bucket !== undefined) await removeBucket(s, bucket);
  });

  // A fresh, empty store each time: a new prefix, or a new bucket for the bucket's top.
  let made = 0;
  const topBuckets: string[] = [];
  afterAll(async () => {
    for (const b of topBuckets) await removeBucket(s, b);
  });
  defineReplicaStoreContract('S3 under a prefix', async () => storeOn(s, bucket, `contract/laptop-${++made}`));
  defineReplicaStoreContract('S3 at the top of a bucket', async () => {
    topBuckets.push(await freshBucket(s, 'top'));
    return storeOn(s, topBuckets.at(-1) ?? '', undefined);
  });
  describeMoreStoreCases('S3 under a prefix', () => storeOn(s, bucket, 'tamga/laptop-1'));

  it('names are keys under the prefix; another prefix in the same bucket sees none of them', async () => {
    const mine = storeOn(s, bucket, '/keys/mine/');
    const other = storeOn(s, bucket, 'keys/other');
    await mine.put('blobs/ab/cd', Buffer.from('mine'), 4);
    const raw = await rawClient(s).send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'keys/' }));
    expect(raw.Contents?.map((o) => o.Key)).toEqual(['keys/mine/blobs/ab/cd']);
    expect(await all(other.list(''))).toEqual([]);
    expect(await other.stat('blobs/ab/cd')).toBeNull();
    expect(mine.description).toBe(`S3 bucket ${bucket}/keys/mine at ${s.endpoint}`);
  });

  it('small objects go in one PUT with Content-MD5 (the ETag is the MD5), and lists page through continuation tokens', async () => {
    const store = storeOn(s, bucket, 'paged', { listPageSize: 4 });
    const names = Array.from({ length: 23 }, (_, i) => `blobs/${String(i).padStart(3, '0')}`);
    // A few at a time: Swift on two shared cores takes tens of small PUTs a second.
    for (let i = 0; i < names.length; i += 6) {
      await Promise.all(names.slice(i, i + 6).map((n) => store.put(n, Buffer.from(n), n.length)));
    }
    expect((await all(store.list('blobs/'))).map((o) => o.name)).toEqual(names);
    const head = await rawClient(s).send(new HeadObjectCommand({ Bucket: bucket, Key: 'paged/blobs/000' }));
    expect(head.ETag).toBe(`"${createHash('md5').update('blobs/000').digest('hex')}"`);
  });

  it('streams a 24 MiB body as a multipart upload, reading ahead at most (concurrency + 1) parts of what the server has', async () => {
    const partSize = 5 * MiB;
    const concurrency = 2;
    const store = storeOn(s, bucket, 'multi', { partSize, concurrency });
    const client = rawClient(s);
    const key = 'multi/blobs/large';
    let worstAhead = 0;
    let checks = 0;
    // At each part boundary, ask the server how much it has taken in (ListParts): what
    // the store has pulled beyond that is what it holds in memory.
    const source = generatedBody(24 * MiB, {
      beforeChunk: async (pulled) => {
        if (pulled === 0 || pulled % partSize !== 0) return;
        const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: key }));
        const upload = uploads.Uploads?.find((u) => u.Key === key);
        let stored = 0;
        if (upload !== undefined) {
          const parts = await client.send(new ListPartsCommand({ Bucket: bucket, Key: key, UploadId: upload.UploadId }));
          stored = (parts.Parts ?? []).reduce((sum, p) => sum + (p.Size ?? 0), 0);
        }
        worstAhead = Math.max(worstAhead, pulled - stored);
        checks++;
      },
    });
    const t0 = performance.now();
    await store.put('blobs/large', source.body, 24 * MiB);
    const seconds = (performance.now() - t0) / 1000;
    expect(checks).toBe(4);
    expect(worstAhead).toBeLessThanOrEqual((concurrency + 1) * partSize);

    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    expect(head.ETag).toMatch(/-5"$/); // five parts: 4 × 5 MiB + 4 MiB
    expect(await store.stat('blobs/large')).toEqual({ name: 'blobs/large', size: 24 * MiB });
    const t1 = performance.now();
    const back = await digest(await store.get('blobs/large'));
    console.log(`S3 multipart: 24 MiB up in ${seconds.toFixed(2)} s (with ListParts probes), down in ${((performance.now() - t1) / 1000).toFixed(2)} s`);
    expect(back).toEqual({ sha256: source.sha256(), size: 24 * MiB });
    const left = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'multi/' }));
    expect(left.Uploads ?? []).toEqual([]);
  });

  it('cancelling mid-upload stops it, leaves no object and aborts the multipart upload before put() returns', async () => {
    const store = storeOn(s, bucket, 'abort', { partSize: 5 * MiB, concurrency: 2 });
    const controller = new AbortController();
    const source = generatedBody(40 * MiB, {
      beforeChunk: (pulled) => {
        if (pulled === 12 * MiB) controller.abort();
      },
    });
    const e = await rejection(store.put('blobs/cancelled', source.body, 40 * MiB, controller.signal));
    expect(e.code).toBe('CANCELLED');
    expectPlainMessage(e);
    expect(source.pulled()).toBeLessThan(20 * MiB);
    expect(await store.stat('blobs/cancelled')).toBeNull();
    const uploads = await rawClient(s).send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'abort/' }));
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  it('a body that ends short of its size fails the multipart upload and leaves nothing', async () => {
    const store = storeOn(s, bucket, 'short', { partSize: 5 * MiB });
    const source = generatedBody(11 * MiB);
    const e = await rejection(store.put('blobs/short', source.body, 12 * MiB));
    expect(e).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('11534336 bytes, not the 12582912') });
    expect(await store.stat('blobs/short')).toBeNull();
    const uploads = await rawClient(s).send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'short/' }));
    expect(uploads.Uploads ?? []).toEqual([]);
  });

  it('stops reading when the caller stops, and a download can be cancelled', async () => {
    const store = storeOn(s, bucket, 'read');
    await store.put('blobs/r', Buffer.alloc(3 * MiB, 7), 3 * MiB);
    for await (const _ of await store.get('blobs/r')) break;
    const controller = new AbortController();
    const stream = await store.get('blobs/r', controller.signal);
    controller.abort();
    const e = await rejection(bytes(stream));
    expect(e.code).toBe('CANCELLED');
  });

  it('a bucket that does not exist is STORAGE_NO_BUCKET for every call, stat included', async () => {
    const store = storeOn(s, 'tamga-no-such-bucket-here', 'p');
    const calls: [string, () => Promise<unknown>][] = [
      ['put', () => store.put('a', Buffer.from('x'), 1)],
      ['put multipart', () => storeOn(s, 'tamga-no-such-bucket-here', 'p', { partSize: 5 * MiB }).put('a', generatedBody(6 * MiB).body, 6 * MiB)],
      ['get', () => store.get('a')],
      ['stat', () => store.stat('a')],
      ['list', () => all(store.list(''))],
      ['delete', () => store.delete('a')],
    ];
    for (const [what, call] of calls) {
      const e = await rejection(call());
      expect(e.code, what).toBe('STORAGE_NO_BUCKET');
      expect(e.message).toBe(`The bucket "tamga-no-such-bucket-here" does not exist at ${s.endpoint}.`);
      expectPlainMessage(e);
    }
  });

  it('a wrong secret or an unknown access key is STORAGE_ACCESS_DENIED', async () => {
    const config = { endpoint: s.endpoint, bucket, region: s.region };
    for (const credentials of [
      { accessKeyId: s.accessKeyId, secretAccessKey: 'not-the-secret' },
      { accessKeyId: 'nobody:none', secretAccessKey: 'testing' },
    ]) {
      const store = createS3Store({ ...config, credentials });
      for (const call of [() => store.put('x', Buffer.from('x'), 1), () => store.stat('x'), () => store.get('x'), () => all(store.list(''))]) {
        const e = await rejection(call());
        expect(e.code).toBe('STORAGE_ACCESS_DENIED');
        expect(e.message).toMatch(new RegExp(`^S3 bucket ${bucket} at ${s.endpoint} refused access while .*: `));
        expectPlainMessage(e);
      }
    }
  });

  it('nothing listening, or a host that does not exist, is STORAGE_UNREACHABLE, quickly', async () => {
    const credentials = { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey };
    for (const endpoint of [`http://127.0.0.1:${await closedPort()}`, 'http://s3.tamga-test.invalid:9000']) {
      const store = createS3Store({ endpoint, bucket, credentials });
      const t0 = performance.now();
      for (const call of [() => store.put('x', Buffer.from('x'), 1), () => store.stat('x'), () => all(store.list(''))]) {
        const e = await rejection(call());
        expect(e.code, endpoint).toBe('STORAGE_UNREACHABLE');
        expect(e.message).toMatch(new RegExp(`^S3 bucket ${bucket} at ${endpoint} could not be reached: `));
        expectPlainMessage(e);
      }
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('malformed settings are INVALID_ARGUMENT before anything is sent', () => {
    const credentials = { accessKeyId: 'a', secretAccessKey: 'b' };
    for (const config of [
      { endpoint: 'not a url', bucket: 'b-1', credentials },
      { endpoint: 'ftp://host', bucket: 'b-1', credentials },
      { endpoint: 'http://user:pw@host', bucket: 'b-1', credentials },
      { endpoint: 'http://host', bucket: 'a/b', credentials },
      { endpoint: 'http://host', bucket: 'b-1', prefix: 'a/../b', credentials },
      { endpoint: 'http://host', bucket: 'b-1', credentials: { accessKeyId: '', secretAccessKey: '' } },
    ]) {
      expect(() => createS3Store(config), JSON.stringify(config)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

// A server of its own, started and stopped here: a store whose server goes away answers
// STORAGE_UNREACHABLE, and stop.sh leaves no process behind.
describe.skipIf(server === undefined)('S3 test server scripts', () => {
  it('start.sh brings up a server in its folder, stop.sh ends every process it started', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tamga-s3-own-'));
    try {
      const started = await startS3TestServer(dir);
      if (!started.ok) throw new Error(started.reason);
      const own = started.server;
      const bucket = await freshBucket(own, 'down');
      const store = storeOn(own, bucket, 'p');
      await store.put('a', Buffer.from('before'), 6);
      const raw = await rawClient(own).send(new GetObjectCommand({ Bucket: bucket, Key: 'p/a' }));
      expect(await raw.Body?.transformToString()).toBe('before');

      const run = join(dir, 'run');
      const recorded = await Promise.all((await readdir(run)).filter((f) => f.endsWith('.pid')).map(async (f) => Number(await readFile(join(run, f), 'utf8'))));
      expect(recorded).toHaveLength(5); // memcached, account, container, object, proxy
      await stopS3TestServer(dir);
      const left: string[] = [];
      for (const pid of await readdir('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
        if (cmd.includes(dir) || recorded.includes(Number(pid))) left.push(`${pid}: ${cmd.replaceAll('\0', ' ')}`);
      }
      expect(left).toEqual([]);

      const e = await rejection(store.get('a'));
      expect(e.code).toBe('STORAGE_UNREACHABLE');
      expect(e.message).toContain('refused the connection');
    } finally {
      await stopS3TestServer(dir);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
