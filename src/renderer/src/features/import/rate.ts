/**
 * Import speed and time left from progress samples: the bytes done over the last few
 * seconds (a sliding window, so a slow card or a burst of small files shows as it is),
 * and the bytes left at that speed. Pure, for unit tests.
 */

export interface Sample {
  readonly at: number;
  readonly bytes: number;
}

const WINDOW_MS = 5000;

/** Adds a sample and drops those older than the window (keeping one before it as the base). */
export function addSample(samples: readonly Sample[], sample: Sample): Sample[] {
  const kept = [...samples, sample];
  while (kept.length > 2 && (kept[1]?.at ?? 0) <= sample.at - WINDOW_MS) kept.shift();
  return kept;
}

/** Bytes per second over the window; null until there is enough to say. */
export function speedOf(samples: readonly Sample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined || last.at - first.at < 500) return null;
  return Math.max(0, (last.bytes - first.bytes) / ((last.at - first.at) / 1000));
}

/** Seconds left at `speed`; null when the speed is unknown or zero. */
export function secondsLeft(bytesLeft: number, speed: number | null): number | null {
  if (speed === null || speed <= 0) return null;
  return Math.ceil(Math.max(0, bytesLeft) / speed);
}
