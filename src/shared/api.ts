/**
 * The API contract: every call the window (through the preload) and the CLI make into
 * the engine. One table of method names drives the preload, the IPC handlers and the
 * end-to-end harness, so a call cannot exist in one place and not the others.
 *
 * Every call is async and every argument and result is structured-clone-safe plain
 * data (no Buffers, no class instances); failures are `TamgaError`s with a code.
 */

import type { VideoPreviewResult } from './playback';
import type { ImportProgress, ImportRequest, ImportSummary, InterruptedWork } from './import';
import type { AuditProgress, AuditReport, ExtractRequest, ExtractResult, ItemDetail, ItemSummary } from './items';
import type { ExportPreview, ExportProgress, ExportRequest, ExportResult, ExportSelection } from './bundle';
import type { VerifyProgress, VerifyReport, VerifyRequest } from './bundle';
import type { ReceiveRequest, ReceiveResult } from './receive';
import type { MediaChunk, MediaReadRequest } from './media';
import type {
  CaseItemsRequest,
  CaseSummary,
  CreateCaseRequest,
  DescribeRequest,
  ItemDescription,
  OrganiseResult,
  QuerySelection,
  RevealedField,
  RevealRequest,
  SelectionProgress,
  SelectionResult,
  TagRequest,
  TagSelectionRequest,
  UpdateCaseRequest,
} from './organise';
import type { FacetCount, FindByFileResult, SearchRequest, SearchResult } from './search';
import type { AddSenderRequest, KnownSender } from './senders';
import type { Operator, OperatorInput } from './operator';
import type { SettingsUpdate, VaultEvent, VaultSettings } from './session';
import type { CreateRecoveryKeyRequest, RecoverVaultRequest, RecoveryKeyMade, WriteRecoveryPageRequest } from './recovery';
import type { StampResult, TimestampStatus } from './timestamp';
import type { ManifestSummary, ReplicaCheckReport, ReplicaConfig, ReplicaProblem, ReplicaProgress, ReplicaPushResult, ReplicaSource, ReplicaStatus, RestoreRecoveryRequest, RestoreResult } from './replica';

/** What anyone can read from vault.json without the passphrase. */
export interface VaultPublicInfo {
  readonly path: string;
  readonly formatVersion: number;
  readonly vaultId: string;
  /** SHA-256 of the raw 32-byte Ed25519 public key, lower-case hex: what owners publish. */
  readonly keyFingerprint: string;
  /** The raw Ed25519 public key, lower-case hex. */
  readonly publicKey: string;
  readonly kdf: { readonly name: 'scrypt'; readonly N: number; readonly r: number; readonly p: number };
  readonly createdAt: string;
  /** The recovery key (a second slot in vault.json), when the vault has one: when it was made, and its k-of-n split if it was handed out as shares. */
  readonly recovery: { readonly createdAt: string; readonly shares: { readonly k: number; readonly n: number } | null } | null;
}

/** What an unlocked vault adds. */
export interface VaultInfo extends VaultPublicInfo {
  readonly itemCount: number;
  /** The index schema version (SQLite user_version). */
  readonly schemaVersion: number;
  /** Whether imports also compute SHA-1 and MD5 (for forensic tools that use them). */
  readonly legacyHashes: boolean;
  /** Who operates the vault, as they stated it (not an identity check); null when it records none. */
  readonly operator: Operator | null;
  /**
   * Open without the writer lock: asked for, or because the vault is on a medium that
   * cannot be written (a write-protected card, a disk mounted read-only). Reading, viewing,
   * verifying, extracting and exporting work and are not recorded; changes are refused.
   */
  readonly readOnly: boolean;
}

export interface CreateVaultRequest {
  readonly path: string;
  readonly passphrase: string;
  /** Also compute SHA-1 and MD5 on import. */
  readonly legacyHashes?: boolean;
  /** Who operates it (an 'operator-set' event right after 'vault-created'); none when absent or null. */
  readonly operator?: OperatorInput | null;
}

export interface UnlockVaultRequest {
  readonly path: string;
  readonly passphrase: string;
  /** Open without the writer lock, e.g. to read details while the app has the vault open. A vault that cannot be written is opened so anyway. */
  readonly readonly?: boolean;
}

export interface ChangePassphraseRequest {
  readonly oldPassphrase: string;
  readonly newPassphrase: string;
}

