/**
 * Sealed bundles as the window and the CLI see them: what to export and how, the progress
 * of an export, and what came out. Plain data only (no Node). The bytes of a bundle are
 * specified in docs/formats.md ("Sealed bundle format v1"); the names of its files live in
 * src/main/engine/bundle/layout.ts.
 */
import type { OperatorActs } from './operator';
import type { KnownSender } from './senders';

/** Which items become exhibits, in which order (the order is the exhibit numbering). */
export type ExportSelection =
  /** Item ids or SHA-256 prefixes (8+ hex digits), in the given order. */
  | { readonly kind: 'items'; readonly items: readonly string[] }
  /** A case by id or name (names ignore case): its items in the order they were added. */
  | { readonly kind: 'case'; readonly case: string }
  /** A search query (the query language of src/shared/search.ts): every match, oldest capture first. */
  | { readonly kind: 'query'; readonly query: string };

/** A folder, or one `.zip` file holding that folder (stored entries, fixed order and times). */
export type BundleFormat = 'directory' | 'zip';

export const BUNDLE_FORMATS: readonly BundleFormat[] = ['directory', 'zip'];

/** The most exhibits one bundle may hold (exhibit numbers E0001 … E100000). */
export const MAX_EXHIBITS = 100_000;

/** The longest text a bag-info field takes (after folding to one line). */
export const MAX_BAG_INFO_VALUE_LENGTH = 4_000;

export interface ExportRequest {
  readonly selection: ExportSelection;
  /** The bundle folder, or the .zip file, to create; it must not exist yet. */
  readonly outPath: string;
  /** Default: 'zip' when outPath ends in .zip (any case), else 'directory'. */
  readonly format?: BundleFormat;
  /** Who receives the bundle (e.g. "Almaty City Court, case 2-1234/2021"): Tamga-Recipient. */
  readonly recipient?: string;
  /** Source-Organization in bag-info.txt (who sends it). */
  readonly organization?: string;
  /** Contact-Name in bag-info.txt. */
  readonly contactName?: string;
  /** Contact-Email in bag-info.txt. */
  readonly contactEmail?: string;
  /** External-Description: what this set of exhibits is, in the sender's words. */
  readonly description?: string;
  /**
   * External-Identifier: the case this bundle belongs to (a court file number, say).
   * Defaults to the case name when the selection is a case.
   */
  readonly caseIdentifier?: string;
  /**
   * Timestamp the seal right away (docs/formats.md, "Timestamps"): the TSAs to ask, or an
   * empty list for those saved in the vault. Left out, the bundle leaves with no timestamp
   * (the vault can stamp it later). A TSA that fails never fails the export: the result
   * says so, and `tamga timestamp` can ask again.
   */
  readonly timestampWith?: readonly string[];
}

/** What one TSA answered for a bundle's seal right after it was sealed. */
export interface ExportTimestamp {
  readonly tsa: string;
  readonly ok: boolean;
  /** The token's time, ISO 8601 UTC, when ok. */
  readonly genTime?: string;
  readonly tsaName?: string | null;
  /** Why not, when not ok: the error code (TSA_UNREACHABLE, TSA_REFUSED, …) and its sentence. */
  readonly error?: { readonly code: string; readonly message: string };
}

export type ExportPhase = 'preparing' | 'payload' | 'metadata' | 'sealing' | 'finished';

export interface ExportProgress {
  readonly bundleId: string;
  readonly phase: ExportPhase;
  readonly exhibitsDone: number;
  readonly exhibitsTotal: number;
  /** Payload bytes written so far (the originals; tag files are small and not counted). */
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The exhibit being written, e.g. "E0003"; null between exhibits. */
  readonly currentExhibit: string | null;
}

export interface ExportedExhibit {
  /** E0001, E0002 … in selection order. */
  readonly number: string;
  readonly itemId: string;
  /** The payload file inside the bundle, e.g. "data/E0001_IMG_1234.JPG". */
  readonly path: string;
  readonly originalName: string;
  readonly size: number;
  readonly sha256: string;
  readonly sha512: string;
}

