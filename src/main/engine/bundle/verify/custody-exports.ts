/**
 * The 'exported' events of every custody log in a bundle, compared with each other: the
 * events that name one earlier bundle were written by one export, which had one tag
 * manifest and gave each exhibit its own number. Logs that disagree about it cannot all be
 * true (EXHIBIT_FACT_MISMATCH on the later exhibit, naming both). Their exhibit number and
 * tag manifest are the earlier bundle's, so they are never compared with this bundle's.
 */
import type { VerifyProblem } from '../../../../shared/bundle';
import { problem, show } from './problems';

/** An 'exported' event as found in one exhibit's log (values as read: the chain check judges their types). */
export interface ExportSeen {
  readonly exhibit: string;
  readonly line: number;
  readonly bundleId: unknown;
  readonly number: unknown;
  readonly tagManifestSha256: unknown;
}

const shown = (v: unknown): string => (typeof v === 'string' ? show(v) : v === undefined ? 'nothing' : JSON.stringify(v));

export function checkExportsAcross(exports: readonly ExportSeen[], custodyPath: (exhibit: string) => string, problems: VerifyProblem[]): void {
  const byBundle = new Map<string, ExportSeen[]>();
  for (const e of exports) {
    if (typeof e.bundleId !== 'string') continue;
    const list = byBundle.get(e.bundleId);
    if (list === undefined) byBundle.set(e.bundleId, [e]);
    else list.push(e);
  }
  for (const [bundleId, seen] of byBundle) {
    const first = seen[0];
    if (first === undefined) continue;
    const numbers = new Map<unknown, ExportSeen>();
    for (const e of seen) {
      const place = { path: custodyPath(e.exhibit), exhibit: e.exhibit, line: e.line };
      if (e.tagManifestSha256 !== first.tagManifestSha256) {
        const sentence = `The custody logs of ${first.exhibit} and ${e.exhibit} record the export of bundle ${bundleId} with different tag manifests (${shown(first.tagManifestSha256)} and ${shown(e.tagManifestSha256)}): one export has one tag manifest.`;
        problems.push(problem('EXHIBIT_FACT_MISMATCH', sentence, place));
      }
      const same = numbers.get(e.number);
      if (same !== undefined && same.exhibit !== e.exhibit) {
        const sentence = `The custody logs of ${same.exhibit} and ${e.exhibit} both say they were exhibit ${shown(e.number)} of bundle ${bundleId}: one bundle gives each exhibit its own number.`;
        problems.push(problem('EXHIBIT_FACT_MISMATCH', sentence, place));
      } else numbers.set(e.number, e);
    }
  }
}
