/**
 * The custody signing context: Ed25519 over "tamga custody event v1\n" ‖ the 32 raw bytes
 * of the event hash, written as lower-case hex. The prefix keeps custody signatures and
 * bundle seals (over tag-manifest bytes, which start with a hex digest) apart for good.
 */
import type { Signer } from '../crypto/signing';
import { verifySignature } from '../crypto/signing';
import { HEX128, HEX64 } from './event';

export const CUSTODY_SIGNATURE_CONTEXT = 'tamga custody event v1\n';
const CONTEXT_BYTES = Buffer.from(CUSTODY_SIGNATURE_CONTEXT, 'ascii');

/** The 55 bytes that are signed for an event with this hash (64 lower-case hex digits). */
export function custodySignedMessage(hash: string): Buffer {
  if (!HEX64.test(hash)) throw new TypeError('A custody event hash is 64 lower-case hex digits.');
  return Buffer.concat([CONTEXT_BYTES, Buffer.from(hash, 'hex')]);
}

/** The signature over an event hash, lower-case hex (128 digits). */
export function signEventHash(signer: Signer, hash: string): string {
  return signer.sign(custodySignedMessage(hash)).toString('hex');
}

/** False for any malformed input rather than throwing: a verifier reports, it does not stop. */
export function verifyEventSignature(hash: string, signature: string, publicKey: Uint8Array): boolean {
  if (!HEX64.test(hash) || !HEX128.test(signature)) return false;
  try {
    return verifySignature(custodySignedMessage(hash), Buffer.from(signature, 'hex'), publicKey);
  } catch {
    return false; // a public key that is no Ed25519 point verifies nothing
  }
}
