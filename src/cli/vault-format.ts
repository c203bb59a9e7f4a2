/** Text rendering of vault details for the CLI. */
import type { VaultInfo, VaultPublicInfo } from '../shared/api';
import { operatorText } from '../shared/operator';
import { printRows } from './output';

export function printVaultDetails(info: VaultPublicInfo | VaultInfo): void {
  const rows: Array<[string, string]> = [
    ['Vault', info.path],
    ['Format', `tamga-vault v${info.formatVersion}`],
    ['Vault id', info.vaultId],
    ['Key fingerprint', info.keyFingerprint],
    ['Created', info.createdAt],
    ['KDF', `scrypt N=2^${Math.log2(info.kdf.N)} r=${info.kdf.r} p=${info.kdf.p}`],
  ];
  if ('itemCount' in info) {
    rows.push(['Items', String(info.itemCount)], ['Index schema', String(info.schemaVersion)]);
    rows.push(['Operator', info.operator === null ? 'none recorded' : `${operatorText(info.operator)} (their own statement)`]);
  } else {
    rows.push(['Items', 'locked (give a passphrase to count them)']);
  }
  printRows(rows);
}
