/**
 * How every audit ends, whole or one part (audit.ts, audit-subset.ts): the checks of what is
 * one structure for the whole vault — the custody log rebuilt against every chain, the kept
 * timestamps over what they date, the provenance kept from senders — then the `audit` event on
 * the vault chain and a checkpoint that includes it, so the next audit or bundle can prove the
 * log only grew since. Read-only, nothing can be recorded; with a damaged log nothing should
 * be: a checkpoint must never vouch for it.
 */
import { vaultChainName } from '../../../shared/custody';
import type { AuditProblem, AuditReport, AuditSubset } from '../../../shared/items';
import { checkLog } from '../custody/log-check';
import { appendEvent } from '../custody/store';
import { LOG_SCHEMA, makeCheckpoint } from '../custody/vault-log';
import { schemaVersion } from '../db/migrate';
import { checkProvenance } from '../provenance/provenance-check';
import type { OpenVault } from '../vault/vault';
import { checkKeptTimestamps } from './timestamp-check';

export interface AuditCounts {
  readonly checkedItems: number;
  readonly checkedBytes: number;
  readonly checkedEvents: number;
  /** The part read, for an audit of a subset. */
  readonly subset?: AuditSubset;
}

/** Adds the whole-vault checks to `problems` (the items' own, found so far), records the result and reports it. */
export async function endAudit(vault: OpenVault, counts: AuditCounts, itemProblems: readonly AuditProblem[]): Promise<AuditReport> {
  const { db } = vault;
  const { vaultId } = vault.vaultFile;
  const problems: AuditProblem[] = [...itemProblems];
  const logged = schemaVersion(db) >= LOG_SCHEMA ? checkLog(db, vault.signer.publicKey, vaultId) : null;
  if (logged !== null) problems.push(...logged.problems);
  problems.push(...(await checkKeptTimestamps(db, vaultId)));
  problems.push(...checkProvenance(db, vaultId).problems);
  const ok = problems.length === 0;
  const report = { ...counts, ok, problems };
  if (vault.readonly || (logged?.problems.length ?? 0) > 0) return { ...report, log: logged === null ? null : { size: logged.size, root: logged.root }, checkpoint: null };
  const checkpoint = db.transaction(() => {
    appendEvent(db, vault.signer, {
      chain: vaultChainName(vaultId),
      type: 'audit',
      actor: vault.actor,
      data: { ok, items: counts.checkedItems, bytes: counts.checkedBytes, events: counts.checkedEvents, problems: problems.length, ...(counts.subset === undefined ? {} : { subset: { part: counts.subset.part, of: counts.subset.of } }) },
    });
    return makeCheckpoint(db, vault.signer, vaultId, 'audit');
  })();
  return { ...report, log: { size: checkpoint.size, root: checkpoint.root }, checkpoint: checkpoint.note };
}
