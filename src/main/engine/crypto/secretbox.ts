/**
 * Small-secret wrapping with tweetnacl's secretbox (XSalsa20-Poly1305), used only for keys
 * (32–64 bytes): the master key under the passphrase, the signing key under its subkey.
 * tweetnacl is pure JavaScript, so this works identically in Node and in Electron
 * (whose BoringSSL lacks AES key wrap and ChaCha20-Poly1305).
 */
import nacl from 'tweetnacl';
import { TamgaError } from '../../../shared/errors';

export interface WrappedKey {
  readonly alg: 'xsalsa20-poly1305';
  /** 24 bytes, base64. */
  readonly nonce: string;
  /** secretbox output (16-byte tag ‖ ciphertext), base64. */
  readonly box: string;
}

export function wrapKey(secret: Uint8Array, wrappingKey: Uint8Array): WrappedKey {
  const nonce = nacl.randomBytes(nacl.secretbox.nonceLength);
  const box = nacl.secretbox(secret, nonce, wrappingKey);
  return { alg: 'xsalsa20-poly1305', nonce: Buffer.from(nonce).toString('base64'), box: Buffer.from(box).toString('base64') };
}

/** Returns null when the key does not open the box (wrong passphrase or edited vault.json). */
export function unwrapKey(wrapped: WrappedKey, wrappingKey: Uint8Array): Buffer | null {
  if (wrapped.alg !== 'xsalsa20-poly1305') {
    throw new TamgaError('UNSUPPORTED_VERSION', `Unknown key wrapping algorithm "${String(wrapped.alg)}".`);
  }
  const nonce = Buffer.from(wrapped.nonce, 'base64');
  const box = Buffer.from(wrapped.box, 'base64');
  if (nonce.length !== nacl.secretbox.nonceLength || box.length < nacl.secretbox.overheadLength) {
    throw new TamgaError('CORRUPT', 'A wrapped key in vault.json has the wrong length.');
  }
  const opened = nacl.secretbox.open(box, nonce, wrappingKey);
  return opened === null ? null : Buffer.from(opened);
}
