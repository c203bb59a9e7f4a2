/**
 * Replicas as shared data: where a replica is, what the vault remembers of it, and what a
 * push, a verify and a restore report. Plain types only; the format is specified in
 * src/main/engine/replica/manifest.ts and docs/formats.md ("Replicas").
 */

import type { RecoverVaultRequest } from './recovery';

export interface FolderReplicaConfig {
  readonly kind: 'folder';
  readonly path: string;
}

export interface S3ReplicaConfig {
  readonly kind: 's3';
  readonly endpoint: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly region: string | null;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export type ReplicaConfig = FolderReplicaConfig | S3ReplicaConfig;

/**
 * Where a replica is, named without a vault (restore, keyless verify): a folder path, or
 * a replica config (an S3 location with the credentials to read it; kept nowhere).
 */
export type ReplicaSource = string | ReplicaConfig;

/** A config as it may be shown: never the S3 secret. */
export type ReplicaConfigView = FolderReplicaConfig | Omit<S3ReplicaConfig, 'secretAccessKey'>;

export interface ReplicaStatus {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly config: ReplicaConfigView;
  readonly addedAt: string;
  /** The last manifest this vault wrote there and recorded; null before the first push. */
  readonly lastManifest: { readonly number: number; readonly sha256: string; readonly pushedAt: string } | null;
  /** Objects the vault holds that no finished push has sent yet (originals, thumbnails). */
  readonly pendingObjects: number;
  /** Items with at least one of those objects: what the window counts as "items waiting". */
  readonly pendingItems: number;
}

/** Kinds of damage a replica check names; each problem lists the objects it concerns. */
export type ReplicaProblemCode =
  | 'MANIFEST_MISSING'
  | 'MANIFEST_DAMAGED'
  | 'MANIFEST_ROLLED_BACK'
  | 'MANIFEST_REPLACED'
  | 'MANIFEST_FOREIGN'
  | 'CHECKSUMS_MISMATCH'
  | 'OBJECT_MISSING'
  | 'OBJECT_TRUNCATED'
  | 'OBJECT_SIZE_MISMATCH'
  | 'OBJECT_CORRUPT'
  | 'OBJECT_SWAPPED'
  | 'OBJECT_UNDECRYPTABLE'
  | 'INDEX_UNREADABLE'
  | 'VAULT_FILE_MISMATCH'
  | 'ROLLBACK_SUSPECTED'
  | 'CHECKPOINT_MISMATCH'
  | 'ITEM_BLOB_MISSING';

export interface ReplicaProblem {
  readonly code: ReplicaProblemCode;
  readonly message: string;
  /** The replica objects concerned, by name. */
  readonly objects: readonly string[];
}

export interface ManifestSummary {
  readonly number: number;
  readonly createdAt: string;
  /** SHA-256 of the manifest's .json bytes. */
  readonly sha256: string;
  readonly objectCount: number;
  readonly totalBytes: number;
  readonly keyFingerprint: string;
  readonly vaultId: string;
  readonly replicaId: string;
  /** The custody-log checkpoint the manifest quotes (a C2SP signed note). */
  readonly checkpoint: string;
}

/**
 * A rebuilt vault folder (RestoreResult.target) opened with its recovery key instead of the
 * passphrase: the words or shares and the new passphrase, as for recoverVault, and the
 * manifest the restore used (its checkpoint is checked before anything is logged).
 */
export interface RestoreRecoveryRequest extends RecoverVaultRequest {
  readonly manifest: ManifestSummary;
}

export interface ReplicaCheckReport {
  readonly ok: boolean;
  readonly description: string;
  /** The manifest checked against; null when none could be read. */
  readonly manifest: ManifestSummary | null;
  readonly checkedObjects: number;
  /** Objects read whole and hashed (all of them unless sampled). */
  readonly hashedObjects: number;
  readonly hashedBytes: number;
  /** Originals and thumbnails also decrypted with the vault key (0 without a vault). */
  readonly decryptedObjects: number;
  readonly problems: readonly ReplicaProblem[];
  /** Objects in the storage that the manifest does not vouch for: never used, only named. */
  readonly ignored: readonly string[];
  /** Facts worth saying that are not problems. */
  readonly notes: readonly string[];
}

export interface ReplicaProgress {
  readonly phase: 'snapshot' | 'upload' | 'manifest' | 'cleanup' | 'check' | 'fetch';
  readonly objectsDone: number;
  readonly objectsTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly current: string | null;
}

export interface ReplicaPushResult {
  readonly name: string;
  readonly description: string;
  readonly number: number;
  readonly manifestSha256: string;
  readonly objectCount: number;
  readonly totalBytes: number;
  /** What this push sent; the rest was there already. */
  readonly uploadedObjects: number;
  readonly uploadedBytes: number;
  /** Old index snapshots and manifests removed after the new manifest was written. */
  readonly removedObjects: number;
  /** Unfinished multipart uploads an earlier, killed push left under the replica's prefix (S3), aborted before this push sent anything. */
  readonly abortedUploads: number;
  /** Why those could not be looked for (the storage does not list them); null when they were. */
  readonly uploadsUnlisted: string | null;
}

export interface RestoreResult {
  readonly ok: boolean;
  readonly target: string;
  readonly manifest: ManifestSummary | null;
  readonly restoredObjects: number;
  readonly restoredBytes: number;
  readonly problems: readonly ReplicaProblem[];
  readonly ignored: readonly string[];
  readonly notes: readonly string[];
  /**
   * Set when nothing was restored because the newest manifest is damaged: why, and the
   * newest earlier one that verifies (restored only when asked with `previous`).
   */
  readonly refused: { readonly reason: string; readonly previous: number | null } | null;
}
