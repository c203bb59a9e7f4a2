/**
 * The custody record of an export: an `exported` event on every exported item's chain and
 * one on the vault's chain, in one transaction (all or none), with the bundle id, the
 * recipient and the SHA-256 of the tag manifest the seal signs, which ties each event to
 * the exact bundle. Written after the bundle is complete and in place: the events describe
 * a finished act, so they cannot be inside the bundle they describe (the bundle carries
 * each chain as it stood before this export).
 */
import { vaultChainName } from '../../../../shared/custody';
import type { BundleFormat } from '../../../../shared/bundle';
import { appendEvent } from '../../custody/store';
import type { OpenVault } from '../../vault/vault';
import type { SealedExhibit } from './exhibit';

export interface ExportRecord {
  readonly bundleId: string;
  readonly recipient: string;
  readonly format: BundleFormat;
  readonly tagManifestSha256: string;
  readonly keyFingerprint: string;
}

export function logExport(vault: OpenVault, exhibits: readonly SealedExhibit[], record: ExportRecord): void {
  const recipient = record.recipient === '' ? null : record.recipient;
  vault.db
    .transaction(() => {
      for (const e of exhibits) {
        appendEvent(vault.db, vault.signer, {
          chain: e.item.id,
          type: 'exported',
          actor: vault.actor,
          data: { bundleId: record.bundleId, exhibit: e.number, recipient, sha256: e.sha256, tagManifestSha256: record.tagManifestSha256 },
        });
      }
      appendEvent(vault.db, vault.signer, {
        chain: vaultChainName(vault.vaultFile.vaultId),
        type: 'exported',
        actor: vault.actor,
        data: {
          bundleId: record.bundleId,
          recipient,
          exhibits: exhibits.length,
          keyFingerprint: record.keyFingerprint,
          format: record.format,
          tagManifestSha256: record.tagManifestSha256,
        },
      });
    })
    .immediate();
}