export interface TamgaApi {
  /** Reads vault.json only; needs no passphrase. */
  inspectVault(path: string): Promise<VaultPublicInfo>;
  /** Creates a new vault in an empty or missing directory and leaves it unlocked. */
  createVault(request: CreateVaultRequest): Promise<VaultInfo>;
  unlockVault(request: UnlockVaultRequest): Promise<VaultInfo>;
  /** Closes the index, releases the lock and zeroes the keys held in memory. */
  lockVault(): Promise<void>;
  /** The open vault's details; VAULT_LOCKED when none is open. */
  vaultInfo(): Promise<VaultInfo>;
  /** Rewraps the master key under a new passphrase; no data is re-encrypted. */
  changePassphrase(request: ChangePassphraseRequest): Promise<void>;
  /**
   * Makes the open vault's recovery key (a second slot in vault.json wrapping the same
   * master key), replacing any older one; the words or shares come back this once only.
   * A `recovery-key-created` or `recovery-key-rotated` event; never the key itself.
   */
  createRecoveryKey(request: CreateRecoveryKeyRequest): Promise<RecoveryKeyMade>;
  /** Removes the recovery slot (a `recovery-key-removed` event); NO_RECOVERY_KEY when there is none. */
  removeRecoveryKey(): Promise<void>;
  /** Writes the printable page(s) of a key just made; answers with the paths written. */
  writeRecoveryPage(request: WriteRecoveryPageRequest): Promise<string[]>;
  /**
   * Opens a locked vault with its recovery words or shares, sets a new passphrase (a
   * `recovered` event) and leaves the vault unlocked. RECOVERY_KEY_MALFORMED (a typo),
   * WRONG_RECOVERY_KEY, NO_RECOVERY_KEY, NOT_ENOUGH_SHARES say what went wrong.
   */
  recoverVault(request: RecoverVaultRequest): Promise<VaultInfo>;
  /** Imports files and folders; progress arrives as `importProgress` events. */
  importFiles(request: ImportRequest): Promise<ImportSummary>;
  /** Stops the running import after the file in progress is abandoned; what finished stays. */
  cancelImport(): Promise<void>;
  listItems(): Promise<ItemSummary[]>;
  /** One item by id or SHA-256 (prefix of 8+ hex digits), with everything known about it. */
  getItem(ref: string): Promise<ItemDetail>;
  /** Writes the original, byte-exact, to a new file and logs an `extracted` event. */
  extractItem(request: ExtractRequest): Promise<ExtractResult>;
  /** Decrypts and checks every blob, every custody chain, and looks for orphans. */
  auditVault(): Promise<AuditReport>;
  /** Writes a sealed bundle (folder or .zip) and logs `exported` custody events; progress arrives as `exportProgress` events. */
  exportBundle(request: ExportRequest): Promise<ExportResult>;
  /** Stops the running export; nothing is left under the bundle's name. */
  cancelExport(): Promise<void>;
  /**
   * Checks a bundle folder or .zip from anyone (no vault needed); progress arrives as
   * `verifyProgress` events. When a vault is unlocked its known senders count as confirmed.
   */
  verifyBundle(request: VerifyRequest): Promise<VerifyReport>;
  /** Stops the checks running: each answers with an incomplete report (TIME_LIMIT, "cancelled"), never a pass. */
  cancelVerify(): Promise<void>;
  /**
   * Receives a sealed bundle from another vault (src/shared/receive.ts): verified first and
   * refused (BUNDLE_REFUSED) unless it passes or its problems are accepted; each exhibit an
   * item or a new acquisition, with a `received` event and the sender's material as provenance.
   */
  receiveBundle(request: ReceiveRequest): Promise<ReceiveResult>;
  /** A byte range of an item's thumbnail, preview or original, decrypted (the media protocol's source). */
  readMedia(request: MediaReadRequest): Promise<MediaChunk>;
  /** The open vault's settings (auto-lock time, legacy hashes). */
  getSettings(): Promise<VaultSettings>;
  /** Changes some settings; answers with all of them. A `settingsChanged` event follows. */
  updateSettings(update: SettingsUpdate): Promise<VaultSettings>;
  /** The open vault's known senders, by name. */
  listKnownSenders(): Promise<KnownSender[]>;
  /** Adds a known sender (a `sender-added` event on the vault's chain); ALREADY_EXISTS for a known key or name. */
  addKnownSender(request: AddSenderRequest): Promise<KnownSender>;
  /** Removes the known sender with that name (ignoring case) or fingerprint (a `sender-removed` event). */
  removeKnownSender(nameOrFingerprint: string): Promise<KnownSender>;
  /** Who operates the open vault, as they stated it; null when it records none. */
  getOperator(): Promise<Operator | null>;
  /**
   * Records who operates the vault (an 'operator-set' event on the vault's chain) or, given
   * null, that nobody is recorded ('operator-cleared'); every later event's actor names the
   * operator. INVALID_ARGUMENT (details {field, reason}) for a member that cannot be stored.
   * Answers with the operator as stored.
   */
  setOperator(operator: OperatorInput | null): Promise<Operator | null>;
  /** Runs a query (the language in src/shared/search.ts): one page, the total, facets, the query as understood. */
  searchItems(request: SearchRequest): Promise<SearchResult>;
  /** Hashes a file on disk and says whether the vault holds exactly those bytes, and where they came from. */
  findByFile(path: string): Promise<FindByFileResult>;
  /** Which of these item ids the query matches (the rest of a selection is outside the results shown). */
  itemsMatching(request: { readonly query: string; readonly items: readonly string[] }): Promise<string[]>;
  /** What an export of this selection would seal and put in plaintext, before anything is written. */
  previewExport(selection: ExportSelection): Promise<ExportPreview>;
  /** Work the last lock stopped (an import, an export) if this vault was the one locked; told once, then forgotten. */
  takeInterruptedWork(): Promise<InterruptedWork | null>;
  /**
   * Makes (or finds) the playable preview of a video the window cannot play: its first
   * 30 s at low resolution, transcoded by ffmpeg and kept encrypted; the `playable` media
   * variant serves it. It never replaces the original and is never exported.
   */
  makeVideoPreview(item: string): Promise<VideoPreviewResult>;
  /** Title, description, notes, place, tags and cases of one item (by id or SHA-256 prefix). */
  getItemDescription(ref: string): Promise<ItemDescription>;
  /** Signs a checkpoint of the vault's custody log as it is now and keeps it in the vault. */
  makeCheckpoint(): Promise<CheckpointMade>;
  /** Sets title, description, notes or place of the named items; each change is a `described` custody event. */
  describeItems(request: DescribeRequest): Promise<OrganiseResult>;
  /** A private field's text as one `described` event committed to it, with the salt that proves it (checked first). */
  revealPrivateField(request: RevealRequest): Promise<RevealedField>;
  /** Adds tags to the named items; one `tagged` custody event per tag added. */
  tagItems(request: TagRequest): Promise<OrganiseResult>;
  /** Removes tags (ignoring case) from the named items; one `untagged` custody event per tag removed. */
  untagItems(request: TagRequest): Promise<OrganiseResult>;
  /** How many items a query selection holds now (select-all's "N selected", counted by the engine). */
  countSelection(selection: QuerySelection): Promise<number>;
  /** Adds tags to every item of a query selection, in batches; progress as `selectionProgress` events; answers counts. */
  tagSelection(request: TagSelectionRequest): Promise<SelectionResult>;
  /** Removes tags from every item of a query selection, likewise. */
  untagSelection(request: TagSelectionRequest): Promise<SelectionResult>;
  /** Every tag in the vault with its number of items, most used first. */
  listTags(): Promise<FacetCount[]>;
  createCase(request: CreateCaseRequest): Promise<CaseSummary>;
  /** Renames a case or changes its description. */
  updateCase(request: UpdateCaseRequest): Promise<CaseSummary>;
  listCases(): Promise<CaseSummary[]>;
  /** Adds the named items to a case; one `added-to-case` custody event per item added. */
  addToCase(request: CaseItemsRequest): Promise<OrganiseResult>;
  /** Takes the named items out of a case; one `removed-from-case` custody event per item. */
  removeFromCase(request: CaseItemsRequest): Promise<OrganiseResult>;
  /** The saved timestamp servers, how many seals the vault keeps, and how many wait for a timestamp (src/shared/timestamp.ts). */
  timestampStatus(): Promise<TimestampStatus>;
  /**
   * Replaces the saved timestamp servers with these, in order (an empty list saves none).
   * INVALID_ARGUMENT (details {index, url, reason}) for an address that cannot be kept;
   * READ_ONLY on a read-only vault. Answers with the list as saved.
   */
  setTimestampServers(urls: readonly string[]): Promise<string[]>;
  /**
   * Asks each saved server for an RFC 3161 timestamp over every seal it has not stamped yet
   * (it is sent the SHA-256 of the seal signature, nothing else) and records each token
   * with a `timestamped` event; a server that fails is reported and nothing is recorded
   * for it. INVALID_ARGUMENT when no server is saved.
   */
  getTimestamps(): Promise<StampResult>;
  /** Adds an off-site copy (a folder or an S3 bucket) that will hold only ciphertext (docs/formats.md, "Replicas"). */
  addReplica(request: { readonly name: string; readonly config: ReplicaConfig }): Promise<ReplicaStatus>;
  /** The vault's replicas: where, the last manifest recorded, how many objects wait to be sent. */
  listReplicas(): Promise<ReplicaStatus[]>;
  /** Forgets a replica (a custody event); what the storage holds stays there. */
  removeReplica(name: string): Promise<void>;
  /**
   * Sends what is new to the named replica, or to each when no name is given; progress
   * arrives as `replicaProgress` events. BUSY while another push runs; cancelReplicaPush
   * stops it (what was sent stays, and no manifest claims it).
   */
  pushReplicas(name?: string): Promise<ReplicaPushResult[]>;
  cancelReplicaPush(): Promise<void>;
  /** Checks a replica against the last manifest this vault wrote there; `sample` reads only that many originals whole. Progress as `replicaProgress` events. */
  verifyReplica(request: { readonly name: string; readonly sample?: number }): Promise<ReplicaCheckReport>;
  /** Rebuilds a locked vault folder from a replica (no vault needed); then unlock it and call finishRestore. Progress as `replicaProgress` events. */
  restoreReplica(request: { readonly source: ReplicaSource; readonly target: string; readonly keyFingerprint?: string; readonly previous?: boolean }): Promise<RestoreResult>;
  /** On the unlocked restored vault: its log against the manifest's checkpoint, and the replica's last manifest recorded. */
  finishRestore(manifest: ManifestSummary): Promise<ReplicaProblem[]>;
  /**
   * The rebuilt folder opened with its recovery key instead of the passphrase: unlocks with
   * the words or shares, checks the log against the manifest's checkpoint (before anything is
   * logged, so the log is still the one the manifest signed for), then sets the new
   * passphrase (`recovered` on the vault chain). The vault stays unlocked, as after
   * unlockVault; nothing on disk changes when the key is refused.
   */
  finishRestoreWithRecovery(request: RestoreRecoveryRequest): Promise<ReplicaProblem[]>;
}