export interface ExportResult {
  readonly bundleId: string;
  /** The absolute path of the finished bundle (folder or .zip). */
  readonly outPath: string;
  readonly format: BundleFormat;
  readonly exhibits: readonly ExportedExhibit[];
  /** Payload-Oxum: `<payload bytes>.<payload files>`. */
  readonly payloadOxum: string;
  /** ISO 8601 UTC: Tamga-Sealed-At. */
  readonly sealedAt: string;
  /** SHA-256 of the raw signing public key: what the recipient compares with the published one. */
  readonly keyFingerprint: string;
  /** SHA-256 of tagmanifest-sha256.txt, the bytes the seal signs; also logged in custody. */
  readonly tagManifestSha256: string;
  /** For a zip: the one folder inside it that holds the bundle (e.g. "bundle-2021-01"); null for a folder. */
  readonly zipRoot: string | null;
  /** False when the vault was open read-only, so no `exported` events could be logged: the bundle is complete, its export is in no custody chain. */
  readonly recorded: boolean;
  /** One per TSA asked with timestampWith, in order; the bundle carries the tokens of those ok. Empty when none was asked. */
  readonly timestamps: readonly ExportTimestamp[];
}

// ---------------------------------------------------------------------------------------
// Verifying a bundle (tamga verify; the window's verify screen). docs/formats.md,
// "Verifying a bundle", explains every check and every code below.

/** What can be wrong with a bundle: the container, the BagIt structure, the seal, an exhibit. */
export const VERIFY_PROBLEM_CODES = [
  // The container: refused before or while reading it (hostile or damaged bundles).
  'NOT_A_BUNDLE',
  'ZIP_UNREADABLE',
  'TOO_MANY_ENTRIES',
  'TOO_LARGE',
  'ENTRY_TOO_LARGE',
  'ZIP_BOMB',
  'ZIP_OVERLAP',
  'ZIP_SIZE_MISMATCH',
  'ZIP_CRC_MISMATCH',
  'ZIP_HEADER_MISMATCH',
  'ENCRYPTED_ENTRY',
  'UNSUPPORTED_COMPRESSION',
  'UNSAFE_PATH',
  'NAME_NOT_UTF8',
  'DUPLICATE_NAME',
  'SYMLINK',
  'SPECIAL_FILE',
  'READ_ERROR',
  'TIME_LIMIT',
  'ZIP_PREFIXED',
  // BagIt structure.
  'BAGIT_TXT_MISSING',
  'BAGIT_TXT_INVALID',
  'BAG_INFO_MISSING',
  'BAG_INFO_INVALID',
  'PAYLOAD_OXUM_MISSING',
  'PAYLOAD_OXUM_INVALID',
  'PAYLOAD_OXUM_MISMATCH',
  'MANIFEST_MISSING',
  'MANIFEST_ALGORITHM_UNSUPPORTED',
  'MANIFEST_LINE_INVALID',
  'MANIFEST_DUPLICATE_LINE',
  'MANIFEST_CONFLICT',
  'TAG_FILE_TOO_LARGE',
  'FETCH_NOT_ALLOWED',
  // Payload and tag files against the manifests.
  'PAYLOAD_MISSING',
  'PAYLOAD_UNLISTED',
  'PAYLOAD_HASH_MISMATCH',
  'PAYLOAD_NOT_AN_EXHIBIT',
  'TAG_FILE_MISSING',
  'TAG_FILE_UNLISTED',
  'TAG_HASH_MISMATCH',
  // The seal and the signer.
  'SEAL_MISSING',
  'SEAL_KEY_INVALID',
  'SEAL_INVALID',
  'UNTRUSTED_SIGNER',
  'SIGNER_KEY_MISMATCH',
  /** vault-key.json names another vault than bag-info.txt's Tamga-Signer. */
  'SIGNER_ID_MISMATCH',
  'SIGNER_NOT_CONFIRMED',
  // Exhibits: custody chains and the exhibit list.
  'DUPLICATE_EXHIBIT',
  'CUSTODY_MISSING',
  'CUSTODY_ORPHAN',
  'ACQUIRED_HASH_MISMATCH',
  'EXHIBITS_JSON_INVALID',
  'EXHIBITS_JSON_MISMATCH',
  /** A signed custody event names another SHA-256 or size than the bundle's file, or exhibits.json other legacy hashes than custody recorded. */
  'EXHIBIT_FACT_MISMATCH',
  /** exhibits.csv cannot be read as the exhibit sheet. */
  'EXHIBITS_CSV_INVALID',
  /** exhibits.csv shows another file, size or digest than the sealed manifests, or misses or repeats an exhibit. */
  'EXHIBITS_CSV_MISMATCH',
  'README_VERIFY_MISMATCH',
  /** report/exhibit-list.html holds no exhibit list where Tamga writes it, or cannot be read as text. */
  'REPORT_HTML_INVALID',
  /** report/exhibit-list.html shows another value than bag-info.txt, exhibits.json or the manifests, or misses or adds an exhibit. */
  'REPORT_HTML_MISMATCH',
  'REPORT_PDF_UNREADABLE',
  'REPORT_PDF_MISMATCH',
  // The custody log files that follow the seal.
  /** seal/custody-log.checkpoint is not a checkpoint of the signer's log signed by the seal's key. */
  'LOG_CHECKPOINT_INVALID',
  /** seal/custody-proofs.jsonl, or one of its lines, cannot be read; or one of the two files is missing. */
  'LOG_PROOFS_INVALID',
  /** An exported event in the proofs is not this bundle's export continuing the sealed chain, or not in the checkpoint's tree. */
  'LOG_PROOF_MISMATCH',
  /** An exhibit (or the vault chain) has no line in the proofs. */
  'LOG_PROOF_MISSING',
  /** Two checkpoints of one vault that cannot both be true: the earlier is not a prefix of the later (history rewritten), or one size has two roots. */
  'LOG_FORK',
  /** --since names no readable checkpoint, one of another vault, or one signed by another key. */
  'SINCE_INVALID',
  // Timestamps added after the seal (seal/*.tsr).
  /** A seal/*.tsr is not a valid RFC 3161 timestamp over seal/tagmanifest-sha256.txt.sig: over other data, damaged, or not a token. */
  'TIMESTAMP_INVALID',
  /** With a TSA trust list: the token's TSA certificate does not lead to one of its roots. */
  'TIMESTAMP_UNTRUSTED',
  /** A seal/*.tsa-chain.pem holds a certificate no valid token carries, is not certificates, or lacks a token's signer. */
  'TIMESTAMP_CHAIN_MISMATCH',
  // Earlier hops (metadata/hops/E0001/<n>/): an exhibit received from another vault.
  /** A hop folder lacks a required file, or its hop.json cannot be read or points nowhere. */
  'HOP_MALFORMED',
  /** A hop's seal does not verify over its tag manifest, or its bag-info.txt is not the one the seal covers. */
  'HOP_SEAL_INVALID',
  /** A hop's custody file is not the one its seal covers, does not verify, or is of another file. */
  'HOP_CHAIN_INVALID',
  /** The received event that should link to a hop does not name it (bundle, key, tag manifest, exhibit, the sender's last event). */
  'HOP_LINK_BROKEN',
  /** A received event names a bundle for which the exhibit carries no hop. */
  'HOP_MISSING',
] as const;

