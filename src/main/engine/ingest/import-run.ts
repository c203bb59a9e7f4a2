/**
 * One import run: walk the sources, import each file, report progress, honour cancel,
 * and end with a summary that names every file that was skipped or failed and why.
 *
 * Files are taken in the walk's order, three at a time by default, so that reading and
 * encrypting one overlaps with describing (thumbnails, metadata) another. Two copies of
 * the same content in flight at once are serialised by their hash (KeyedMutex): the
 * second finds the first in the index and becomes an acquisition of it. The summary lists
 * files in the walk's order whatever order they finished in.
 */
import { randomUUID } from 'node:crypto';
import { TamgaError } from '../../../shared/errors';
import type { FailedFile, ImportedFile, ImportProgress, ImportRequest, ImportSummary, SkippedFile, SkipReason } from '../../../shared/import';
import { normaliseTag } from '../../../shared/tags';
import type { BlobStore } from '../blobs/blob-store';
import type { HashName } from '../crypto/blob-writer';
import type { Signer } from '../crypto/signing';
import type { IndexDb } from '../db/open-index';
import { BufferPool } from '../buffer-pool';
import { ExifToolSession, type ExifToolSessionOptions } from '../metadata/exiftool/exiftool-session';
import { importFile } from './import-file';
import { importRecord } from './import-record';
import { KeyedMutex } from './keyed-mutex';
import { walkSources } from './walk';

export interface ImportEnvironment {
  readonly db: IndexDb;
  readonly store: BlobStore;
  readonly signer: Signer;
  readonly actor: string;
  readonly vaultRoot: string;
  readonly hashes: readonly HashName[];
}

export interface ImportRunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Progress events at most this often (ms); file boundaries are always reported. */
  readonly progressIntervalMs?: number;
  /** Files in flight at once (default DEFAULT_LANES). */
  readonly concurrency?: number;
  /**
   * ExifTool, the reader of last resort: its program (tests) or `false` for none. Default:
   * the TAMGA_EXIFTOOL environment variable ("off", or the path of the program), else the
   * bundled one (exiftool-vendored).
   */
  readonly exiftool?: ExifToolSessionOptions['exiftoolPath'];
}

function exifToolPath(option: ExifToolSessionOptions['exiftoolPath']): ExifToolSessionOptions['exiftoolPath'] {
  if (option !== undefined) return option;
  const env = process.env.TAMGA_EXIFTOOL;
  if (env === undefined || env === '') return undefined;
  return env === 'off' ? false : env;
}

/**
 * One more than the two cores of a typical laptop: a photo spends ~15 % of its import
 * waiting for fsyncs (its blob, two thumbnails, three directories, two index commits), and
 * with only two files in flight a core idles meanwhile (12 MP JPEGs on 2 cores: CPU use
 * ~1.6 of 2 with two lanes, ~1.8 with three).
 */
const DEFAULT_LANES = 3;

/**
 * The reason the engine aborts an import with when the vault locks (api.ts), so that the
 * summary can tell a lock from the person pressing Cancel.
 */
export function lockStop(): TamgaError {
  return new TamgaError('VAULT_LOCKED', 'The vault was locked during the import.');
}

function isLockStop(reason: unknown): boolean {
  return reason instanceof TamgaError && reason.code === 'VAULT_LOCKED';
}

function skipReasonOf(err: TamgaError): SkipReason | null {
  const skip = err.details?.skip;
  return typeof skip === 'string' ? (skip as SkipReason) : null;
}