/** Events the engine pushes while a call runs. */
export type ApiEvent =
  | { readonly type: 'importProgress'; readonly progress: ImportProgress }
  | { readonly type: 'exportProgress'; readonly progress: ExportProgress }
  | { readonly type: 'verifyProgress'; readonly progress: VerifyProgress }
  /** An audit running: originals checked of those it will check. */
  | { readonly type: 'auditProgress'; readonly progress: AuditProgress }
  /** A tag change over a query selection running (tagSelection, untagSelection). */
  | { readonly type: 'selectionProgress'; readonly progress: SelectionProgress }
  /** A replica push, check or restore running; `replica` names the replica (null for a restore or a keyless check). */
  | { readonly type: 'replicaProgress'; readonly replica: string | null; readonly progress: ReplicaProgress }
  | VaultEvent;

/**
 * Calls that must not wait behind the call in progress (the engine host otherwise runs
 * calls one at a time): cancelling an import is only useful while the import runs.
 */
export const IMMEDIATE_METHODS: readonly ApiMethod[] = [
  'cancelImport',
  // Cancelling an export or a verify, likewise, is only useful while it runs.
  'cancelExport',
  'cancelVerify',
  // Locking must never wait for an import (system suspend, Ctrl+L); it stops the import first.
  'lockVault',
  // Reads that only look at the index or at immutable encrypted files, so the window can
  // browse, open items and show thumbnails while an import writes: each index read is one
  // synchronous statement, so it never sees half a transaction.
  'vaultInfo',
  'getSettings',
  'listKnownSenders',
  'getOperator',
  'listItems',
  'getItem',
  'readMedia',
  // Search and the organising reads are index reads too (a search reads in one transaction).
  'searchItems',
  'itemsMatching',
  'previewExport',
  'countSelection',
  'getItemDescription',
  'revealPrivateField',
  'listTags',
  'listCases',
  // The waiting-seals line reads three counts; it must not wait behind an import or the stamping itself.
  'timestampStatus',
  // A push sends what one VACUUM INTO snapshot of the index names (immutable encrypted
  // blobs) and records what it sent in single statements and transactions, which never
  // interleave with another call's, so it runs beside the writer queue: the window keeps
  // importing and tagging, a second push is refused with BUSY, and lock waits for it.
  // Cancelling it and reading the replica list must not wait behind it.
  'pushReplicas',
  'cancelReplicaPush',
  'listReplicas',
  // Transcoding a preview takes seconds to minutes and writes no index row (only its own
  // encrypted file): the window keeps working meanwhile, and a lock stops it.
  'makeVideoPreview',
];

