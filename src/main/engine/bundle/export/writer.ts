/**
 * Where a bundle's files go while it is made: a folder or a zip, both written under a
 * hidden temporary sibling of the target (`.<name>.partial-<random>`) and moved under the
 * final name only once complete, so that a cancel, a failure or a crash never leaves a
 * half-written bundle under the name the user chose. Paths are bundle-relative, with `/`.
 */
import { randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { TamgaError } from '../../../../shared/errors';

export interface BundleWriter {
  /** A small file, whole. */
  addFile(path: string, content: Buffer | string): Promise<void>;
  /** A payload file of a known size, streamed; resolves once all of it is written. */
  addStream(path: string, size: number, source: Readable): Promise<void>;
  /** Finishes the bundle and moves it under the target name; ALREADY_EXISTS if that appeared meanwhile. */
  commit(): Promise<void>;
  /** Removes everything written so far; never throws. */
  abort(): Promise<void>;
}

export function partialSibling(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${randomBytes(8).toString('hex')}`);
}

/** Refuses anything but plain relative names: the paths are ours, but a slip must not escape. */
export function checkRelativePath(path: string): void {
  const parts = path.split('/');
  if (path.includes('\\') || path.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new TamgaError('INTERNAL', `Refusing to write the bundle path "${path}".`);
  }
}

export async function mustNotExist(target: string): Promise<void> {
  try {
    await lstat(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  throw new TamgaError('ALREADY_EXISTS', `${target} exists already; choose a new name (nothing is overwritten).`, { path: target });
}
