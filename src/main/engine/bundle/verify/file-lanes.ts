/**
 * The order in which verify checks the files it hashes, on this thread and the SHA-512
 * thread (hashing.ts). A lane checks its files one after the other, each started (read
 * and hashed here) before the one before it is finished (its SHA-512 awaited, compared,
 * reported), so the two threads overlap across files. Lanes run side by side on this
 * thread, each going on while another waits.
 *
 * The payload goes in two lanes. The first gives each file's SHA-512 to the other thread:
 * the large files, then the small ones. SHA-512 is the slower hash, so this thread would
 * then wait for the other a third of the time (~0.3 s during a 1 GiB video); the second
 * lane takes small files and hashes them wholly here in that time, each chunk only while
 * the other thread has plenty queued. With a video and 200 photos both threads so stay
 * busy to the end, which took ~10 % off the check.
 */
import type { FileHasher, HashMode } from './hashing';
import { throwIfStopped } from './problems';

/** Starts checking the file at `index` (read and hashed here); the step returned finishes it. */
export type StartFile = (index: number, mode: HashMode) => Promise<() => Promise<void>>;

/** Files up to this size may be hashed in spare time: a larger one last in a lane would keep the other thread waiting at the end. */
const SPARE_MAX_BYTES = 8 * 1024 * 1024;

/** Hands out `indices` in order, to one lane or to several. */
export function cursor(indices: readonly number[]): () => number | null {
  let at = 0;
  return () => (at < indices.length ? (indices[at++] ?? null) : null);
}

/** Checks the files `next()` hands out, each started before the one before it is finished. */
export async function runLane(next: () => number | null, start: StartFile, mode: HashMode, signal: AbortSignal): Promise<void> {
  let finishPrevious: (() => Promise<void>) | null = null;
  for (let index = next(); index !== null; index = next()) {
    throwIfStopped(signal);
    const finish = await start(index, mode);
    await finishPrevious?.();
    finishPrevious = finish;
  }
  await finishPrevious?.();
}

/** The payload files (their sizes, by index) in the two lanes described above. */
export async function runPayloadLanes(sizes: readonly number[], start: StartFile, hasher: FileHasher, signal: AbortSignal): Promise<void> {
  const indices = sizes.map((_, index) => index);
  const large = cursor(indices.filter((i) => (sizes[i] ?? 0) > SPARE_MAX_BYTES));
  const small = cursor(indices.filter((i) => (sizes[i] ?? 0) <= SPARE_MAX_BYTES));
  const offloading = async (): Promise<void> => {
    try {
      await runLane(large, start, 'offload', signal);
      await runLane(small, start, 'offload', signal);
    } finally {
      hasher.endOffloading();
    }
  };
  const lanes = await Promise.allSettled([offloading(), runLane(small, start, 'spare', signal)]);
  for (const lane of lanes) if (lane.status === 'rejected') throw lane.reason;
}
