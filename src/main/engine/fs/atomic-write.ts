/**
 * Crash-safe replacement of a small file: write a temporary sibling, fsync it, rename it
 * over the target, fsync the directory. At every instant the target holds either the
 * whole old content or the whole new content, never a mix.
 */
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { crashPoint } from '../testing/crash-point';
import { fromFsError } from './fs-errors';

export function tempSiblingPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp`);
}

export async function fsyncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; there, rename durability is NTFS's job.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `label` names the crash points of this write for fault-injection tests. */
export async function atomicWriteFile(target: string, content: string | Uint8Array, label: string): Promise<void> {
  const temp = tempSiblingPath(target);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    crashPoint(`${label}:temp-written`);
    await rename(temp, target);
    crashPoint(`${label}:renamed`);
    await fsyncDirectory(dirname(target));
    crashPoint(`${label}:dir-synced`);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw fromFsError(err, `writing ${basename(target)}`);
  }
}
