/**
 * metadata/vault-key.json: the public key that sealed the bundle and its fingerprint, for
 * programs (seal/signer.pem holds the same key for OpenSSL). Both are the vault's public
 * values from vault.json; nothing secret is read.
 */
import type { VaultFile } from '../../vault/vault-file';

export const VAULT_KEY_FORMAT = 'tamga-vault-key';

export function vaultKeyJson(vault: Pick<VaultFile, 'vaultId' | 'signing'>): string {
  const document = {
    format: VAULT_KEY_FORMAT,
    formatVersion: 1,
    vaultId: vault.vaultId,
    alg: 'ed25519',
    publicKey: vault.signing.publicKey,
    fingerprint: vault.signing.fingerprint,
    fingerprintOf: 'SHA-256 of the 32 raw public key bytes, lower-case hex',
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
