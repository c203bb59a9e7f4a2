/**
 * A bundle as one .zip (yazl): the bundle folder as the zip's one top-level folder, files
 * only, stored (no compression: evidence is mostly compressed media, and stored entries can
 * be checked and extracted by anything), in the order they are added, each with the same
 * time and mode, so that the same content gives the same bytes. Payload entries stream
 * through with their size known, so a 4 GiB video never sits in memory; yazl switches to
 * ZIP64 where sizes need it.
 *
 * Written to `.<name>.partial-<random>` beside the target, then hard-linked to the final
 * name (which fails instead of replacing a file that appeared meanwhile) and unlinked; on
 * file systems without hard links (FAT on a USB stick), checked and renamed.
 */
import { createWriteStream } from 'node:fs';
import { link, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { TamgaError } from '../../../../shared/errors';
import { fsyncDirectory } from '../../fs/atomic-write';
import { EarlyWriteback } from '../../fs/early-writeback';
import { ZIP_FILE_MODE } from '../layout';
import { checkRelativePath, mustNotExist, partialSibling, type BundleWriter } from './writer';
import { useNativeZipCrc32 } from './zip-crc';

/**
 * The time every entry carries: the Bagging-Date at 12:00:00. DOS times have no zone and
 * yazl reads a Date's local fields, so the Date is built from local fields too: the same
 * bytes in every time zone. Noon, because no daylight-saving change happens at noon.
 */
export function zipEntryTime(sealedAt: string): Date {
  const d = new Date(sealedAt);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12, 0, 0);
}

async function moveIntoPlace(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
    await unlink(temp);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new TamgaError('ALREADY_EXISTS', `${target} exists already; choose a new name (nothing is overwritten).`, { path: target });
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw err;
    await mustNotExist(target);
    await rename(temp, target);
  }
  await fsyncDirectory(dirname(target));
}

export async function openZipWriter(target: string, root: string, sealedAt: string): Promise<BundleWriter> {
  checkRelativePath(root);
  useNativeZipCrc32();
  const temp = partialSibling(target);
  // A few chunks of slack, so that reading and hashing the next chunk overlaps writing this one.
  const out = createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true, highWaterMark: 4 * 1024 * 1024 });
  const zip = new ZipFile();
  const options = { mtime: zipEntryTime(sealedAt), mode: ZIP_FILE_MODE, compress: false, forceDosTimestamp: true };
  // The first failure of the file or of yazl ends every wait below.
  // The disk starts on the zip while later exhibits are still decrypted and hashed.
  const writeback = new EarlyWriteback(out);
  const failed = new Promise<never>((_, reject) => {
    out.on('error', reject);
    writeback.on('error', reject);
    zip.on('error', reject);
  });
  failed.catch(() => undefined);
  zip.outputStream.pipe(writeback).pipe(out);
  const entry = (path: string): string => {
    checkRelativePath(path);
    return `${root}/${path}`;
  };

  return {
    async addFile(path, content) {
      zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), entry(path), options);
    },

    async addStream(path, size, source) {
      zip.addReadStream(source, entry(path), { ...options, size });
      await Promise.race([finished(source), failed]);
    },

    async commit() {
      zip.end();
      await Promise.race([finished(out), failed]);
      await moveIntoPlace(temp, target);
    },

    async abort() {
      zip.outputStream.unpipe(writeback);
      writeback.destroy();
      out.destroy();
      await finished(out).catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
  };
}
