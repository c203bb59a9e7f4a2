/**
 * The import contract: what the window and the CLI ask for, the progress they are told
 * about, and the summary they show at the end. Every skipped file is named with its reason.
 */
import type { TamgaErrorData } from './errors';
import type { LockReason } from './session';

export interface ImportRequest {
  /** Files and folders (folders are walked recursively; symlinks are never followed). */
  readonly paths: readonly string[];
  /** Tags put on every imported item (and on duplicates, which are the same items). */
  readonly tags?: readonly string[];
  /** Also import hidden OS junk (.DS_Store, Thumbs.db, AppleDouble ._ files). Off by default. */
  readonly includeJunk?: boolean;
}

export type SkipReason =
  | 'symlink'
  | 'special-file'
  | 'os-junk'
  | 'unreadable'
  /** A path given to import that does not exist (mistyped, or on a disk no longer attached). */
  | 'not-found'
  /** A file seen while walking a folder, gone before it could be read. */
  | 'vanished'
  | 'inside-vault';

export interface SkippedFile {
  readonly path: string;
  readonly reason: SkipReason;
  /** A sentence a person understands. */
  readonly message: string;
}

export interface ImportedFile {
  readonly path: string;
  readonly itemId: string;
  readonly sha256: string;
  readonly size: number;
  /** false: the content was already in the vault; a new acquisition was recorded. */
  readonly isNew: boolean;
  readonly kind: 'photo' | 'video' | 'other';
  /** Metadata problems (the file is archived all the same). */
  readonly warnings: readonly string[];
}

export interface FailedFile {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface ImportSummary {
  readonly importId: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly cancelled: boolean;
  /**
   * Why the import stopped before its end, when something stopped it for every file at
   * once (the disk filled up); null when it ran to its end or was cancelled. What is in
   * `imported` is archived in full; `notImported` lists the files never archived.
   */
  readonly stopped: TamgaErrorData | null;
  /**
   * The files of the walk never archived because the import ended early (stopped, cancelled
   * or locked): not begun, or in flight and taken back whole. Failed and skipped files are
   * in `failed` and `skipped` instead. Importing exactly these again completes the import.
   */
  readonly notImported: readonly string[];
  /** Locking the vault stopped it (`cancelled` is true too): the window says so after the next unlock. */
  readonly stoppedByLock: boolean;
  /** The tags it put on every item (normalised), so that importing the rest again tags them alike. */
  readonly tags: readonly string[];
  readonly imported: readonly ImportedFile[];
  readonly skipped: readonly SkippedFile[];
  readonly failed: readonly FailedFile[];
  readonly counts: {
    readonly newItems: number;
    readonly duplicates: number;
    readonly skipped: number;
    readonly junk: number;
    readonly failed: number;
    readonly withWarnings: number;
    readonly bytes: number;
  };
}

export interface ImportProgress {
  readonly importId: string;
  readonly phase: 'scanning' | 'importing' | 'finished';
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly currentPath: string | null;
  readonly currentBytesDone: number;
  readonly currentBytesTotal: number;
}

/** What an import stopped by a lock had done, as recorded in the vault (after the next unlock). */
export interface InterruptedImport {
  readonly importId: string;
  readonly startedAt: string;
  readonly stoppedAt: string;
  /** How many files the walk found to import. */
  readonly filesTotal: number;
  /** The files archived in full before the lock (new items and duplicates). */
  readonly archived: readonly { readonly path: string; readonly itemId: string; readonly isNew: boolean }[];
  /** The files never archived; "Import again" imports exactly these. */
  readonly notImported: readonly string[];
  readonly failed: number;
  readonly skipped: number;
  readonly tags: readonly string[];
}

/**
 * Work a lock stopped, told to the window once after it unlocks the same vault again
 * (takeInterruptedWork): an import (what it archived and what not) and an export (nothing
 * of it was left on disk). Null members: nothing of that kind was stopped.
 */
export interface InterruptedWork {
  readonly reason: LockReason;
  readonly import: InterruptedImport | null;
  readonly export: { readonly outPath: string } | null;
}