export async function runImport(env: ImportEnvironment, request: ImportRequest, options: ImportRunOptions = {}): Promise<ImportSummary> {
  const importId = randomUUID();
  const startedAt = new Date().toISOString();
  const signal = options.signal ?? new AbortController().signal;
  const tags = [...new Set((request.tags ?? []).map(normaliseTag).filter((t): t is string => t !== null))];
  if (request.paths.length === 0) throw new TamgaError('INVALID_ARGUMENT', 'Nothing to import: give at least one file or folder.');

  const progress: ImportProgress = {
    importId,
    phase: 'scanning',
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
    currentPath: null,
    currentBytesDone: 0,
    currentBytesTotal: 0,
  };
  let lastReport = 0;
  const report = (force: boolean, patch: Partial<ImportProgress>): void => {
    Object.assign(progress, patch);
    const now = Date.now();
    if (!force && now - lastReport < (options.progressIntervalMs ?? 100)) return;
    lastReport = now;
    options.onProgress?.({ ...progress });
  };
  report(true, {});

  const walk = await walkSources(request.paths, { includeJunk: request.includeJunk === true, vaultRoot: env.vaultRoot });
  env.db
    .prepare('INSERT INTO imports (id, started_at, actor) VALUES (?, ?, ?)')
    .run(importId, startedAt, env.actor);
  report(true, { phase: 'importing', filesTotal: walk.files.length, bytesTotal: walk.bytes });

  const results: Array<ImportedFile | undefined> = new Array(walk.files.length);
  const skipped: SkippedFile[] = [...walk.skipped];
  const failed: FailedFile[] = [];
  const lanes = Math.min(options.concurrency ?? DEFAULT_LANES, Math.max(1, walk.files.length));
  // One ExifTool process for the whole run, started only if a file needs it, ended below.
  const path = exifToolPath(options.exiftool);
  const exiftool = new ExifToolSession(path === undefined ? {} : { exiftoolPath: path });
  const ctx = { ...env, importId, tags, signal, contentLocks: new KeyedMutex(), buffers: new BufferPool(lanes), exiftool };
  let next = 0;
  let fatal: TamgaError | null = null;

  const importOne = async (index: number): Promise<void> => {
    const file = walk.files[index];
    if (file === undefined) return;
    report(true, { currentPath: file.path, currentBytesDone: 0, currentBytesTotal: file.size });
    let fileBytes = 0;
    try {
      results[index] = await importFile(ctx, file.path, (n) => {
        fileBytes += n;
        report(false, { currentBytesDone: fileBytes, bytesDone: progress.bytesDone + n });
      });
    } catch (err) {
      const error = err instanceof TamgaError ? err : new TamgaError('INTERNAL', (err as Error).message, undefined, { cause: err });
      if (error.code === 'CANCELLED' || signal.aborted) return;
      if (error.code === 'DISK_FULL') {
        fatal = error; // every further file would fail the same way
        failed.push({ path: file.path, code: error.code, message: error.message });
        return;
      }
      const reason = skipReasonOf(error);
      if (reason !== null) skipped.push({ path: file.path, reason, message: error.message });
      else failed.push({ path: file.path, code: error.code, message: error.message });
    }
    report(true, { filesDone: progress.filesDone + 1 });
  };

  // A few files in flight: while one is being read and encrypted or waits for an fsync,
  // another's thumbnails are made on the other core.
  const lane = async (): Promise<void> => {
    while (!signal.aborted && fatal === null && next < walk.files.length) await importOne(next++);
  };
  // Cancel and lock stop ExifTool at once: a file it is reading must not hold the stop up.
  const stopExifTool = (): void => void exiftool.end(true);
  signal.addEventListener('abort', stopExifTool, { once: true });
  try {
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    signal.removeEventListener('abort', stopExifTool);
    await exiftool.end(signal.aborted);
  }
  // Set inside importOne, which TypeScript does not follow.
  const stopped = fatal as TamgaError | null;
  const cancelled = signal.aborted && stopped === null;
  const stoppedByLock = cancelled && isLockStop(signal.reason);
  const imported = results.filter((r): r is ImportedFile => r !== undefined);
  const accounted = new Set([...failed, ...skipped].map((f) => f.path));
  const ended = stopped !== null || cancelled;
  const notImported = ended ? walk.files.filter((f, i) => results[i] === undefined && !accounted.has(f.path)).map((f) => f.path) : [];

  const finishedAt = new Date().toISOString();
  const summary: ImportSummary = {
    importId,
    startedAt,
    finishedAt,
    cancelled,
    stopped: stopped === null ? null : stopped.toData(),
    notImported,
    stoppedByLock,
    tags,
    imported,
    skipped,
    failed,
    counts: {
      newItems: imported.filter((f) => f.isNew).length,
      duplicates: imported.filter((f) => !f.isNew).length,
      skipped: skipped.filter((s) => s.reason !== 'os-junk').length,
      junk: walk.junk,
      failed: failed.length,
      withWarnings: imported.filter((f) => f.warnings.length > 0).length,
      bytes: imported.reduce((sum, f) => sum + f.size, 0),
    },
  };
  try {
    env.db
      .prepare('UPDATE imports SET finished_at = ?, summary_json = ? WHERE id = ?')
      .run(finishedAt, JSON.stringify(importRecord(summary, walk.files.length)), importId);
  } catch (err) {
    // On a full disk the import's own record may not fit: the items it archived are
    // complete and committed regardless, and the summary goes back to the caller.
    if (stopped === null) throw err;
  }
  report(true, { phase: 'finished', currentPath: null });
  return summary;
}
