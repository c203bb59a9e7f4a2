/**
 * Timing for `npm run bench`: warm-up runs, then repeated runs, medians reported.
 *
 * Not tinybench (which vitest brings along): it times one task to the end before the
 * next, while on a shared two-core machine a baseline and the Tamga figure it is compared
 * with must be measured in alternating rounds, so background load hits both alike. Each
 * run here takes seconds, so a handful of medians needs no statistics library.
 */
export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly allMs: readonly number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** A piece of work to time; `time` may report its own duration (e.g. measured in a child process). */
export type Work = () => Promise<number | void>;

/**
 * Runs every task `warmup` times, then `runs` rounds in which each task runs once, in
 * order. Returns one Measurement per task, by name.
 */
export async function interleaved(tasks: Readonly<Record<string, Work>>, options: { runs: number; warmup: number }): Promise<Record<string, Measurement>> {
  const names = Object.keys(tasks);
  const times = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let i = 0; i < options.warmup; i++) for (const name of names) await tasks[name]?.();
  for (let round = 0; round < options.runs; round++) {
    for (const name of names) {
      const start = performance.now();
      const reported = await tasks[name]?.();
      times.get(name)?.push(typeof reported === 'number' ? reported : performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((name) => {
    const allMs = times.get(name) ?? [];
    return [name, { name, runs: options.runs, medianMs: median(allMs), allMs }];
  }));
}

/** Samples this process's RSS every 10 ms while `work` runs; returns the peak in bytes. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakBytes: number }> {
  let peakBytes = process.memoryUsage.rss();
  const timer = setInterval(() => (peakBytes = Math.max(peakBytes, process.memoryUsage.rss())), 10);
  try {
    const result = await work();
    return { result, peakBytes: Math.max(peakBytes, process.memoryUsage.rss()) };
  } finally {
    clearInterval(timer);
  }
}
