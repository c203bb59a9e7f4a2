/**
 * Delivery receipt format v1: what a bundle's recipient signs, and how it is checked.
 *
 * This comment is the specification; docs/formats.md ("Delivery receipts") repeats it.
 *
 * RECEIPT. A JSON object with exactly these members:
 *   v                  the number 1.
 *   kind               the string "tamga-receipt".
 *   bundleId           the bundle's Tamga-Bundle-Id (a lower-case UUID).
 *   tagManifestSha256  SHA-256 of the bundle's tagmanifest-sha256.txt bytes, 64 lower-case hex.
 *   sealFingerprint    SHA-256 of the raw key in the bundle's seal/signer.pem (64 hex), or null.
 *   verdict            "valid", "intact-unconfirmed-signer" or "invalid": the recipient's check.
 *   problems           the codes of the problems that check found, each once, sorted (strings).
 *   receivedAt         when the recipient's vault received the bundle (its first `received` event for
 *                      this bundle id and tag manifest), else when it signed; ISO 8601 UTC, milliseconds.
 *   recipient          {"vaultId": lower-case UUID, "fingerprint": 64 hex, "operator": string or null}:
 *                      the recipient vault, its key's fingerprint, and the operator part of
 *                      its actor (docs/formats.md, "Custody events": the operator's own statement).
 *
 * HASH. SHA-256 of the RFC 8785 (JCS) form of the receipt object, UTF-8: the receipt hash.
 *
 * SIGNATURE. Ed25519 (RFC 8032, pure) by the recipient vault's signing key over the 17
 * ASCII bytes "tamga receipt v1" and a line feed, followed by the 32 raw bytes of the
 * receipt hash. The prefix keeps a receipt signature from ever verifying as a custody
 * event ("tamga custody event v1\n"…), a seal (tag manifest bytes, which start with a hex
 * digit) or a checkpoint ("tamga.vault/"…), although one vault key makes all four.
 *
 * FILE. The JCS form of {"publicKey": the raw 32-byte key as 64 hex, "receipt": {…},
 * "signature": 128 hex} and one line feed, UTF-8.
 *
 * CHECKING a receipt (receiptCheck below): strict JSON (no member twice), exactly these
 * members and types; SHA-256(publicKey) equals recipient.fingerprint (else
 * RECEIPT_KEY_MISMATCH); the signature verifies (else RECEIPT_SIGNATURE_INVALID). Whose
 * key it is, and whether the bundle is one this vault sent, are judged by import-receipt.ts.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { VerifyVerdict } from '../../../shared/bundle';
import { TamgaError } from '../../../shared/errors';
import type { Receipt, ReceiptProblemCode, SignedReceipt } from '../../../shared/receipt';
import { keyFingerprint, verifySignature, type Signer } from '../crypto/signing';
import { HEX64, HEX128, isEventTime } from '../custody/event';
import { parseStrictJson } from '../bundle/verify/strict-json';

export const RECEIPT_CONTEXT = 'tamga receipt v1\n';
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERDICTS: readonly VerifyVerdict[] = ['valid', 'intact-unconfirmed-signer', 'invalid'];
const RECEIPT_FIELDS = ['bundleId', 'kind', 'problems', 'receivedAt', 'recipient', 'sealFingerprint', 'tagManifestSha256', 'v', 'verdict'];
const RECIPIENT_FIELDS = ['fingerprint', 'operator', 'vaultId'];
const FILE_FIELDS = ['publicKey', 'receipt', 'signature'];
/** A receipt is a few hundred bytes; anything far larger is not one. */
export const MAX_RECEIPT_BYTES = 64 * 1024;

function jcs(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TamgaError('INTERNAL', 'A receipt has no canonical form.');
  return text;
}

/** SHA-256 of the receipt's JCS form, hex: what the signature covers. */
export function receiptHash(receipt: Receipt): string {
  return createHash('sha256').update(jcs(receipt), 'utf8').digest('hex');
}

function signedMessage(hash: string): Buffer {
  return Buffer.concat([Buffer.from(RECEIPT_CONTEXT, 'ascii'), Buffer.from(hash, 'hex')]);
}

/** The receipt file's text: JCS of {publicKey, receipt, signature}, then a line feed. */
export function signReceipt(receipt: Receipt, signer: Signer): string {
  if (keyFingerprint(signer.publicKey) !== receipt.recipient.fingerprint) throw new TamgaError('INTERNAL', "A receipt names another key than the one signing it.");
  const signature = signer.sign(signedMessage(receiptHash(receipt)));
  const file: SignedReceipt = { receipt, publicKey: signer.publicKey.toString('hex'), signature: signature.toString('hex') };
  return `${jcs(file)}\n`;
}

