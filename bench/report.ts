/**
 * The rows `npm run bench` prints and saves: each figure with its baseline from the same
 * run, the ratio (how many times the baseline's speed Tamga reaches: above 1 is faster)
 * and the goal from the issues, so a reader sees the distance at a glance.
 */
export interface Row {
  readonly section: string;
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline?: { readonly what: string; readonly value: number; readonly unit: string };
  /** Tamga's speed ÷ the baseline's speed (for times: baseline time ÷ Tamga time). */
  readonly ratio?: number;
  readonly goal?: { readonly text: string; readonly met: boolean };
}

export const MiB = 1024 * 1024;
export const mibPerSecond = (bytes: number, ms: number): number => bytes / MiB / (ms / 1000);

function num(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.what,
    `${num(r.value)} ${r.unit}`,
    r.baseline === undefined ? '' : `${r.baseline.what}: ${num(r.baseline.value)} ${r.baseline.unit}`,
    r.ratio === undefined ? '' : `${num(r.ratio)}×`,
    r.goal === undefined ? '' : `${r.goal.met ? 'met' : 'MISSED'} (${r.goal.text})`,
  ]);
  const header = ['what', 'Tamga', 'baseline (same run)', 'ratio', 'goal'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]?.length ?? 0)));
  const line = (c: readonly string[]): string => c.map((s, i) => s.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  let out = '';
  let section = '';
  for (const [i, r] of rows.entries()) {
    if (r.section !== section) {
      section = r.section;
      out += `\n${section}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`;
    }
    out += `${line(cells[i] ?? [])}\n`;
  }
  return out;
}