/**
 * A custody chain problem inside a bundle keeps the custody check's own code with a
 * CUSTODY_ prefix (CUSTODY_HASH_MISMATCH, CUSTODY_BAD_SIGNATURE, …; see src/shared/custody.ts).
 */
export type VerifyProblemCode =
  | (typeof VERIFY_PROBLEM_CODES)[number]
  | `CUSTODY_${import('./custody').CustodyProblemCode}`;

export interface VerifyProblem {
  readonly code: VerifyProblemCode;
  /** One plain sentence naming the file (and line or event) concerned. */
  readonly message: string;
  /** The file inside the bundle it concerns, relative to the bundle's root ("data/E0001_IMG.JPG"). */
  readonly path?: string;
  /** The exhibit it concerns ("E0001"), when it concerns one. */
  readonly exhibit?: string;
  /** 1-based line in `path`, for manifest and custody lines. */
  readonly line?: number;
}

/**
 * Whether the seal's key is one the user confirmed: the key they pinned (`--key`), else one
 * of their known senders (src/shared/senders.ts). A valid seal proves only that the bundle
 * is unchanged since that key sealed it; anyone can make a key and a valid seal.
 */
export type SignerTrust =
  /** The seal is valid and made by the pinned key. */
  | 'trusted'
  /** The seal is valid, no key was pinned, and it was made by a known sender's key (named in `name`). */
  | 'known-sender'
  /** The seal is valid but made by another key than the pinned one (UNTRUSTED_SIGNER). */
  | 'untrusted'
  /** The seal is valid; no key was pinned and it is no known sender's: nobody confirmed whose it is (SIGNER_NOT_CONFIRMED). */
  | 'unconfirmed'
  /** There is no valid seal, so no signer can be named. */
  | 'unknown';

export interface VerifySigner {
  /** SHA-256 of the raw Ed25519 public key in seal/signer.pem, hex; null when it cannot be read. */
  readonly fingerprint: string | null;
  /** The fingerprint the user pinned, lower-case hex; null when none was given. */
  readonly pinned: string | null;
  readonly trust: SignerTrust;
  /** The known sender's name when the seal's key is a known sender's (whatever `trust` is); else null. */
  readonly name: string | null;
}

