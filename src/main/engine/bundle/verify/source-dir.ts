/**
 * A bundle folder as a source. The walk lstat()s every entry and never follows a link:
 * symbolic links, hard links (a second name for a file that may live outside the bundle),
 * devices, FIFOs and sockets are refused, each with a problem. Names are read as raw bytes
 * and must be valid UTF-8. The listing is built with opendir (one entry at a time), so a
 * folder of a million files is refused at the limit without holding them all.
 *
 * Reading opens with O_NOFOLLOW | O_NONBLOCK and checks that the open file is the very
 * one the walk saw (same device, inode and size): a file swapped for a link or a
 * FIFO after the walk is refused rather than followed or waited on.
 */
import { constants } from 'node:fs';
import { lstat, open, opendir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyLimits, VerifyNote, VerifyProblem } from '../../../../shared/bundle';
import { exhibitOfPath } from '../layout';
import type { BufferPool } from '../../buffer-pool';
import { readBufferPool, readChunks } from './chunked-read';
import { BoundedProblems } from './problem-summary';
import { problem, ReadFailure, show, throwIfStopped } from './problems';
import { collisionKey, unsafePathReason } from './safe-path';
import type { BundleSource, OpenedSource, SourceFile } from './source';

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface DirFile extends SourceFile {
  readonly dev: number;
  readonly ino: number;
}

function decodeName(raw: Buffer | string): string | null {
  if (typeof raw === 'string') return raw;
  try {
    return utf8.decode(raw);
  } catch {
    return null;
  }
}

export async function openDirectorySource(given: string, limits: VerifyLimits, signal: AbortSignal): Promise<OpenedSource> {
  const root = await realpath(given);
  const files = new Map<string, DirFile>();
  const refused = new Set<string>();
  const problems: VerifyProblem[] = new BoundedProblems();
  const notes: VerifyNote[] = [];
  const names = new Map<string, string>();
  const folders: string[] = [''];
  let entries = 0;
  let totalBytes = 0;

  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    // The types say string; with encoding 'buffer' Node gives the raw bytes of each name.
    for await (const dirent of await opendir(join(root, folder), { encoding: 'buffer' as BufferEncoding, bufferSize: 128 })) {
      throwIfStopped(signal);
      entries += 1;
      if (entries > limits.maxEntries) {
        const message = `The bundle holds more than ${limits.maxEntries} files and folders, the most Tamga checks: it was refused without reading further.`;
        return { ok: false, container: 'directory', problems: [problem('TOO_MANY_ENTRIES', message)] };
      }
      const name = decodeName(dirent.name as unknown as Buffer | string);
      const shown = folder === '' ? '' : `${folder}/`;
      if (name === null) {
        const lossy = Buffer.from(dirent.name as unknown as Buffer).toString('utf8');
        problems.push(problem('NAME_NOT_UTF8', `A file in ${show(folder || '.')} has a name that is not valid UTF-8 (${show(lossy)}): it was not read.`, { path: `${shown}${lossy}` }));
        continue;
      }
      const path = `${shown}${name}`;
      const unsafe = unsafePathReason(path);
      if (unsafe !== null) {
        problems.push(problem('UNSAFE_PATH', `The name ${show(path)} is not allowed in a bundle: ${unsafe}. It was not read.`, { path }));
        continue;
      }
      const key = collisionKey(path);
      const earlier = names.get(key);
      if (earlier !== undefined) {
        // Neither name can be trusted: which one a copy keeps depends on the system.
        const exhibit = exhibitOfPath(earlier) ?? exhibitOfPath(path);
        const message = `${show(path)} and ${show(earlier)} differ only in upper/lower case or Unicode normalisation: copied to Windows or macOS, one would overwrite the other. Neither was read.`;
        problems.push(problem('DUPLICATE_NAME', message, exhibit === null ? { path } : { path, exhibit }));
        refused.add(path).add(earlier);
        files.delete(earlier);
        continue;
      }
      names.set(key, path);
      const info = await lstat(join(root, path), { bigint: false });
      if (info.isSymbolicLink()) {
        problems.push(problem('SYMLINK', `${show(path)} is a symbolic link: a bundle holds files, and a link could point outside it. It was not followed.`, { path }));
        refused.add(path);
      } else if (info.isDirectory()) {
        folders.push(path);
      } else if (!info.isFile()) {
        problems.push(problem('SPECIAL_FILE', `${show(path)} is not a regular file (a device, pipe or socket): it was not read.`, { path }));
        refused.add(path);
      } else if (info.size > limits.maxFileBytes) {
        problems.push(problem('ENTRY_TOO_LARGE', `${show(path)} holds ${info.size} bytes, more than the ${limits.maxFileBytes} Tamga reads from one file: it was not read.`, { path }));
        refused.add(path);
      } else {
        totalBytes += info.size;
        if (totalBytes > limits.maxTotalBytes) {
          const message = `The bundle holds more than ${limits.maxTotalBytes} bytes, the most Tamga checks: it was refused.`;
          return { ok: false, container: 'directory', problems: [...problems, problem('TOO_LARGE', message)] };
        }
        files.set(path, { path, size: info.size, dev: info.dev, ino: info.ino });
        // A hard link is the same bytes under two names (cp -al, rsync --link-dest, backup
        // tools make them): its content is checked like any file's, so it is no tampering,
        // but the other name, maybe outside the bundle, can change it after this check.
        if (info.nlink > 1) {
          const exhibit = exhibitOfPath(path);
          const message = `${show(path)} is a hard link: the same file has ${info.nlink} names, perhaps outside the bundle. It was checked like any file; a change made through another name after this check would change it here too, so keep a copy that is not linked.`;
          notes.push({ code: 'HARD_LINK', message, path, ...(exhibit === null ? {} : { exhibit }) });
        }
      }
    }
  }
  const pool = readBufferPool();
  const source: BundleSource = {
    container: 'directory',
    files,
    refused,
    problems,
    notes,
    read: (path, readSignal) => readFile(root, files.get(path), path, pool, readSignal),
    close: async () => undefined,
  };
  return { ok: true, source };
}

function changed(path: string, how: string): ReadFailure {
  return new ReadFailure(problem('READ_ERROR', `${show(path)} ${how} while it was being verified: check a copy that nothing else is changing.`, { path }));
}

async function* readFile(root: string, file: DirFile | undefined, path: string, pool: BufferPool, signal: AbortSignal): AsyncGenerator<Buffer> {
  if (file === undefined) throw new ReadFailure(problem('READ_ERROR', `${show(path)} is not a file of this bundle.`, { path }));
  let handle;
  try {
    handle = await open(join(root, path), OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'an error';
    if (code === 'ELOOP') throw changed(path, 'was replaced by a symbolic link');
    throw new ReadFailure(problem('READ_ERROR', `${show(path)} could not be opened (${code}).`, { path }));
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.dev !== file.dev || info.ino !== file.ino) throw changed(path, 'was replaced');
    if (info.size !== file.size) throw changed(path, 'changed size');
    let position = 0;
    const fill = async (buffer: Buffer): Promise<number> => {
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, buffer.length, position));
      } catch (error) {
        throw new ReadFailure(problem('READ_ERROR', `${show(path)} could not be read to its end (${(error as NodeJS.ErrnoException).code ?? 'an error'}).`, { path }));
      }
      position += bytesRead;
      if (position > file.size) throw changed(path, 'grew');
      return bytesRead;
    };
    for await (const chunk of readChunks(file.size, pool, fill)) {
      throwIfStopped(signal);
      yield chunk;
    }
    if (position !== file.size) throw changed(path, 'shrank');
  } finally {
    await handle.close();
  }
}
