/**
 * A bundle as a folder: files written into `.<name>.partial-<random>` beside the target,
 * each fsynced as it closes (large ones flushed along the way, see fs/early-writeback.ts), the folders fsynced, then one rename to the final name. Files
 * are 0600 and folders 0700, as extracted originals are: the bundle holds plaintext
 * evidence, and its owner decides whom to show it.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { TamgaError } from '../../../../shared/errors';
import { fsyncDirectory } from '../../fs/atomic-write';
import { EarlyWriteback } from '../../fs/early-writeback';
import { checkRelativePath, mustNotExist, partialSibling, type BundleWriter } from './writer';

export async function openDirectoryWriter(target: string): Promise<BundleWriter> {
  const staging = partialSibling(target);
  await mkdir(staging, { mode: 0o700 });
  const folders = new Set<string>([staging]);

  const prepare = async (path: string): Promise<string> => {
    checkRelativePath(path);
    const full = join(staging, ...path.split('/'));
    const folder = dirname(full);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      folders.add(folder);
    }
    return full;
  };

  return {
    async addFile(path, content) {
      await writeFile(await prepare(path), content, { flag: 'wx', mode: 0o600, flush: true });
    },

    async addStream(path, _size, source) {
      const out = createWriteStream(await prepare(path), { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 1024 * 1024 });
      // The disk starts on a large exhibit while it is still being decrypted and hashed.
      await pipeline(source, new EarlyWriteback(out), out);
    },

    async commit() {
      // Deepest first, so that every entry is durable before the folder holding it.
      for (const folder of [...folders].sort((a, b) => b.length - a.length)) await fsyncDirectory(folder);
      // A directory rename replaces an empty directory on POSIX: look right before it.
      await mustNotExist(target);
      try {
        await rename(staging, target);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') {
          throw new TamgaError('ALREADY_EXISTS', `${target} appeared while the bundle was written; nothing was overwritten.`, { path: target });
        }
        throw err;
      }
      await fsyncDirectory(dirname(target));
    },

    async abort() {
      await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