/**
 * The bundle's verdict. 'valid': every check passed and the seal is by a confirmed key.
 * 'intact-unconfirmed-signer': every check passed except that nobody confirmed whose key
 * sealed it (the only problem is SIGNER_NOT_CONFIRMED): unchanged since sealed, by anyone.
 * 'invalid': anything else.
 */
export type VerifyVerdict = 'valid' | 'intact-unconfirmed-signer' | 'invalid';

/** UNCONFIRMED: the exhibit is as sealed, but the seal's key is not confirmed; never a pass. */
export type ExhibitStatus = 'PASS' | 'UNCONFIRMED' | 'FAIL';

export interface ExhibitVerdict {
  /** E0001, E0002 … */
  readonly number: string;
  readonly status: ExhibitStatus;
  /** One sentence for a person: why it passes, or the first reason it fails. */
  readonly summary: string;
  /** The payload file, e.g. "data/E0001_IMG_1234.JPG" (also when it was refused unread); null when it is missing. */
  readonly path: string | null;
  /** From metadata/exhibits.json, when present. */
  readonly originalName: string | null;
  readonly itemId: string | null;
  /** As the payload manifest lists it; null when not listed. */
  readonly sha256: string | null;
  readonly size: number | null;
  /** Custody events in its chain that were read (0 when the chain is missing). */
  readonly custodyEvents: number;
  /**
   * Of those, the events carried as withheld records (docs/formats.md, "Withheld records"):
   * signed and linked, but their contents (private text: notes, or a description marked private) stayed
   * in the sender's vault, so they were not checked.
   */
  readonly custodyWithheld: number;
  /**
   * Who did each act, as the custody records state it: the events grouped by the operator
   * part of their actor (null: the actor names only the tool), in the order first seen, with
   * how many of each type. The operators' own statements, signed by the vault key: not an
   * identity check. Withheld records are not counted (their actor is not in the bundle).
   */
  readonly custodyOperators: readonly OperatorActs[];
  /** Events past the operators (20) and types (20 per operator) listed. */
  readonly custodyOperatorsOmitted: number;
  /** The codes of the problems that make it fail (empty for PASS). */
  readonly problems: readonly VerifyProblemCode[];
  /** Earlier hops it carries (metadata/hops/<exhibit>/), 0 when it never came in a bundle. */
  readonly hops: number;
  /** Its path through vaults in plain words ("captured …; imported by … into vault …; sealed by …; received and checked by …"), null without hops. */
  readonly hopPath: string | null;
}

/**
 * What a clerk should know that is not wrong with the bundle: it changes no verdict. A
 * hard link (a file with more than one name, as `cp -al` and some backup tools make) is
 * read and checked like any file; the note says that its other name can change it later.
 */
export const VERIFY_NOTE_CODES = ['HARD_LINK', 'NO_CUSTODY_LOG', 'TIMESTAMP_TSA_NOT_CONFIRMED'] as const;
export type VerifyNoteCode = (typeof VERIFY_NOTE_CODES)[number];

export interface VerifyNote {
  readonly code: VerifyNoteCode;
  readonly message: string;
  readonly path?: string;
  readonly exhibit?: string;
}

