/**
 * Items as the window and the CLI see them: a summary for lists and grids, the full
 * detail (every metadata field with its source, hashes, acquisitions, the custody chain)
 * for one item, and the results of extract and audit.
 */
import type { CustodyProblem, CustodyRecord } from './custody';
import type { ExtractedMetadata, MediaKind } from './metadata';
import type { VideoFacts } from './playback';
import type { ProvenanceRecord } from './provenance';

export interface ItemSummary {
  readonly id: string;
  readonly sha256: string;
  readonly size: number;
  readonly kind: MediaKind;
  readonly format: string | null;
  readonly originalName: string;
  readonly importedAt: string;
  /** Capture time as recorded (local clock time), and as UTC when the offset is known. */
  readonly capturedLocal: string | null;
  readonly capturedUtc: string | null;
  readonly captureSource: string | null;
  readonly tags: readonly string[];
  readonly thumbStatus: 'ok' | 'placeholder' | 'none' | null;
}

export interface Acquisition {
  readonly sourcePath: string;
  readonly fileSize: number;
  readonly fileModified: string | null;
  readonly fileCreated: string | null;
  readonly acquiredAt: string;
  readonly importId: string | null;
}

export interface ItemDetail extends ItemSummary {
  readonly sha1: string | null;
  readonly md5: string | null;
  /** Everything read from the file, each field with its source; null if nothing could be read. */
  readonly metadata: ExtractedMetadata | null;
  readonly thumbReason: string | null;
  /** For a video, what decides whether the window can play it (src/shared/playback.ts); null for other kinds. */
  readonly video: VideoFacts | null;
  readonly acquisitions: readonly Acquisition[];
  readonly custody: readonly CustodyRecord[];
  /** What senders handed over with it (received bundles): their statements apart from this vault's own fields, and the files kept. */
  readonly provenance: readonly ProvenanceRecord[];
}

export interface ExtractRequest {
  /** An item id, or a SHA-256 (or an unambiguous prefix of at least 8 hex digits). */
  readonly item: string;
  /** Where to write the original; must not exist yet. */
  readonly outPath: string;
}

export interface ExtractResult {
  readonly itemId: string;
  readonly outPath: string;
  readonly size: number;
  /** SHA-256 of the bytes written, checked against the item's before the file was kept. */
  readonly sha256: string;
  /** False when the vault was open read-only, so no `extracted` event could be recorded. */
  readonly recorded: boolean;
}

export type AuditProblemCode =
  | 'BLOB_MISSING'
  | 'BLOB_CORRUPT'
  | 'BLOB_HASH_MISMATCH'
  | 'THUMB_MISSING'
  | 'THUMB_CORRUPT'
  | 'ORPHAN_BLOB'
  | 'ITEM_WITHOUT_CUSTODY'
  | 'CUSTODY_WITHOUT_ITEM'
  | 'ACQUIRED_HASH_MISMATCH'
  /** The custody log (one Merkle tree of every event) lacks an event, or a leaf names one its chain no longer holds. */
  | 'LOG_EVENT_MISSING'
  | 'LOG_EVENT_MISMATCH'
  | 'LOG_LEAF_MISSING'
  | 'LOG_ORDER'
  | 'LOG_NODE_MISMATCH'
  /** A checkpoint the vault signed does not verify, or names a root the log no longer has at its size. */
  | 'CHECKPOINT_INVALID'
  | 'CHECKPOINT_MISMATCH'
  /** A timestamp the vault keeps does not check over the seal or checkpoint it dates. */
  | 'TIMESTAMP_INVALID'
  /** A kept timestamp and the vault chain's `timestamped` events disagree: one lacks the other, or its bytes changed. */
  | 'TIMESTAMP_MISMATCH'
  /** A kept provenance file's bytes no longer match the SHA-256 recorded when it was received. */
  | 'PROVENANCE_CORRUPT'
  /** Kept provenance no longer verifies: a hop's seal, its chain, or the link from the item's `received` event (the hop check's own code follows in the message). */
  | 'PROVENANCE_INVALID'
  | CustodyProblem['code'];

export interface AuditProblem {
  readonly code: AuditProblemCode;
  /** The item concerned, when there is one. */
  readonly itemId: string | null;
  readonly message: string;
}

/**
 * One part of the vault per run (as restic's `check --read-data-subset`): `of` parts, the
 * next in turn each run, so that `of` runs read everything. docs/formats.md ("Audit
 * subsets") says which items and files each part holds.
 */
export interface AuditRequest {
  readonly subset?: { readonly of: number };
}

/** The most parts an audit may split the vault into. */
export const MAX_AUDIT_PARTS = 1000;

/** Which part an audit read: part `part` (1 … `of`) of `of`. */
export interface AuditSubset {
  readonly part: number;
  readonly of: number;
}

/** How far an audit has come: originals checked of those it will check. */
export interface AuditProgress {
  readonly itemsDone: number;
  readonly itemsTotal: number;
}

export interface AuditReport {
  /** The part read, for an audit of a subset; absent for a whole audit. */
  readonly subset?: AuditSubset;
  readonly ok: boolean;
  readonly checkedItems: number;
  readonly checkedBytes: number;
  readonly checkedEvents: number;
  /** The custody log as audited (null for a vault whose index predates it and was opened read-only). */
  readonly log: { readonly size: number; readonly root: string } | null;
  /** The checkpoint signed at the end of this audit; null when the vault is open read-only or its log is damaged (then nothing is recorded). */
  readonly checkpoint: string | null;
  readonly problems: readonly AuditProblem[];
}