export type ApiMethod = keyof TamgaApi;

/** A checkpoint just signed: the C2SP signed note, what it says, and the key that checks it. */
export interface CheckpointMade {
  readonly note: string;
  readonly origin: string;
  readonly size: number;
  readonly root: string;
  /** The C2SP verifier key (`<name>+<key id>+<base64 key>`) of the vault's signing key. */
  readonly verifierKey: string;
}

/**
 * Every method of the contract, in one list. The `satisfies` check below fails to
 * compile when a method is added to `TamgaApi` and not here (or the other way round).
 */
export const API_METHODS = [
  'inspectVault',
  'createVault',
  'unlockVault',
  'lockVault',
  'vaultInfo',
  'changePassphrase',
  'createRecoveryKey',
  'removeRecoveryKey',
  'writeRecoveryPage',
  'recoverVault',
  'importFiles',
  'cancelImport',
  'listItems',
  'getItem',
  'extractItem',
  'auditVault',
  'makeCheckpoint',
  'exportBundle',
  'cancelExport',
  'verifyBundle',
  'cancelVerify',
  'receiveBundle',
  'readMedia',
  'getSettings',
  'updateSettings',
  'listKnownSenders',
  'addKnownSender',
  'removeKnownSender',
  'getOperator',
  'setOperator',
  'searchItems',
  'findByFile',
  'itemsMatching',
  'previewExport',
  'takeInterruptedWork',
  'makeVideoPreview',
  'getItemDescription',
  'describeItems',
  'revealPrivateField',
  'tagItems',
  'untagItems',
  'countSelection',
  'tagSelection',
  'untagSelection',
  'listTags',
  'createCase',
  'updateCase',
  'listCases',
  'addToCase',
  'removeFromCase',
  'timestampStatus',
  'setTimestampServers',
  'getTimestamps',
  'addReplica',
  'listReplicas',
  'removeReplica',
  'pushReplicas',
  'cancelReplicaPush',
  'verifyReplica',
  'restoreReplica',
  'finishRestore',
  'finishRestoreWithRecovery',
] as const satisfies readonly ApiMethod[];