/** A timestamp's time to the minute, as the reports say it: "2026-12-04 09:12 UTC". */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** A timestamp (seal/*.tsr) that holds over the seal signature. */
export interface VerifyTimestamp {
  /** seal/tagmanifest-sha256.txt.sig.tsr, ….2.tsr, … */
  readonly path: string;
  /** The TSA's time, ISO 8601 UTC: the seal existed no later than this. */
  readonly genTime: string;
  /** The TSA's name for itself (TSTInfo tsa), else its certificate's subject. */
  readonly tsa: string;
  /** True when its chain leads to a root of the trust list given; false when no list was given (the TSA is not confirmed). */
  readonly trusted: boolean;
}

export interface VerifyReport {
  /** The bundle as given. */
  readonly bundle: string;
  readonly container: BundleFormat;
  readonly verdict: VerifyVerdict;
  /** True only when there is no problem at all (verdict 'valid'): the seal's key is confirmed. */
  readonly valid: boolean;
  /** False when the bundle was refused or a limit stopped the check before every step ran. */
  readonly complete: boolean;
  readonly signer: VerifySigner;
  readonly exhibits: readonly ExhibitVerdict[];
  /** The problems found, in the order the checks ran: the first 50 of each code (see problemCounts). */
  readonly problems: readonly VerifyProblem[];
  /** How many problems of each code were found, all of them (only codes found appear). */
  readonly problemCounts: Readonly<Partial<Record<VerifyProblemCode, number>>>;
  /** The vault's custody log as the bundle's checkpoint states it (verified); null when the bundle carries none that verifies. */
  readonly custodyLog: { readonly origin: string; readonly size: number; readonly root: string } | null;
  /** With `since`: what was compared; else null. */
  readonly since: VerifySince | null;
  /** Notes that change no verdict (first 50; noteCount has them all). */
  readonly notes: readonly VerifyNote[];
  readonly noteCount: number;
  /** Payload-Oxum as found in the bundle's files: `<bytes>.<files>`. */
  readonly payloadOxum: string;
  readonly checkedFiles: number;
  readonly checkedBytes: number;
  /** Tamga-Bundle-Id, External-Identifier and Tamga-Sealed-At from bag-info.txt, when present. */
  readonly bundleId: string | null;
  readonly externalIdentifier: string | null;
  readonly sealedAt: string | null;
  /** The timestamps that hold (those that do not are problems); empty when the bundle has none. */
  readonly timestamps: readonly VerifyTimestamp[];
}

/** Limits that keep a hostile bundle from exhausting memory, disk or time. */
export interface VerifyLimits {
  /** Files and folders in the bundle (a zip's entries). */
  readonly maxEntries: number;
  /** All files' bytes together (a zip's declared uncompressed sizes). */
  readonly maxTotalBytes: number;
  /** One file's bytes. */
  readonly maxFileBytes: number;
  /** Tag files that are read whole to be parsed (manifests, custody logs, exhibits.json …). */
  readonly maxTagFileBytes: number;
  /** Uncompressed ÷ compressed size above which a deflated zip entry is refused as a zip bomb. */
  readonly maxCompressionRatio: number;
  /** Wall-clock time for the whole check in ms; 0 for none. */
  readonly timeLimitMs: number;
}

export interface VerifyRequest {
  /** A bundle folder or a bundle .zip. */
  readonly path: string;
  /** The fingerprint the signer published (64 hex digits); a valid seal by another key is UNTRUSTED_SIGNER. */
  readonly key?: string;
  /**
   * Keys the user confirmed earlier, by name: without `key`, a seal by one of them is
   * 'known-sender'; by any other key, SIGNER_NOT_CONFIRMED. (The engine adds the open
   * vault's own known senders to these.)
   */
  readonly knownSenders?: readonly Pick<KnownSender, 'name' | 'fingerprint'>[];
  readonly limits?: Partial<VerifyLimits>;
  /** An earlier bundle (folder or zip) or checkpoint file of the same vault: its log must be a prefix of this bundle's. */
  readonly since?: string;
  /** The root certificates of the timestamp servers the user trusts (PEM text): seal/*.tsr are checked to lead to one. */
  readonly tsaTrust?: string;
}

/** What --since found: the earlier checkpoint (null when none could be read) and whether this bundle's log extends it. */
export interface VerifySince {
  readonly path: string;
  readonly size: number | null;
  readonly root: string | null;
  readonly consistent: boolean;
}

export interface VerifyProgress {
  readonly phase: 'listing' | 'tag-files' | 'payload' | 'custody' | 'finished';
  readonly bytesDone: number;
  readonly bytesTotal: number;
  /** The file being hashed; null between files. */
  readonly currentPath: string | null;
}

/**
 * What an export would put in a bundle in plaintext, counted before a byte is written
 * (the export wizard's last step): the originals, unencrypted, and what travels with them.
 * Private fields never leave the vault; they are counted so the person sees they stay.
 */
export interface ExportPreview {
  /** The exhibits in exhibit order, as the export would number them. */
  readonly exhibits: readonly { readonly itemId: string; readonly name: string }[];
  /** Total size of the originals, bytes. */
  readonly bytes: number;
  /** Exhibits whose metadata holds a GPS position (written to exhibits.json, the CSV and both reports). */
  readonly withGps: number;
  readonly withTitle: number;
  /** Exhibits with a description that goes into the bundle (not private, not empty). */
  readonly withDescription: number;
  readonly withPlace: number;
  readonly withTags: number;
  /** Exhibits whose description is private and not empty: exported as "". */
  readonly privateDescriptions: number;
  /** Exhibits with notes: never exported. */
  readonly withNotes: number;
  /** Source paths of the acquisitions (the folders the files were copied from), all exported. */
  readonly acquisitions: number;
}
