/**
 * The seal: seal/tagmanifest-sha256.txt.sig must be a raw 64-byte Ed25519 signature
 * (RFC 8032, pure) over the exact bytes of tagmanifest-sha256.txt by the key in
 * seal/signer.pem (one "PUBLIC KEY" PEM block, SPKI, Ed25519). The signer is named by its
 * fingerprint, SHA-256 of the raw 32-byte key; when the user pinned a fingerprint, a valid
 * seal by any other key is UNTRUSTED_SIGNER. A seal proves who sealed only as far as the
 * fingerprint is compared with one its owner published, so without a pinned key a valid
 * seal is accepted only by a known sender's key (someone compared it earlier and named
 * it); by any other key it is SIGNER_NOT_CONFIRMED: intact, but anyone could have sealed
 * it (a forger re-signs every chain and the seal with a key of their own).
 */
import { createPublicKey } from 'node:crypto';
import type { SignerTrust, VerifyProblem } from '../../../../shared/bundle';
import type { KnownSender } from '../../../../shared/senders';
import { TamgaError } from '../../../../shared/errors';
import { keyFingerprint, SIGNATURE_BYTES, verifySignature } from '../../crypto/signing';
import { SEAL_PUBLIC_KEY, SEAL_SIGNATURE, TAGMANIFEST_SHA256 } from '../layout';
import { problem } from './problems';

export interface SealInput {
  readonly tagManifest: Uint8Array | null;
  readonly signature: Uint8Array | null;
  readonly pem: Uint8Array | null;
  readonly pinned: string | null;
  readonly knownSenders: readonly Pick<KnownSender, 'name' | 'fingerprint'>[];
}

export interface SealOutcome {
  /** The raw key from signer.pem, when it is a readable Ed25519 key (custody signatures are checked with it). */
  readonly publicKey: Uint8Array | null;
  readonly fingerprint: string | null;
  readonly trust: SignerTrust;
  /** The known sender whose key sealed it, when it is one. */
  readonly name: string | null;
}

const PEM = /^-----BEGIN PUBLIC KEY-----\r?\n[A-Za-z0-9+/=\r\n]{1,200}-----END PUBLIC KEY-----\r?\n?$/;

/** "7d01 A3…", "7d:01:…" → 64 lower-case hex digits; INVALID_ARGUMENT for anything else. */
export function normaliseFingerprint(input: string): string {
  const hex = input.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new TamgaError('INVALID_ARGUMENT', 'A key fingerprint is 64 hexadecimal digits (SHA-256 of the public key), as `tamga info` prints it.');
  }
  return hex;
}

/** The raw 32-byte Ed25519 key of a PEM, or null when it is anything else. */
export function rawEd25519Key(pem: Uint8Array): Uint8Array | null {
  const text = Buffer.from(pem).toString('latin1');
  if (!PEM.test(text)) return null;
  try {
    const key = createPublicKey({ key: text, format: 'pem' });
    if (key.asymmetricKeyType !== 'ed25519') return null;
    const x = key.export({ format: 'jwk' }).x;
    const raw = typeof x === 'string' ? Buffer.from(x, 'base64url') : null;
    return raw !== null && raw.length === 32 ? raw : null;
  } catch {
    return null;
  }
}

export function checkSeal(input: SealInput, problems: VerifyProblem[]): SealOutcome {
  const missing = (path: string, what: string): void => {
    problems.push(problem('SEAL_MISSING', `The seal's ${what} (${path}) is missing: nothing shows who sealed the bundle, or that it is unchanged since.`, { path }));
  };
  if (input.pem === null) missing(SEAL_PUBLIC_KEY, 'public key');
  if (input.signature === null) missing(SEAL_SIGNATURE, 'signature');
  if (input.pem === null) return { publicKey: null, fingerprint: null, trust: 'unknown', name: null };

  const publicKey = rawEd25519Key(input.pem);
  if (publicKey === null) {
    problems.push(problem('SEAL_KEY_INVALID', `${SEAL_PUBLIC_KEY} is not one Ed25519 public key in PEM form: the seal cannot be checked.`, { path: SEAL_PUBLIC_KEY }));
    return { publicKey: null, fingerprint: null, trust: 'unknown', name: null };
  }
  const fingerprint = keyFingerprint(publicKey);
  if (input.signature === null || input.tagManifest === null) return { publicKey, fingerprint, trust: 'unknown', name: null };

  if (input.signature.length !== SIGNATURE_BYTES || !verifySignature(input.tagManifest, input.signature, publicKey)) {
    const why = input.signature.length !== SIGNATURE_BYTES ? `it is ${input.signature.length} bytes, not a ${SIGNATURE_BYTES}-byte Ed25519 signature` : `it is not a signature of ${TAGMANIFEST_SHA256} by the key in ${SEAL_PUBLIC_KEY}`;
    problems.push(problem('SEAL_INVALID', `The seal does not hold: ${why}. The bundle was changed after it was sealed, or the seal is forged.`, { path: SEAL_SIGNATURE }));
    return { publicKey, fingerprint, trust: 'unknown', name: null };
  }
  const name = input.knownSenders.find((s) => s.fingerprint === fingerprint)?.name ?? null;
  if (input.pinned === fingerprint) return { publicKey, fingerprint, trust: 'trusted', name };
  if (input.pinned !== null) {
    const whose = name === null ? '' : ` (known sender "${name}")`;
    problems.push(
      problem('UNTRUSTED_SIGNER', `The seal is valid, but it was made by the key ${fingerprint}${whose}, not by the key you expected (${input.pinned}): whoever holds that key sealed this bundle.`, { path: SEAL_PUBLIC_KEY }),
    );
    return { publicKey, fingerprint, trust: 'untrusted', name };
  }
  if (name !== null) return { publicKey, fingerprint, trust: 'known-sender', name };
  problems.push(
    problem(
      'SIGNER_NOT_CONFIRMED',
      `The seal is valid, but nothing confirms whose key made it (${fingerprint}): it is neither a key you gave nor a known sender's, and anyone can seal a bundle with a key of their own. Compare the fingerprint with the one the sender published.`,
      { path: SEAL_PUBLIC_KEY },
    ),
  );
  return { publicKey, fingerprint, trust: 'unconfirmed', name: null };
}
