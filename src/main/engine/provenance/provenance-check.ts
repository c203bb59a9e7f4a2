/**
 * `audit` re-verifies the kept provenance: every kept file's bytes against the SHA-256
 * recorded when it was received (PROVENANCE_CORRUPT), and, for what came in Tamga bundles,
 * the same hop check `verify` runs on an exported bundle (bundle/verify/hop-check.ts) over
 * the hops this item would carry now: each sender's seal over its tag manifest, its chain
 * against what that seal covers and the item's SHA-256, and the link from the item's own
 * `received` events (PROVENANCE_INVALID, naming the hop check's problem).
 */
import type { VerifyProblem } from '../../../shared/bundle';
import type { AuditProblem } from '../../../shared/items';
import { checkHops } from '../bundle/verify/hop-check';
import { toJsonl } from '../custody/jsonl';
import { readChain } from '../custody/store';
import type { IndexDb } from '../db/open-index';
import { hopsOf } from './hops';
import { listAllProvenance, readProvenanceFiles, sha256Hex } from './provenance-store';

export function checkProvenance(db: IndexDb, vaultId: string): { problems: AuditProblem[]; records: number } {
  const problems: AuditProblem[] = [];
  const records = listAllProvenance(db);
  const items = new Set<string>();
  for (const record of records) {
    items.add(record.itemId);
    for (const f of readProvenanceFiles(db, record.id)) {
      if (sha256Hex(f.content) !== f.sha256) {
        problems.push({ code: 'PROVENANCE_CORRUPT', itemId: record.itemId, message: `Item ${record.itemId}: the kept file ${f.name} of what was received in bundle ${record.bundleId ?? '?'} has changed since it was received.` });
      }
    }
  }
  for (const itemId of items) {
    const hops = hopsOf(db, itemId);
    if (hops.length === 0) continue;
    const sha256 = db.prepare('SELECT sha256 FROM items WHERE id = ?').pluck().get(itemId) as string | undefined;
    const found: VerifyProblem[] = [];
    checkHops(
      {
        exhibit: 'E0001',
        sha256: sha256 ?? null,
        own: { custody: Buffer.from(toJsonl(readChain(db, itemId)), 'utf8'), vaultId, sealedAt: null },
        hops: new Map(hops.map((h) => [h.hop, h.files])),
        capture: null,
      },
      found,
    );
    // The check speaks of exhibit E0001 and "this bundle's custody log": here, the item and its own chain.
    for (const p of found) {
      const message = p.message.replaceAll(' of E0001', '').replaceAll("this bundle's custody log", "the item's own chain").replaceAll('this bundle', 'the vault');
      problems.push({ code: 'PROVENANCE_INVALID', itemId, message: `Item ${itemId}: the provenance kept does not verify (${p.code}): ${message}` });
    }
  }
  return { problems, records: records.length };
}
