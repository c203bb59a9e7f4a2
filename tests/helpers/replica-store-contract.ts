/**
 * The contract every ReplicaStore keeps (src/main/engine/replica/store.ts), as vitest
 * cases for any store factory: the folder store runs it (replica-folder-store.test.ts)
 * and the S3 store runs it against a test server. `make` returns a fresh, empty store.
 */
import { createHash, randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ReplicaObject, ReplicaStore } from '../../src/main/engine/replica/store';

async function bytesOf(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function listed(store: ReplicaStore, prefix: string): Promise<ReplicaObject[]> {
  const out: ReplicaObject[] = [];
  for await (const o of store.list(prefix)) out.push(o);
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** A body of `count` chunks of `size` bytes, generated as it is read: nothing holds it whole. */
async function* generated(count: number, size: number, hash: ReturnType<typeof createHash>): AsyncIterable<Uint8Array> {
  for (let i = 0; i < count; i++) {
    const chunk = randomBytes(size);
    hash.update(chunk);
    yield chunk;
  }
}

export function defineReplicaStoreContract(label: string, make: () => Promise<ReplicaStore>): void {
  it(`${label}: put then get, stat and list give the same bytes and size`, async () => {
    const store = await make();
    const body = randomBytes(3000);
    await store.put('blobs/ab/ab000000000000000000000000000001', body, body.length);
    expect((await bytesOf(await store.get('blobs/ab/ab000000000000000000000000000001'))).equals(body)).toBe(true);
    expect(await store.stat('blobs/ab/ab000000000000000000000000000001')).toEqual({ name: 'blobs/ab/ab000000000000000000000000000001', size: 3000 });
    expect(await listed(store, '')).toEqual([{ name: 'blobs/ab/ab000000000000000000000000000001', size: 3000 }]);
    expect(typeof store.description).toBe('string');
  });

  it(`${label}: an absent object is NOT_FOUND for get and null for stat; delete of an absent one is no error`, async () => {
    const store = await make();
    await expect(store.get('vault.json')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await store.stat('vault.json')).toBeNull();
    await store.delete('vault.json');
  });

  it(`${label}: list filters by prefix; delete removes`, async () => {
    const store = await make();
    for (const name of ['index/00000001-0000000000000000.db', 'index/00000002-0000000000000000.db', 'manifests/00000001.json', 'README.txt']) await store.put(name, Buffer.from(name), name.length);
    expect((await listed(store, 'index/')).map((o) => o.name)).toEqual(['index/00000001-0000000000000000.db', 'index/00000002-0000000000000000.db']);
    expect((await listed(store, '')).length).toBe(4);
    await store.delete('index/00000001-0000000000000000.db');
    expect((await listed(store, 'index/')).map((o) => o.name)).toEqual(['index/00000002-0000000000000000.db']);
  });

  it(`${label}: a streamed body of many chunks arrives whole, and a put replaces the object`, async () => {
    const store = await make();
    const hash = createHash('sha256');
    await store.put('blobs/cd/cd000000000000000000000000000002', generated(40, 256 * 1024, hash), 40 * 256 * 1024);
    const got = createHash('sha256');
    for await (const chunk of await store.get('blobs/cd/cd000000000000000000000000000002')) got.update(chunk);
    expect(got.digest('hex')).toBe(hash.digest('hex'));
    await store.put('blobs/cd/cd000000000000000000000000000002', Buffer.from('x'), 1);
    expect((await store.stat('blobs/cd/cd000000000000000000000000000002'))?.size).toBe(1);
  });

  it(`${label}: a body shorter or longer than its stated size, or a cancelled put, leaves nothing under the name`, async () => {
    const store = await make();
    await expect(store.put('thumbs/ef/ef000000000000000000000000000003', Buffer.alloc(10), 11)).rejects.toBeDefined();
    await expect(store.put('thumbs/ef/ef000000000000000000000000000003', Buffer.alloc(12), 11)).rejects.toBeDefined();
    const controller = new AbortController();
    async function* slow(): AsyncIterable<Uint8Array> {
      yield Buffer.alloc(1000);
      controller.abort();
      yield Buffer.alloc(1000);
    }
    await expect(store.put('thumbs/ef/ef000000000000000000000000000003', slow(), 2000, controller.signal)).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await store.stat('thumbs/ef/ef000000000000000000000000000003')).toBeNull();
    expect(await listed(store, '')).toEqual([]);
  });

  it(`${label}: names that leave the store are refused`, async () => {
    const store = await make();
    for (const name of ['../escape', '/etc/passwd', 'a/../../b', 'a//b', '', 'a\\b', 'blobs/./x']) {
      await expect(store.put(name, Buffer.from('x'), 1)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(store.get(name)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
}
