/**
 * What the sealed files say about the signer must be the seal's key: bag-info.txt's
 * Tamga-Key-Fingerprint and metadata/vault-key.json's public key and fingerprint; and
 * vault-key.json's vault id must be the Tamga-Signer of bag-info.txt. A
 * bundle that names one key and is sealed by another is not what it claims to be, even
 * when the seal itself holds.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { BAG_INFO_TXT, VAULT_KEY_JSON } from '../layout';
import type { BagInfo } from './bag-info';
import { problem, show } from './problems';
import type { SealOutcome } from './seal';
import { decodeTagText } from './tag-text';

function vaultKey(bytes: Uint8Array): { publicKey: unknown; fingerprint: unknown; vaultId: unknown } | null {
  const decoded = decodeTagText(bytes);
  if (!decoded.ok) return null;
  try {
    const value: unknown = JSON.parse(decoded.text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const record = value as Record<string, unknown>;
    return record.format === 'tamga-vault-key' ? { publicKey: record.publicKey, fingerprint: record.fingerprint, vaultId: record.vaultId } : null;
  } catch {
    return null;
  }
}

export function checkSignerClaims(seal: SealOutcome, bagInfo: BagInfo | null, vaultKeyBytes: Uint8Array | null, problems: VerifyProblem[]): void {
  const { fingerprint, publicKey } = seal;
  if (fingerprint === null || publicKey === null) return; // no key to compare with: the seal's problem says why
  const claimed = bagInfo?.get('Tamga-Key-Fingerprint') ?? null;
  if (claimed !== null && claimed.toLowerCase() !== fingerprint) {
    problems.push(problem('SIGNER_KEY_MISMATCH', `${BAG_INFO_TXT} says the bundle was sealed by the key ${show(claimed)}, but the seal's key is ${fingerprint}.`, { path: BAG_INFO_TXT }));
  }
  if (vaultKeyBytes === null) return;
  const key = vaultKey(vaultKeyBytes);
  if (key === null) {
    problems.push(problem('SIGNER_KEY_MISMATCH', `${VAULT_KEY_JSON} is not a Tamga key file, so it does not confirm the seal's key.`, { path: VAULT_KEY_JSON }));
  } else if (key.publicKey !== Buffer.from(publicKey).toString('hex') || key.fingerprint !== fingerprint) {
    problems.push(problem('SIGNER_KEY_MISMATCH', `${VAULT_KEY_JSON} names another key (${show(String(key.fingerprint))}) than the one that made the seal (${fingerprint}).`, { path: VAULT_KEY_JSON }));
  }
  const signer = bagInfo?.get('Tamga-Signer') ?? null;
  if (key !== null && signer !== null && key.vaultId !== signer) {
    problems.push(
      problem('SIGNER_ID_MISMATCH', `${VAULT_KEY_JSON} says the key is vault ${show(String(key.vaultId))}'s, but ${BAG_INFO_TXT} names the sealer as vault ${show(signer)}: the bundle contradicts itself about who sealed it.`, {
        path: VAULT_KEY_JSON,
      }),
    );
  }
}
