/**
 * What a replica check showed, as the one sentence that opens its report: a pass says
 * exactly what was read (every object hashed, or a sample), against which manifest, and how
 * many decrypted with the vault's key; a failure counts its problems (each is then named).
 * Pure: the window turns the key and values into words.
 */
import type { ReplicaCheckReport } from '../../../../shared/replica';

export interface CheckSummary {
  readonly key: 'copies.check.passAll' | 'copies.check.passSample' | 'copies.check.failed' | 'copies.check.noManifest';
  readonly values: Readonly<Record<string, number>>;
}

export function checkSummary(report: ReplicaCheckReport): CheckSummary {
  if (report.manifest === null) return { key: 'copies.check.noManifest', values: { count: report.problems.length } };
  const number = report.manifest.number;
  if (!report.ok) return { key: 'copies.check.failed', values: { number, count: report.problems.length } };
  const values = { number, count: report.checkedObjects, hashed: report.hashedObjects, decrypted: report.decryptedObjects, rest: report.checkedObjects - report.hashedObjects };
  return { key: report.hashedObjects < report.checkedObjects ? 'copies.check.passSample' : 'copies.check.passAll', values };
}
