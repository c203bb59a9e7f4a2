/**
 * A bundle as the verifier reads it: a read-only listing of files with a way to stream
 * each one, whether the bundle is a folder or a zip. Nothing else in verify touches the
 * file system, and a source only ever opens the files of its own listing, which was built
 * by walking the bundle (never from a name found inside it): so no manifest line, no
 * custody entry, nothing a bundle says, can make the verifier open a path outside it.
 * Nothing is ever written or extracted; file contents are only streamed through hashes.
 */
import { stat } from 'node:fs/promises';
import type { BundleFormat, VerifyLimits, VerifyNote, VerifyProblem } from '../../../../shared/bundle';
import { TamgaError } from '../../../../shared/errors';
import { problem } from './problems';
import { openDirectorySource } from './source-dir';
import { openZipSource } from './source-zip';

export interface SourceFile {
  /** Relative to the bag's root, '/'-separated, exactly as stored (no normalisation). */
  readonly path: string;
  readonly size: number;
}

/** The listing's files by path: a Map for a folder; for a zip, a compact table (zip-files.ts) that reads like one. */
export interface SourceFiles {
  readonly size: number;
  get(path: string): SourceFile | undefined;
  has(path: string): boolean;
  keys(): IterableIterator<string>;
  values(): IterableIterator<SourceFile>;
}

export interface BundleSource {
  readonly container: BundleFormat;
  /** Every regular file that may be read, by path. */
  readonly files: SourceFiles;
  /** Paths that exist but were refused (links, encrypted entries …): reported, never read. */
  readonly refused: ReadonlySet<string>;
  /** What listing the bundle found wrong (each refused entry, each unsafe name). */
  readonly problems: readonly VerifyProblem[];
  /** What listing found that is not wrong but worth saying (hard links). */
  readonly notes: readonly VerifyNote[];
  /**
   * The file's bytes, in order. A chunk is only valid until the next one is asked for.
   * Throws ReadFailure when the file cannot be read whole or is not what was listed.
   */
  read(path: string, signal: AbortSignal): AsyncIterable<Buffer>;
  close(): Promise<void>;
}

/** Either a source, or the reasons the whole bundle was refused before any check. */
export type OpenedSource = { readonly ok: true; readonly source: BundleSource } | { readonly ok: false; readonly problems: readonly VerifyProblem[]; readonly container: BundleFormat };

/**
 * Opens a folder or a zip. A path that does not exist or cannot be read is an
 * operational error (TamgaError); anything wrong with what is there is a problem.
 */
export async function openBundleSource(path: string, limits: VerifyLimits, signal: AbortSignal): Promise<OpenedSource> {
  let info;
  try {
    info = await stat(path); // the user named this path: following their own link is fine
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new TamgaError('NOT_FOUND', `There is no bundle at ${path}.`);
    if (code === 'EACCES' || code === 'EPERM') throw new TamgaError('PERMISSION_DENIED', `Tamga may not read ${path}.`);
    throw error;
  }
  if (info.isDirectory()) return openDirectorySource(path, limits, signal);
  if (info.isFile()) return openZipSource(path, info.size, limits);
  return {
    ok: false,
    container: 'directory',
    problems: [problem('NOT_A_BUNDLE', `${path} is neither a folder nor a file: a bundle is a folder or a .zip file.`)],
  };
}
