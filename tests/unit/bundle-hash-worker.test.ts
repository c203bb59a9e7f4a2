// The hashing thread shared by export and verify: its digests equal Node's own for chunks
// smaller and larger than a ring slot, files follow one another through the ring (a file
// may start before the last one's digests are awaited), an abandoned file leaves nothing
// behind, and a stopped thread makes a waiting call fail instead of hanging.
import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { HashWorker } from '../../src/main/engine/bundle/hash-worker';

const MiB = 1024 * 1024;
let worker: HashWorker | null = null;

afterEach(async () => {
  await worker?.terminate();
  worker = null;
});

async function hashInChunks(w: HashWorker, bytes: Buffer, chunk: number): Promise<Record<string, string>> {
  w.begin(['sha512', 'sha256']);
  for (let offset = 0; offset < bytes.length; offset += chunk) await w.update(bytes.subarray(offset, offset + chunk));
  return w.digest();
}

const expected = (bytes: Buffer): Record<string, string> => ({
  sha512: createHash('sha512').update(bytes).digest('hex'),
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

describe('HashWorker', () => {
  it('gives the digests Node gives, for small, odd and larger-than-a-slot chunks, file after file', async () => {
    worker = new HashWorker();
    const bytes = randomBytes(20 * MiB + 12345);
    for (const chunk of [64 * 1024, MiB - 1, 3 * MiB + 7]) expect(await hashInChunks(worker, bytes, chunk)).toEqual(expected(bytes));
    expect(await hashInChunks(worker, Buffer.alloc(0), MiB)).toEqual(expected(Buffer.alloc(0)));
  });

  it('lets the next file start before the digests of the last one are awaited, and answers each', async () => {
    worker = new HashWorker();
    const files = [randomBytes(3 * MiB), randomBytes(300 * 1024), randomBytes(5 * MiB + 1)];
    const pending = [];
    for (const bytes of files) {
      worker.begin(['sha512']);
      await worker.update(bytes);
      pending.push(await worker.end());
    }
    for (const [i, bytes] of files.entries()) expect((await pending[i]?.())?.sha512).toBe(expected(bytes).sha512);
  });

  it('drops an abandoned file: the next begin() starts afresh', async () => {
    worker = new HashWorker();
    const bytes = randomBytes(3 * MiB);
    worker.begin(['sha512']);
    await worker.update(randomBytes(10 * MiB));
    expect((await hashInChunks(worker, bytes, MiB)).sha512).toBe(expected(bytes).sha512);
  });

  it('fails a call that waits for a slot once the thread is stopped', async () => {
    worker = new HashWorker();
    worker.begin(['sha512']);
    const pending = expect(worker.update(randomBytes(64 * MiB))).rejects.toThrow(/stopped/);
    await worker.terminate();
    await pending;
    worker = null;
  });
});
