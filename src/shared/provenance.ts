/**
 * Provenance as shared data: what a sender handed over with an item, kept as it came
 * (docs/formats.md, "Provenance"). Plain types only: the window renders these.
 */

/** What the material came in. Readers accept others (a newer Tamga's). */
export const PROVENANCE_SOURCES = ['tamga-bundle', 'bagit', 'proofmode'] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];

/**
 * What a kept file is. `custody-chain`: the sender's custody chain file of the exhibit;
 * `tag-manifest`, `bag-info`, `seal` (the 64-byte signature), `signer` (seal/signer.pem):
 * the seal material that vouches for it; `checkpoint`, `custody-proofs`: the sender's log
 * files; `timestamp` (*.tsr), `tsa-chain`; `exhibit-record`: the sender's exhibits.json
 * entry, as JSON; `earlier-hop`: a file of a hop before the sender's (`hops/<n>/…`);
 * `proof`: a proof file of another tool (ProofMode); `other`.
 */
export const PROVENANCE_ROLES = ['custody-chain', 'tag-manifest', 'bag-info', 'seal', 'signer', 'checkpoint', 'custody-proofs', 'timestamp', 'tsa-chain', 'exhibit-record', 'earlier-hop', 'proof', 'other'] as const;
export type ProvenanceRole = (typeof PROVENANCE_ROLES)[number];

/** A problem the check found and the user accepted when receiving. */
export interface AcceptedProblem {
  readonly code: string;
  readonly message: string;
}

/**
 * The sender's statements about the item, as the sender wrote them: never this vault's
 * own fields. Every member is optional; `metadata` holds anything else the source stated
 * (bag-info labels, the sender's capture/GPS/device record, …).
 */
export interface SenderStatements {
  readonly title?: string;
  readonly description?: string;
  readonly place?: string;
  readonly tags?: readonly string[];
  readonly originalName?: string;
  readonly case?: string | null;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface ProvenanceFileInfo {
  readonly name: string;
  readonly role: string;
  readonly sha256: string;
  readonly size: number;
}

export interface ProvenanceRecord {
  readonly id: string;
  readonly itemId: string;
  readonly source: string;
  readonly receivedAt: string;
  /** The seq of the item-chain event that records the receipt, null when none. */
  readonly eventSeq: number | null;
  readonly bundleId: string | null;
  readonly exhibit: string | null;
  readonly senderFingerprint: string | null;
  readonly senderName: string | null;
  readonly tagManifestSha256: string | null;
  readonly verdict: string;
  readonly problems: readonly AcceptedProblem[];
  readonly statements: SenderStatements;
  readonly files: readonly ProvenanceFileInfo[];
}
