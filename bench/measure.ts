/** Repeats a measurement after warm-up runs and reports the median, as `npm run bench` prints it. */
export interface Measurement {
  readonly name: string;
  readonly runs: number;
  readonly medianMs: number;
  readonly allMs: readonly number[];
}

export async function measure(name: string, options: { runs: number; warmup: number }, work: () => Promise<void>): Promise<Measurement> {
  for (let i = 0; i < options.warmup; i++) await work();
  const allMs: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const start = performance.now();
    await work();
    allMs.push(performance.now() - start);
  }
  const sorted = [...allMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { name, runs: options.runs, medianMs, allMs };
}

/** Samples this process's RSS while `work` runs; returns the peak in bytes. */
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
