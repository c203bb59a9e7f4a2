/**
 * What Tamga found in evidence that arrives in another tool's package: a plain BagIt bag
 * (bagit-python, Archivematica), a ProofMode share zip, a file carrying a C2PA manifest.
 * Plain data: each check says what it found, and "not checked" is said as such. Formats:
 * docs/formats.md, "Intake from other tools".
 */

/** One finding about a package, with the file it concerns. */
export interface IntakeProblem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

/** A label and value of bag-info.txt, in file order: the sender's statements, never checked. */
export interface BagInfoField {
  readonly label: string;
  readonly value: string;
}

/** One payload file of a bag: its digests as computed, and whether every manifest that lists it agrees. */
export interface BagPayloadFile {
  /** Relative to the bag's root, "data/…". */
  readonly path: string;
  readonly size: number;
  /** Algorithm → lower-case hex, as computed from the file (every algorithm some manifest uses, and sha256). */
  readonly digests: Readonly<Record<string, string>>;
  /** 'ok': every payload manifest lists it with its digest; 'mismatch': one lists another digest; 'unlisted': none lists it. */
  readonly status: 'ok' | 'mismatch' | 'unlisted';
}

export interface BagCheck {
  readonly kind: 'bagit';
  /** BagIt-Version of bagit.txt ("0.97", "1.0"), or null when unreadable. */
  readonly version: string | null;
  /** The payload manifests' algorithms ("md5", "sha256" …), and the tag manifests'. */
  readonly manifestAlgorithms: readonly string[];
  readonly tagManifestAlgorithms: readonly string[];
  readonly payload: readonly BagPayloadFile[];
  readonly bagInfo: readonly BagInfoField[];
  /** True when bagit.txt, every manifest line, every payload file and every tag manifest line checked out. */
  readonly complete: boolean;
  readonly problems: readonly IntakeProblem[];
}

/** The result of one detached OpenPGP signature of a ProofMode share. */
export interface ProofSignature {
  /** The file signed, and its signature file ("IMG_1.jpg", "IMG_1.jpg.asc"). */
  readonly path: string;
  readonly signaturePath: string;
  /**
   * 'valid': made by the key in pubkey.asc over these exact bytes; 'invalid': it is not
   * (changed since signed, or another key); 'unreadable': the signature or the key cannot be read.
   */
  readonly status: 'valid' | 'invalid' | 'unreadable';
  /** The OpenPGP fingerprint of the key that made it (from pubkey.asc), lower-case hex; null when unknown. */
  readonly keyFingerprint: string | null;
  /** When the signature says it was made (ISO 8601 UTC), the signer's clock; null when unknown. */
  readonly signedAt: string | null;
  readonly message: string;
}

export interface ProofModeCheck {
  readonly kind: 'proofmode';
  /** The media files of the share (all but the proof files). */
  readonly media: readonly { readonly path: string; readonly size: number; readonly sha256: string }[];
  /** The proof files kept with the media (.proof.json, .proof.csv, .asc, pubkey.asc, others ProofMode writes). */
  readonly proofFiles: readonly string[];
  readonly signatures: readonly ProofSignature[];
  /** The key in pubkey.asc: its fingerprint and user ids, as the key states them (nobody checked who holds it). */
  readonly key: { readonly fingerprint: string; readonly userIds: readonly string[] } | null;
  /** Per media file: whether its .proof.json names its SHA-256 ('match'), another ('mismatch'), or none ('absent'). */
  readonly proofHashes: readonly { readonly path: string; readonly status: 'match' | 'mismatch' | 'absent' }[];
  readonly problems: readonly IntakeProblem[];
}

/** What a file's C2PA manifest store shows, read without a C2PA library (none runs here): present, not verified. */
export interface C2paCheck {
  readonly kind: 'c2pa';
  /** Where the manifest store was found: JPEG APP11, PNG caBX, ISOBMFF uuid box; null when none. */
  readonly container: 'jpeg-app11' | 'png-cabx' | 'bmff-uuid' | null;
  readonly present: boolean;
  /** Always 'not-verified': the signature and the hash bindings were not checked. */
  readonly verification: 'not-verified';
  /** The active manifest's label ("urn:uuid:…"), its claim generator, and the signer's certificate subject (CN, O) as the manifest states them. */
  readonly manifest: string | null;
  readonly claimGenerator: string | null;
  readonly signer: string | null;
  readonly problems: readonly IntakeProblem[];
}
