/**
 * The seal: an Ed25519 signature (RFC 8032, pure: the message itself, no prehash, no
 * context prefix) over the exact bytes of tagmanifest-sha256.txt, written raw (64 bytes) to
 * seal/tagmanifest-sha256.txt.sig, and the public key as PEM (SPKI) in seal/signer.pem.
 * That is what `openssl pkeyutl -verify -pubin -rawin` checks. Custody signatures carry a
 * context prefix, so neither kind can ever pass for the other.
 */
import { TamgaError } from '../../../../shared/errors';
import { publicKeyPem, SIGNATURE_BYTES, verifySignature, type Signer } from '../../crypto/signing';

export interface Seal {
  readonly signature: Buffer;
  readonly publicKeyPem: string;
}

export function sealTagManifest(signer: Signer, tagManifest: Buffer): Seal {
  const signature = signer.sign(tagManifest);
  // A seal that does not verify would make the whole bundle worthless: check before writing it.
  if (signature.length !== SIGNATURE_BYTES || !verifySignature(tagManifest, signature, signer.publicKey)) {
    throw new TamgaError('INTERNAL', 'The seal did not verify against the vault key right after signing.');
  }
  return { signature, publicKeyPem: publicKeyPem(signer.publicKey) };
}
