/**
 * The files another tool's package brought with an item (intake: a bag's bag-info.txt and
 * manifests, a ProofMode share's proofs, signatures and pubkey.asc), exported with it,
 * byte for byte as kept, under `metadata/provenance/E0001/<n>/<name>` (n = 1 for the
 * item's first such record, oldest first; name as it was in the package). Listed in the
 * tag manifest like every tag file, so the seal covers them. Records of received Tamga
 * bundles travel as hops instead (hops.ts). docs/formats.md, "Intake from other tools".
 */
import type { IndexDb } from '../db/open-index';
import { listProvenance, readProvenanceFiles } from './provenance-store';

export const PROVENANCE_DIR = 'metadata/provenance';
/** The sources whose files travel under PROVENANCE_DIR. */
const PACKAGE_SOURCES = new Set(['bagit', 'proofmode']);

export function keptFilePath(exhibit: string, record: number, name: string): string {
  return `${PROVENANCE_DIR}/${exhibit}/${record}/${name}`;
}

export function keptFilesOf(db: IndexDb, itemId: string, exhibit: string): { path: string; content: Buffer }[] {
  const records = listProvenance(db, itemId).filter((r) => PACKAGE_SOURCES.has(r.source));
  return records.flatMap((record, i) => readProvenanceFiles(db, record.id).map((f) => ({ path: keptFilePath(exhibit, i + 1, f.name), content: f.content })));
}
