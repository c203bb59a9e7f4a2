/**
 * Known senders: the fingerprints of keys whose owners a person has confirmed (compared
 * with what the sender published, face to face or over a channel they trust), each under
 * a name. A bundle sealed by a known sender's key verifies as "sealed by <name>"; a seal by
 * any other key is intact at best, never a pass (docs/formats.md, "Verifying a bundle").
 *
 * They are kept in the vault's encrypted index (each change a custody event on the vault's
 * chain) or in a plain known_senders file for auditors without a vault (docs/formats.md,
 * "Known senders file"). Plain data and pure checks only: the window validates with these.
 */

export interface KnownSender {
  /** Who the key belongs to, in the user's words ("Observers' vault"): NFC, trimmed, one line. */
  readonly name: string;
  /** SHA-256 of the sender's raw Ed25519 public key: 64 lower-case hex digits. */
  readonly fingerprint: string;
  /** ISO 8601 UTC when it was added to a vault; null for senders read from a file. */
  readonly addedAt: string | null;
}

export interface AddSenderRequest {
  readonly name: string;
  /** 64 hex digits; spaces and colons between them are allowed ("7d01 a3…"). */
  readonly fingerprint: string;
}

/** The longest name a sender may have, in characters. */
export const MAX_SENDER_NAME_LENGTH = 200;

/** "7d01 A3…", "7d:01:…" → 64 lower-case hex digits; null for anything else. */
export function parseFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

/**
 * The name as stored (NFC, trimmed), or why it cannot be one: empty, too long, a control
 * or bidi character (it is printed in verdicts, so it must not be able to forge a line), or
 * a name that could be read as a fingerprint (`keys remove` takes either).
 */
export type SenderNameProblem = 'empty' | 'tooLong' | 'control' | 'fingerprint';

const NAME_PROBLEMS: Record<SenderNameProblem, string> = {
  empty: 'A sender needs a name.',
  tooLong: `A sender's name is at most ${MAX_SENDER_NAME_LENGTH} characters.`,
  control: 'A sender\'s name cannot hold control or text-direction characters.',
  fingerprint: 'A sender\'s name cannot look like a fingerprint.',
};

/** C0 and C1 controls, and the bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

export function checkSenderName(input: string): { readonly name: string } | { readonly reason: SenderNameProblem; readonly problem: string } {
  const name = input.normalize('NFC').trim();
  const fail = (reason: SenderNameProblem) => ({ reason, problem: NAME_PROBLEMS[reason] });
  if (name === '') return fail('empty');
  if ([...name].length > MAX_SENDER_NAME_LENGTH) return fail('tooLong');
  if (UNPRINTABLE.test(name)) return fail('control');
  if (parseFingerprint(name) !== null) return fail('fingerprint');
  return { name };
}

/** Names are unique within a store ignoring case, so that `remove NAME` means one sender. */
export function sameSenderName(a: string, b: string): boolean {
  return a.normalize('NFC').toLowerCase() === b.normalize('NFC').toLowerCase();
}

/** The known sender whose key this is, or null. */
export function findSender(senders: readonly KnownSender[], fingerprint: string): KnownSender | null {
  return senders.find((s) => s.fingerprint === fingerprint) ?? null;
}
