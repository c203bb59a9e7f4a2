/**
 * Reading small files ahead. A bundle of many photos is mostly small files, and one at a
 * time the check waits on open, read and close for each (a third of the time for 10 000
 * exhibits). So the next few small files are read while the current one is hashed and its
 * custody checked: at most WINDOW files of at most MAX_BYTES each, so memory stays fixed.
 * A result never rejects, so a read started ahead and never taken (the check was stopped)
 * cannot become an unhandled rejection.
 */
import { ReadFailure } from './problems';
import type { BundleSource } from './source';

const WINDOW = 8;
export const READ_AHEAD_MAX_BYTES = 1024 * 1024;

export type ReadResult = { readonly bytes: Buffer } | { readonly failure: ReadFailure } | { readonly error: unknown };

async function readAll(source: BundleSource, path: string, signal: AbortSignal): Promise<ReadResult> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of source.read(path, signal)) parts.push(Buffer.from(chunk));
    return { bytes: Buffer.concat(parts) };
  } catch (error) {
    return error instanceof ReadFailure ? { failure: error } : { error };
  }
}

export class ReadAhead {
  private readonly pending = new Map<string, Promise<ReadResult>>();
  private started = 0;

  constructor(
    private readonly source: BundleSource,
    private readonly signal: AbortSignal,
    private readonly order: readonly string[],
    private readonly eligible: (path: string) => boolean,
  ) {}

  /** The file at `index`, when it was read ahead (null otherwise); starts the reads after it. */
  async take(index: number): Promise<ReadResult | null> {
    for (; this.started < Math.min(this.order.length, index + WINDOW); this.started++) {
      const path = this.order[this.started];
      if (path !== undefined && this.eligible(path)) this.pending.set(path, readAll(this.source, path, this.signal));
    }
    const path = this.order[index];
    const pending = path === undefined ? undefined : this.pending.get(path);
    if (path === undefined || pending === undefined) return null;
    this.pending.delete(path);
    return pending;
  }
}
