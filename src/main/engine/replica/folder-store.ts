/**
 * A replica in a folder: a USB disk, a network share, a synced directory. Each object is
 * one file under its name. put() streams into a hidden temporary file (.tamga-tmp/), fsyncs
 * it, renames it into place and fsyncs the directory, so a file under its final name is
 * always complete, whatever happens to the process or the power. Memory stays bounded: a
 * body is written chunk by chunk as it arrives, never gathered.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { TamgaError } from '../../../shared/errors';
import { fsyncDirectory } from '../fs/atomic-write';
import { fromFsError } from '../fs/fs-errors';
import { crashPoint } from '../testing/crash-point';
import { checkObjectName, type LeftoverCleanup, type ReplicaObject, type ReplicaStore } from './store';

/** The folder's own working files; never an object (names starting with '.' are not listed). */
export const FOLDER_TMP_DIR = '.tamga-tmp';

function aborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new TamgaError('CANCELLED', 'The replica transfer was cancelled.');
}

async function* chunksOf(body: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (body instanceof Uint8Array) yield body;
  else yield* body;
}

export class FolderStore implements ReplicaStore {
  readonly description: string;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.description = `folder ${this.root}`;
  }

  /** Removes temporary files an interrupted put left behind; only the one writer (the vault's lock holder) may. */
  async removeLeftovers(): Promise<LeftoverCleanup> {
    await rm(join(this.root, FOLDER_TMP_DIR), { recursive: true, force: true });
    return { abortedUploads: 0, uploadsUnlisted: null };
  }

  private path(name: string): string {
    const path = join(this.root, ...checkObjectName(name).split('/'));
    // checkObjectName already refuses '..'; this is the belt to its braces.
    if (!path.startsWith(this.root + sep)) throw new TamgaError('INVALID_ARGUMENT', `${name} leaves the replica folder.`);
    return path;
  }

  async put(name: string, body: Uint8Array | AsyncIterable<Uint8Array>, size: number, signal?: AbortSignal): Promise<void> {
    const target = this.path(name);
    const tmpDir = join(this.root, FOLDER_TMP_DIR);
    const temp = join(tmpDir, `${randomBytes(12).toString('hex')}.part`);
    try {
      aborted(signal);
      await mkdir(tmpDir, { recursive: true, mode: 0o700 });
      const handle = await open(temp, 'wx', 0o600);
      let written = 0;
      try {
        for await (const chunk of chunksOf(body)) {
          aborted(signal);
          written += chunk.length;
          if (written > size) throw new TamgaError('INVALID_ARGUMENT', `${name}: the body is longer than its stated ${size} bytes.`);
          await handle.write(chunk);
        }
        if (written !== size) throw new TamgaError('INVALID_ARGUMENT', `${name}: the body has ${written} bytes, not the stated ${size}.`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      crashPoint('replica-folder:temp-written');
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(temp, target);
      await fsyncDirectory(dirname(target));
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err instanceof TamgaError ? err : fromFsError(err, `writing ${name} to the replica`);
    }
  }

  async get(name: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>> {
    const path = this.path(name);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new TamgaError('NOT_FOUND', `${name} is not in the replica (${this.description}).`, { name });
    } catch (err) {
      if (err instanceof TamgaError) throw err;
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ENOTDIR') {
        throw new TamgaError('NOT_FOUND', `${name} is not in the replica (${this.description}).`, { name });
      }
      throw fromFsError(err, `reading ${name} from the replica`);
    }
    return createReadStream(path, { highWaterMark: 1024 * 1024, ...(signal === undefined ? {} : { signal }) });
  }

  async stat(name: string): Promise<ReplicaObject | null> {
    try {
      const info = await stat(this.path(name));
      return info.isFile() ? { name, size: info.size } : null;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw fromFsError(err, `looking for ${name} in the replica`);
    }
  }

  async *list(prefix: string): AsyncIterable<ReplicaObject> {
    let entries;
    try {
      entries = await readdir(this.root, { withFileTypes: true, recursive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw fromFsError(err, `listing the replica folder ${this.root}`);
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = join(entry.parentPath, entry.name).slice(this.root.length + 1).split(sep).join('/');
      // Hidden files are the folder's own (.tamga-tmp) or the system's (.DS_Store), never objects.
      if (relative.split('/').some((s) => s.startsWith('.')) || !relative.startsWith(prefix)) continue;
      try {
        checkObjectName(relative);
      } catch {
        continue;
      }
      const info = await stat(join(entry.parentPath, entry.name)).catch(() => null);
      if (info !== null) yield { name: relative, size: info.size };
    }
  }

  async delete(name: string): Promise<void> {
    try {
      await unlink(this.path(name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw fromFsError(err, `deleting ${name} from the replica`);
    }
  }
}
