/**
 * Delivery receipts as shared data: what a recipient signs to say which bundle reached
 * them, and what the sender's vault makes of a receipt it is given. Plain types only; the
 * format is specified in src/main/engine/receipt/receipt-format.ts and docs/formats.md.
 */
import type { VerifyVerdict } from './bundle';

/** The signed statement: one bundle, as the recipient's vault checked it. */
export interface Receipt {
  readonly v: 1;
  /** Always "tamga-receipt": a receipt is never read as another kind of signed JSON. */
  readonly kind: 'tamga-receipt';
  /** Tamga-Bundle-Id of the bundle received (bag-info.txt). */
  readonly bundleId: string;
  /** SHA-256 of the bundle's tagmanifest-sha256.txt, lower-case hex: ties the receipt to the exact bundle. */
  readonly tagManifestSha256: string;
  /** Fingerprint of the key in the bundle's seal/signer.pem, when it holds one readable key; else null. */
  readonly sealFingerprint: string | null;
  /** What the recipient's Tamga found when it checked the bundle. */
  readonly verdict: VerifyVerdict;
  /** The codes of the problems it found (each once, sorted); empty for 'valid'. */
  readonly problems: readonly string[];
  /** When the recipient's vault received the bundle (`tamga receive`), else when it signed the receipt; ISO 8601 UTC with milliseconds. */
  readonly receivedAt: string;
  readonly recipient: {
    readonly vaultId: string;
    /** SHA-256 of the recipient vault's public key: the key that signs this receipt. */
    readonly fingerprint: string;
    /** The operator part of the recipient vault's actor ("Name (role, organisation)"); null when it records none. */
    readonly operator: string | null;
  };
}

/** A receipt file: the statement, the signer's raw public key and the signature (hex). */
export interface SignedReceipt {
  readonly receipt: Receipt;
  readonly publicKey: string;
  readonly signature: string;
}

/** Why a receipt was refused (nothing recorded). */
export const RECEIPT_PROBLEM_CODES = [
  /** Not a receipt file: not JSON, a member missing or extra, a value of the wrong type. */
  'RECEIPT_MALFORMED',
  /** The public key in the file is not the one recipient.fingerprint names: the file was altered. */
  'RECEIPT_KEY_MISMATCH',
  /** The signature does not verify over the receipt: a field was altered, or it was forged. */
  'RECEIPT_SIGNATURE_INVALID',
  /** Signed by another key than the one given with --expect. */
  'RECEIPT_UNEXPECTED_KEY',
  /** Signed by a key that is neither the one expected nor a known sender's, and not accepted as such. */
  'RECEIPT_KEY_NOT_CONFIRMED',
  /** This vault never exported a bundle with that id. */
  'RECEIPT_UNKNOWN_BUNDLE',
  /** This vault exported a bundle with that id, but its tag manifest had another hash. */
  'RECEIPT_TAG_MANIFEST_MISMATCH',
] as const;
export type ReceiptProblemCode = (typeof RECEIPT_PROBLEM_CODES)[number];

/** How far the recipient's key is confirmed: by --expect, by a known sender, or accepted unconfirmed. */
export type ReceiptTrust = 'expected' | 'known-sender' | 'unconfirmed';

export interface ReceiptImportRequest {
  readonly path: string;
  /** The fingerprint the recipient published; a receipt by any other key is refused. */
  readonly expect?: string;
  /** Record a receipt by a key neither expected nor a known sender's (the event says 'unconfirmed'). */
  readonly acceptUnconfirmed?: boolean;
}

export type ReceiptImportResult =
  | {
      readonly ok: true;
      /** False when this very receipt was recorded before (nothing recorded again). */
      readonly recorded: boolean;
      readonly receipt: Receipt;
      /** SHA-256 of the receipt's canonical form (what the signature covers), hex. */
      readonly receiptSha256: string;
      readonly trust: ReceiptTrust;
      /** The known sender whose key signed it, when it is one. */
      readonly recipientName: string | null;
      /** The items that gained a 'delivered' event (the bundle's exhibits). */
      readonly items: readonly string[];
    }
  | { readonly ok: false; readonly problem: ReceiptProblemCode; readonly message: string };
