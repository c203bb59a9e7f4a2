// The folder store keeps the ReplicaStore contract, and its own promise: a put killed
// half-way leaves no file under the object's name and nothing in list().
import { readdir, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderStore, FOLDER_TMP_DIR } from '../../src/main/engine/replica/folder-store';
import { defineReplicaStoreContract } from '../helpers/replica-store-contract';
import { removeTempDirs, tempDir } from '../helpers/temp-vault';

afterAll(removeTempDirs);

describe('folder replica store', () => {
  defineReplicaStoreContract('folder', async () => new FolderStore(join(await tempDir('tamga-replica-store-'), 'replica')));

  it('streams a large object in and out in bounded memory (a 4 GiB blob goes the same way, chunk by chunk)', async () => {
    const store = new FolderStore(await tempDir('tamga-replica-store-'));
    const chunk = Buffer.alloc(1024 * 1024, 0x5a);
    const count = 384;
    const before = process.memoryUsage().rss;
    let peak = before;
    async function* body(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < count; i++) {
        peak = Math.max(peak, process.memoryUsage().rss);
        yield chunk;
      }
    }
    await store.put('blobs/ab/ab0000000000000000000000000000ff', body(), count * chunk.length);
    let read = 0;
    for await (const part of await store.get('blobs/ab/ab0000000000000000000000000000ff')) {
      read += part.length;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(read).toBe(count * chunk.length);
    // Holding the object would cost 384 MiB; streaming costs a few buffers.
    expect(peak - before).toBeLessThan(96 * 1024 * 1024);
    await store.delete('blobs/ab/ab0000000000000000000000000000ff');
  });

  it('lists neither its temporary files nor hidden ones, and removeLeftovers clears them', async () => {
    const root = await tempDir('tamga-replica-store-');
    const store = new FolderStore(root);
    await mkdir(join(root, FOLDER_TMP_DIR));
    await writeFile(join(root, FOLDER_TMP_DIR, 'half.part'), 'half');
    await writeFile(join(root, '.DS_Store'), 'x');
    await store.put('README.txt', Buffer.from('hi'), 2);
    const names: string[] = [];
    for await (const o of store.list('')) names.push(o.name);
    expect(names).toEqual(['README.txt']);
    await store.removeLeftovers();
    expect((await readdir(root)).sort()).toEqual(['.DS_Store', 'README.txt']);
  });
});
