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
import { parseStrictJson } from './strict-json';
import { decodeTagText } from './tag-text';

/** vault-key.json's claims, or why it cannot be read as one (a member named twice shows a person one key and a program another). */
function vaultKey(bytes: Uint8Array): { publicKey: unknown; fingerprint: unknown; vaultId: unknown } | string {
  const decoded = decodeTagText(bytes);
  if (!decoded.ok) return `cannot be read (${decoded.reason})`;
  const parsed = parseStrictJson(decoded.text);
  if (!parsed.ok) return parsed.reason === 'syntax' ? 'is not JSON' : `gives the member ${show(parsed.duplicate.key)} twice`;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const record = value as Record<string, unknown>;
  return record.format === 'tamga-vault-key' ? { publicKey: record.publicKey, fingerprint: record.fingerprint, vaultId: record.vaultId } : 'is not a Tamga key file (format "tamga-vault-key")';
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
  if (typeof key === 'string') {
    problems.push(problem('SIGNER_KEY_MISMATCH', `${VAULT_KEY_JSON} ${key}, so it does not confirm the seal's key.`, { path: VAULT_KEY_JSON }));
    return;
  }
  if (key.publicKey !== Buffer.from(publicKey).toString('hex') || key.fingerprint !== fingerprint) {
    problems.push(problem('SIGNER_KEY_MISMATCH', `${VAULT_KEY_JSON} names another key (${show(String(key.fingerprint))}) than the one that made the seal (${fingerprint}).`, { path: VAULT_KEY_JSON }));
  }
  const signer = bagInfo?.get('Tamga-Signer') ?? null;
  if (signer !== null && key.vaultId !== signer) {
    problems.push(
      problem('SIGNER_ID_MISMATCH', `${VAULT_KEY_JSON} says the key is vault ${show(String(key.vaultId))}'s, but ${BAG_INFO_TXT} names the sealer as vault ${show(signer)}: the bundle contradicts itself about who sealed it.`, {
        path: VAULT_KEY_JSON,
      }),
    );
  }
}
