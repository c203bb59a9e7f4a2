/**
 * Receiving a sealed bundle into a vault (tamga receive; the window's "Receive a
 * bundle…"): each exhibit becomes an item, or a new acquisition of the item already held,
 * with a `received` event and the sender's material kept as provenance (src/shared/provenance.ts).
 */
import type { VerifyProblem, VerifyVerdict } from './bundle';

export interface ReceiveRequest {
  /** A bundle folder or .zip. */
  readonly path: string;
  /** The fingerprint the sender published; without it the vault's known senders confirm the key. */
  readonly key?: string;
  /** Receive a bundle that does not pass its check: its problems are recorded with each item. */
  readonly acceptProblems?: boolean;
}

export interface ReceivedExhibit {
  /** The exhibit's number in the sender's bundle. */
  readonly exhibit: string;
  readonly itemId: string;
  readonly sha256: string;
  /** False: the vault held this content already; this is a new acquisition of it. */
  readonly isNew: boolean;
  /** The provenance record that keeps the sender's material. */
  readonly provenanceId: string;
  readonly warnings: readonly string[];
}

export interface ReceiveResult {
  readonly bundle: string;
  readonly bundleId: string | null;
  readonly verdict: VerifyVerdict;
  readonly senderFingerprint: string | null;
  readonly senderName: string | null;
  /** The problems accepted (empty for a bundle that passed). */
  readonly acceptedProblems: readonly VerifyProblem[];
  readonly received: readonly ReceivedExhibit[];
  /** Exhibits that could not be received (no payload, a changed file …), each with why. */
  readonly notReceived: readonly { readonly exhibit: string; readonly message: string }[];
}
