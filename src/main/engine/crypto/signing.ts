/**
 * Ed25519 signing keys: made from a 32-byte seed, signed and verified with node:crypto
 * (≈30 µs a signature) where the runtime has Ed25519, with tweetnacl (≈5 ms) otherwise.
 * Both produce the same RFC 8032 signatures; a test checks that each accepts the other's.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import nacl from 'tweetnacl';
import { TamgaError } from '../../../shared/errors';

// DER prefixes of the PKCS#8 private key and SPKI public key for a raw Ed25519 key (RFC 8410).
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export const SEED_BYTES = 32;
export const PUBLIC_KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export interface Signer {
  readonly publicKey: Buffer;
  sign(message: Uint8Array): Buffer;
  /** Overwrites the seed held by this signer (best effort: KeyObjects cannot be wiped). */
  destroy(): void;
}

function nodeHasEd25519(): boolean {
  try {
    createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, Buffer.alloc(SEED_BYTES, 1)]), format: 'der', type: 'pkcs8' });
    return true;
  } catch {
    return false;
  }
}

const useNodeCrypto = nodeHasEd25519();

export function newSigningSeed(): Buffer {
  return randomBytes(SEED_BYTES);
}

export function signerFromSeed(seed: Buffer, options: { backend?: 'node' | 'tweetnacl' } = {}): Signer {
  if (seed.length !== SEED_BYTES) throw new TamgaError('CORRUPT', 'The signing key has the wrong length.');
  const held = Buffer.from(seed);
  const backend = options.backend ?? (useNodeCrypto ? 'node' : 'tweetnacl');
  if (backend === 'node') {
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, held]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return {
      publicKey: Buffer.from(spki.subarray(SPKI_PREFIX.length)),
      sign: (message) => sign(null, message, privateKey),
      destroy: () => held.fill(0),
    };
  }
  const pair = nacl.sign.keyPair.fromSeed(held);
  return {
    publicKey: Buffer.from(pair.publicKey),
    sign: (message) => Buffer.from(nacl.sign.detached(message, pair.secretKey)),
    destroy: () => {
      held.fill(0);
      pair.secretKey.fill(0);
    },
  };
}

function publicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

export function verifySignature(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
  options: { backend?: 'node' | 'tweetnacl' } = {},
): boolean {
  if (signature.length !== SIGNATURE_BYTES || publicKey.length !== PUBLIC_KEY_BYTES) return false;
  const backend = options.backend ?? (useNodeCrypto ? 'node' : 'tweetnacl');
  if (backend === 'node') return verify(null, message, publicKeyObject(publicKey), signature);
  return nacl.sign.detached.verify(message, signature, publicKey);
}

/** What owners publish and auditors pin: SHA-256 of the raw 32-byte public key, hex. */
export function keyFingerprint(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('hex');
}

/** The public key as PEM (SPKI), the form `openssl pkeyutl -verify -pubin` reads. */
export function publicKeyPem(publicKey: Uint8Array): string {
  return publicKeyObject(publicKey).export({ format: 'pem', type: 'spki' }).toString();
}
