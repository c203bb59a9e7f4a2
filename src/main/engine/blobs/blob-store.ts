/**
 * The encrypted files of a vault (blobs/ for originals, thumbs/ for thumbnails, previews/
 * for the playable previews of videos, a cache no index row names) on disk:
 * named by 128-bit ids (random; a preview's is keyed to its item) with a two-level fan-out, written crash-safely (into tmp/,
 * fsync, rename into place, fsync the directory) so that a file under its final name is
 * always complete. What is inside each file is blob-format's business.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TamgaError } from '../../../shared/errors';
import { openBlob, type RandomAccessBlob } from '../crypto/blob-random-access';
import { BlobEncryptStream, encryptBuffer, type BlobWriteResult, type HashName } from '../crypto/blob-writer';
import { fsyncDirectory } from '../fs/atomic-write';
import { fromFsError } from '../fs/fs-errors';

export type BlobArea = 'blobs' | 'thumbs' | 'previews';

const BLOB_ID = /^[0-9a-f]{32}$/;

export interface PendingBlob {
  readonly result: BlobWriteResult;
  /**
   * Opens the blob where it is now (tmp/ until committed), so that new content can be
   * described before anything of it is moved into the vault.
   */
  open(): Promise<RandomAccessBlob>;
  /** Moves the finished blob under its final name (fsynced). */
  commit(): Promise<void>;
  /** Deletes the temporary file (a duplicate, a cancelled or failed import). */
  discard(): Promise<void>;
}

export class BlobStore {
  constructor(
    private readonly root: string,
    private readonly tmpDir: string,
    private readonly blobKey: Buffer,
  ) {}

  path(area: BlobArea, blobId: string): string {
    if (!BLOB_ID.test(blobId)) throw new TamgaError('CORRUPT', `"${blobId}" is not a blob id.`);
    return join(this.root, area, blobId.slice(0, 2), blobId);
  }

  /**
   * Encrypts a stream into tmp/ while hashing it. The caller decides, from the digests,
   * whether to commit (new content) or discard (a duplicate).
   */
  async write(area: BlobArea, source: Readable, options: { hashes?: readonly HashName[]; signal?: AbortSignal } = {}): Promise<PendingBlob> {
    const encrypt = new BlobEncryptStream({ blobKey: this.blobKey, blobId: randomBytes(16), hashes: options.hashes ?? [] });
    const tempPath = join(this.tmpDir, `${randomBytes(16).toString('hex')}.part`);
    const out = createWriteStream(tempPath, { flags: 'wx', mode: 0o600, highWaterMark: 1024 * 1024 });
    try {
      await pipeline(source, encrypt, out, options.signal ? { signal: options.signal } : {});
      const handle = await open(tempPath, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      await unlink(tempPath).catch(() => undefined);
      if ((err as Error).name === 'AbortError') throw new TamgaError('CANCELLED', 'The import was cancelled.', undefined, { cause: err });
      throw fromFsError(err, 'writing an encrypted copy');
    }
    return this.pending(area, tempPath, encrypt.result());
  }

  /**
   * Encrypts a small buffer held in memory anyway (a thumbnail) into tmp/: one write and
   * one fsync, without the stream machinery that `write` needs for files of any size.
   */
  async writeBuffer(area: BlobArea, plain: Buffer, blobId: Buffer = randomBytes(16)): Promise<PendingBlob> {
    // A chosen id is safe to reuse: every blob has its own random salt, hence its own key.
    const { ciphertext, result } = encryptBuffer(plain, { blobKey: this.blobKey, blobId });
    const tempPath = join(this.tmpDir, `${randomBytes(16).toString('hex')}.part`);
    try {
      await writeFile(tempPath, ciphertext, { flag: 'wx', mode: 0o600, flush: true });
    } catch (err) {
      await unlink(tempPath).catch(() => undefined);
      throw fromFsError(err, 'writing an encrypted copy');
    }
    return this.pending(area, tempPath, result);
  }

  private pending(area: BlobArea, tempPath: string, result: BlobWriteResult): PendingBlob {
    const finalPath = this.path(area, result.blobId);
    let where = tempPath;
    return {
      result,
      open: () => openBlob(where, { blobKey: this.blobKey, expectedBlobId: result.blobId }),
      commit: async () => {
        try {
          await mkdir(join(finalPath, '..'), { recursive: true, mode: 0o700 });
          await rename(tempPath, finalPath);
          where = finalPath;
          await fsyncDirectory(join(finalPath, '..'));
        } catch (err) {
          throw fromFsError(err, 'moving an encrypted copy into the vault');
        }
      },
      discard: async () => {
        await unlink(tempPath).catch(() => undefined);
      },
    };
  }

  async open(area: BlobArea, blobId: string): Promise<RandomAccessBlob> {
    return openBlob(this.path(area, blobId), { blobKey: this.blobKey, expectedBlobId: blobId });
  }

  /** Returns false when there was no such file. */
  async remove(area: BlobArea, blobId: string): Promise<boolean> {
    try {
      await unlink(this.path(area, blobId));
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw fromFsError(err, 'removing an unfinished encrypted file');
    }
  }

  /** Every blob id present on disk in an area (for audit's orphan check). */
  /** The blob ids of one area, one fan-out folder at a time (for a vault too large to list whole). */
  async *listByFan(area: BlobArea): AsyncGenerator<string[]> {
    let fans: string[];
    try {
      fans = (await readdir(join(this.root, area))).sort();
    } catch {
      return;
    }
    for (const fan of fans) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      yield (await readdir(join(this.root, area, fan))).filter((name) => BLOB_ID.test(name) && name.startsWith(fan)).sort();
    }
  }

  async list(area: BlobArea): Promise<string[]> {
    const ids: string[] = [];
    let fans: string[];
    try {
      fans = await readdir(join(this.root, area));
    } catch {
      return ids;
    }
    for (const fan of fans) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      for (const name of await readdir(join(this.root, area, fan))) if (BLOB_ID.test(name) && name.startsWith(fan)) ids.push(name);
    }
    return ids.sort();
  }
}
