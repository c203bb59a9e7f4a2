/** How replica commands print: progress lines on stderr, reports on stdout (or JSON). */
import type { ReplicaCheckReport, ReplicaProblem, ReplicaProgress } from '../shared/replica';

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

/**
 * A progress line on stderr at most once a second and at each change of phase: on a
 * terminal it redraws one line, elsewhere (a log) it appends lines.
 */
export function progressPrinter(quiet: boolean): { onProgress: (p: ReplicaProgress) => void; done: () => void } {
  let last = 0;
  let phase = '';
  let drawn = false;
  const tty = process.stderr.isTTY === true;
  return {
    onProgress(p) {
      if (quiet) return;
      const now = Date.now();
      if (p.phase === phase && now - last < 1000) return;
      last = now;
      phase = p.phase;
      const line = `${p.phase}: ${p.objectsDone}/${p.objectsTotal} objects, ${mb(p.bytesDone)}/${mb(p.bytesTotal)} MB${p.current === null ? '' : ` ${p.current}`}`;
      process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      drawn = tty;
    },
    done() {
      if (drawn) process.stderr.write('\n');
    },
  };
}

export function printProblems(problems: readonly ReplicaProblem[]): void {
  for (const p of problems) process.stdout.write(`PROBLEM ${p.code}: ${p.message}\n`);
}

export function printCheckReport(report: ReplicaCheckReport): void {
  printProblems(report.problems);
  for (const name of report.ignored) process.stdout.write(`IGNORED ${name}: no manifest vouches for it; never used.\n`);
  for (const note of report.notes) process.stdout.write(`NOTE ${note}\n`);
  const m = report.manifest;
  const what = m === null ? 'no manifest could be used' : `manifest ${m.number} of ${m.createdAt}, ${m.objectCount} objects (${report.hashedObjects} read and hashed, ${report.decryptedObjects} decrypted), signed by key ${m.keyFingerprint}`;
  process.stdout.write(`${report.ok ? 'Replica verified' : `Replica check found ${report.problems.length} problem(s)`}: ${report.description}, ${what}.\n`);
}