export type ReceiptCheck =
  | { readonly ok: true; readonly signed: SignedReceipt; readonly hash: string }
  | { readonly ok: false; readonly problem: ReceiptProblemCode; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function exactMembers(value: Record<string, unknown>, fields: readonly string[]): string | null {
  const keys = Object.keys(value).sort();
  const missing = fields.filter((f) => !keys.includes(f));
  if (missing.length > 0) return `it has no ${missing.join(', ')}`;
  const extra = keys.filter((k) => !fields.includes(k));
  return extra.length > 0 ? `it has members a v1 receipt does not have: ${extra.join(', ')}` : null;
}

/** What is wrong with the shape of a parsed receipt file, in words; null when nothing is. */
function shapeProblem(file: unknown): string | null {
  if (!isObject(file)) return 'it is not a JSON object';
  const top = exactMembers(file, FILE_FIELDS);
  if (top !== null) return top;
  if (typeof file.publicKey !== 'string' || !HEX64.test(file.publicKey)) return 'its publicKey is not 64 lower-case hex digits';
  if (typeof file.signature !== 'string' || !HEX128.test(file.signature)) return 'its signature is not 128 lower-case hex digits';
  const r = file.receipt;
  if (!isObject(r)) return 'its receipt is not a JSON object';
  const inner = exactMembers(r, RECEIPT_FIELDS);
  if (inner !== null) return `the receipt: ${inner}`;
  if (r.v !== 1) return `its version is ${JSON.stringify(r.v)}, and this Tamga reads version 1`;
  if (r.kind !== 'tamga-receipt') return 'its kind is not "tamga-receipt"';
  if (typeof r.bundleId !== 'string' || !UUID.test(r.bundleId)) return 'its bundleId is not a lower-case UUID';
  if (typeof r.tagManifestSha256 !== 'string' || !HEX64.test(r.tagManifestSha256)) return 'its tagManifestSha256 is not 64 lower-case hex digits';
  if (r.sealFingerprint !== null && (typeof r.sealFingerprint !== 'string' || !HEX64.test(r.sealFingerprint))) return 'its sealFingerprint is neither null nor 64 lower-case hex digits';
  if (!VERDICTS.includes(r.verdict as VerifyVerdict)) return `its verdict is not one of ${VERDICTS.join(', ')}`;
  if (!Array.isArray(r.problems) || !r.problems.every((p) => typeof p === 'string')) return 'its problems is not a list of strings';
  if (!isEventTime(r.receivedAt)) return 'its receivedAt is not ISO 8601 UTC with milliseconds';
  const who = r.recipient;
  if (!isObject(who)) return 'its recipient is not a JSON object';
  const members = exactMembers(who, RECIPIENT_FIELDS);
  if (members !== null) return `its recipient: ${members}`;
  if (typeof who.vaultId !== 'string' || !UUID.test(who.vaultId)) return "its recipient's vaultId is not a lower-case UUID";
  if (typeof who.fingerprint !== 'string' || !HEX64.test(who.fingerprint)) return "its recipient's fingerprint is not 64 lower-case hex digits";
  if (who.operator !== null && (typeof who.operator !== 'string' || who.operator === '' || who.operator.length > 1000 || UNPRINTABLE.test(who.operator))) {
    return "its recipient's operator is neither null nor a non-empty line of text (at most 1000 characters, no control or bidi characters)";
  }
  return null;
}

/** Reads and checks a receipt file's bytes: its shape, that its key is the one it names, and its signature. */
export function receiptCheck(bytes: Uint8Array): ReceiptCheck {
  const fail = (problem: ReceiptProblemCode, message: string): ReceiptCheck => ({ ok: false, problem, message });
  if (bytes.length > MAX_RECEIPT_BYTES) return fail('RECEIPT_MALFORMED', `The file is ${bytes.length} bytes: a receipt is a small JSON file, not this.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('RECEIPT_MALFORMED', 'The file is not UTF-8 text: it is not a Tamga receipt.');
  }
  const parsed = parseStrictJson(text);
  if (!parsed.ok) return fail('RECEIPT_MALFORMED', parsed.reason === 'syntax' ? 'The file is not JSON: it is not a Tamga receipt.' : `The file names the member "${parsed.duplicate.key}" twice, so it can say two things at once: refused.`);
  const shape = shapeProblem(parsed.value);
  if (shape !== null) return fail('RECEIPT_MALFORMED', `The file is not a Tamga receipt: ${shape}.`);
  const signed = parsed.value as SignedReceipt;
  const publicKey = Buffer.from(signed.publicKey, 'hex');
  const fingerprint = keyFingerprint(publicKey);
  if (fingerprint !== signed.receipt.recipient.fingerprint) {
    return fail('RECEIPT_KEY_MISMATCH', `The receipt names the recipient key ${signed.receipt.recipient.fingerprint}, but carries the key ${fingerprint}: the file was altered or forged. Nothing was recorded.`);
  }
  const hash = receiptHash(signed.receipt);
  if (!verifySignature(signedMessage(hash), Buffer.from(signed.signature, 'hex'), publicKey)) {
    return fail('RECEIPT_SIGNATURE_INVALID', `The receipt's signature does not verify with the key ${fingerprint}: a field was changed after it was signed, or it is forged. Nothing was recorded.`);
  }
  return { ok: true, signed, hash };
}
