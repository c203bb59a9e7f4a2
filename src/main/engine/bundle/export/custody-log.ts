/**
 * The custody record of an export: an `exported` event on every exported item's chain and
 * one on the vault's chain, in one transaction (all or none), with the bundle id, the
 * recipient and the SHA-256 of the tag manifest the seal signs, which ties each event to
 * the exact bundle. Written after the bundle is complete and in place: the events describe
 * a finished act, so they cannot be inside the bundle they describe (the bundle carries
 * each chain as it stood before this export). The seal signature goes into the index's
 * `seals` in the same transaction (vault-stamps.ts), to be timestamped later.
 */
import { vaultChainName } from '../../../../shared/custody';
import type { BundleFormat } from '../../../../shared/bundle';
import { appendEvent, type StoredEvent } from '../../custody/store';
import { recordSeal } from '../../timestamp/vault-stamps';
import type { OpenVault } from '../../vault/vault';
import type { SealedExhibit } from './exhibit';

export interface ExportRecord {
  readonly bundleId: string;
  readonly recipient: string;
  readonly format: BundleFormat;
  readonly tagManifestSha256: string;
  /** The seal signature (64 bytes), kept in the index so the bundle can be timestamped later. */
  readonly sealSignature: Uint8Array;
  readonly keyFingerprint: string;
  /** Tamga-Sealed-At: the events' time, so that a bundle made twice from one vault state is the same bytes. */
  readonly at: string;
}

/** The events an export logged: one per exhibit, in exhibit order, and the vault chain's. */
export interface LoggedExport {
  readonly exhibits: readonly StoredEvent[];
  readonly vault: StoredEvent;
}

export function logExport(vault: OpenVault, exhibits: readonly SealedExhibit[], record: ExportRecord): LoggedExport {
  const recipient = record.recipient === '' ? null : record.recipient;
  const logged: StoredEvent[] = [];
  const onVault = vault.db
    .transaction(() => {
      for (const e of exhibits) {
        logged.push(appendEvent(vault.db, vault.signer, {
          chain: e.item.id,
          type: 'exported',
          actor: vault.actor,
          at: record.at,
          data: { bundleId: record.bundleId, exhibit: e.number, recipient, sha256: e.sha256, tagManifestSha256: record.tagManifestSha256 },
        }));
      }
      recordSeal(vault.db, { bundleId: record.bundleId, signature: record.sealSignature, tagManifestSha256: record.tagManifestSha256, sealedAt: record.at });
      return appendEvent(vault.db, vault.signer, {
        chain: vaultChainName(vault.vaultFile.vaultId),
        type: 'exported',
        actor: vault.actor,
        at: record.at,
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
  return { exhibits: logged, vault: onVault };
}

/**
 * When a bundle whose export was logged could not then be finished (its last files or its
 * move under the final name failed), the vault chain says so: the `exported` events stay
 * (the log is append-only), and this names the bundle as never delivered.
 */
export function logAbandonedExport(vault: OpenVault, bundleId: string, reason: string): void {
  appendEvent(vault.db, vault.signer, { chain: vaultChainName(vault.vaultFile.vaultId), type: 'export-abandoned', actor: vault.actor, data: { bundleId, reason } });
}