/** The engine methods the window never calls: the CLI, the engine worker (media) and the tests reach them directly. */
// getOperator: the window reads the operator from vaultInfo(). auditVault is the window's
// too: a restore ends with it, as the CLI's does (it reads and reports; it changes nothing).
// receiveBundle: the CLI's for now; the window's "Receive a bundle…" dialog is not built yet.
export const NOT_FOR_THE_WINDOW = ['listItems', 'extractItem', 'readMedia', 'findByFile', 'updateCase', 'removeFromCase', 'revealPrivateField', 'makeCheckpoint', 'getOperator', 'receiveBundle'] as const satisfies readonly ApiMethod[];

/**
 * What the window may call: the methods it uses, and no more. The preload exposes only
 * these on window.tamga and the main process answers only these channels, so a window
 * taken over by a hostile page cannot extract, audit or read media through IPC. The
 * CLI, the engine worker and the tests reach the rest directly. tests/unit/preload-bridge.test.ts
 * checks that every one is called somewhere in src/renderer.
 */
export const WINDOW_METHODS = API_METHODS.filter((m): m is WindowMethod => !(NOT_FOR_THE_WINDOW as readonly string[]).includes(m));

export type WindowMethod = Exclude<ApiMethod, (typeof NOT_FOR_THE_WINDOW)[number]>;

/** The engine as the window sees it. */
export type WindowApi = Pick<TamgaApi, WindowMethod>;


type Missing = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
// If this line fails to compile, a TamgaApi method is missing from API_METHODS.
export const API_METHODS_COMPLETE: Missing extends never ? true : never = true;

/** The IPC channel of a method: prefixed so the preload never forwards anything else. */
export function apiChannel(method: ApiMethod): `tamga:${ApiMethod}` {
  return `tamga:${method}`;
}
