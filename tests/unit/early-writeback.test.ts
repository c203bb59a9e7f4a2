// The tap that starts the disk early on a large file (fs/early-writeback.ts): the file gets
// exactly the bytes given, with syncs started along the way (on the file's own descriptor,
// never after it closed), and a sync the disk fails fails the write instead of being lost.
import { createHash, randomBytes, type BinaryLike } from 'node:crypto';
import { createWriteStream, fdatasync, fstatSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { EarlyWriteback, type Datasync } from '../../src/main/engine/fs/early-writeback';

const MiB = 1024 * 1024;
let dir: string | null = null;

afterEach(async () => {
  if (dir !== null) await rm(dir, { recursive: true, force: true });
  dir = null;
});

/** 100 MiB in 1 MiB chunks, each distinct, and their SHA-256. */
function source(): { stream: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < 100; i++) {
        const chunk = randomBytes(MiB);
        hash.update(chunk as BinaryLike);
        yield chunk;
      }
    })(),
  );
  return { stream, sha256: () => hash.digest('hex') };
}

describe('EarlyWriteback', () => {
  it('writes every byte and syncs the open file while writing', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tamga-writeback-'));
    const path = join(dir, 'out.bin');
    const out = createWriteStream(path, { flags: 'wx', flush: true });
    const synced: number[] = [];
    const datasync: Datasync = (fd, callback) => {
      synced.push(fstatSync(fd).size); // throws if the descriptor were closed
      fdatasync(fd, callback);
    };
    const input = source();
    await pipeline(input.stream, new EarlyWriteback(out, datasync), out);
    expect(createHash('sha256').update(await readFile(path)).digest('hex')).toBe(input.sha256());
    // 100 MiB at one sync per 32 MiB at most, none in flight at once: one to three.
    expect(synced.length).toBeGreaterThanOrEqual(1);
    expect(synced.length).toBeLessThanOrEqual(3);
  });

  it('fails the write when a sync fails', async () => {
    dir = await mkdtemp(join(tmpdir(), 'tamga-writeback-'));
    const out = createWriteStream(join(dir, 'out.bin'), { flags: 'wx', flush: true });
    const failing: Datasync = (_fd, callback) => {
      setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    };
    await expect(pipeline(source().stream, new EarlyWriteback(out, failing), out)).rejects.toThrow(/EIO/);
  });
});
