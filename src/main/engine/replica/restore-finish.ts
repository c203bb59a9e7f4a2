/**
 * The last step of a restore, on the unlocked restored vault: its custody log must be the
 * one the manifest's signed checkpoint describes (same size and root: the index snapshot
 * is the one the vault signed for), and the vault records the manifest it came from as
 * the last one of that replica, so that pushing there again goes on from it.
 */
import type { ManifestSummary, ReplicaProblem } from '../../../shared/replica';
import { noteVerifier, openCheckpoint, vaultLogOrigin } from '../custody/checkpoint';
import { logHead } from '../custody/vault-log';
import type { OpenVault } from '../vault/vault';
import { findReplicaRowById, recordManifest } from './replica-rows';

export function finishRestore(vault: OpenVault, manifest: ManifestSummary): ReplicaProblem[] {
  const { vaultId } = vault.vaultFile;
  const origin = vaultLogOrigin(vaultId);
  const opened = openCheckpoint(manifest.checkpoint, noteVerifier(origin, vault.signer.publicKey), { origin });
  const head = logHead(vault.db);
  const problems: ReplicaProblem[] = [];
  if (!opened.ok) problems.push({ code: 'CHECKPOINT_MISMATCH', message: `The custody checkpoint in manifest ${manifest.number} does not verify with this vault's key: ${opened.message}`, objects: [] });
  else if (opened.checkpoint.size !== head.size || opened.checkpoint.root !== head.root) {
    problems.push({ code: 'CHECKPOINT_MISMATCH', message: `The restored custody log (${head.size} events) is not the one manifest ${manifest.number} signed for (${opened.checkpoint.size} events, another root).`, objects: [] });
  }
  if (!vault.readonly && findReplicaRowById(vault.db, manifest.replicaId) !== null) {
    recordManifest(vault.db, manifest.replicaId, { number: manifest.number, sha256: manifest.sha256, at: manifest.createdAt });
  }
  return problems;
}
