/**
 * The master key and its wrapping under the passphrase.
 *
 * wrap key = HMAC-SHA256(KEK, JCS({purpose, formatVersion, vaultId, kdf})), so the clear
 * parameters in vault.json are bound to the wrapped key: lowering N, swapping the salt or
 * the vault id makes the unwrap fail instead of quietly weakening the vault.
 */
import { createHmac, randomBytes } from 'node:crypto';
import canonicalize from 'canonicalize';
import { TamgaError } from '../../../shared/errors';
import { deriveKek, type ScryptParams } from '../crypto/kdf';
import { unwrapKey, wrapKey, type WrappedKey } from '../crypto/secretbox';

export const MASTER_KEY_BYTES = 32;
const WRAP_PURPOSE = 'tamga v1 master key wrap';

export function newMasterKey(): Buffer {
  return randomBytes(MASTER_KEY_BYTES);
}

export interface WrapContext {
  readonly formatVersion: number;
  readonly vaultId: string;
  readonly kdf: ScryptParams;
}

/** The RFC 8785 canonical JSON that the wrap key binds (documented in docs/formats.md). */
export function wrapContextJson(context: WrapContext): string {
  const { name, N, r, p, salt } = context.kdf;
  const bound = canonicalize({
    purpose: WRAP_PURPOSE,
    formatVersion: context.formatVersion,
    vaultId: context.vaultId,
    kdf: { name, N, r, p, salt: salt.toString('base64') },
  });
  if (bound === undefined) throw new TamgaError('INTERNAL', 'Could not canonicalise the wrap context.');
  return bound;
}

export function wrapKeyFromKek(kek: Buffer, context: WrapContext): Buffer {
  return createHmac('sha256', kek).update(wrapContextJson(context), 'utf8').digest();
}

export async function wrapMasterKey(masterKey: Buffer, passphrase: string, context: WrapContext): Promise<WrappedKey> {
  const kek = await deriveKek(passphrase, context.kdf);
  const wrapKeyBytes = wrapKeyFromKek(kek, context);
  try {
    return wrapKey(masterKey, wrapKeyBytes);
  } finally {
    kek.fill(0);
    wrapKeyBytes.fill(0);
  }
}

/** Runs the full KDF, then throws WRONG_PASSPHRASE if the box does not open. */
export async function unwrapMasterKey(wrapped: WrappedKey, passphrase: string, context: WrapContext): Promise<Buffer> {
  const kek = await deriveKek(passphrase, context.kdf);
  const wrapKeyBytes = wrapKeyFromKek(kek, context);
  try {
    const master = unwrapKey(wrapped, wrapKeyBytes);
    if (master === null) {
      throw new TamgaError(
        'WRONG_PASSPHRASE',
        'The passphrase is wrong (or vault.json was edited). Nothing was changed; try again.',
      );
    }
    if (master.length !== MASTER_KEY_BYTES) throw new TamgaError('CORRUPT', 'vault.json holds a master key of the wrong length.');
    return master;
  } finally {
    kek.fill(0);
    wrapKeyBytes.fill(0);
  }
}
