/**
 * Buffers reused from one file to the next: the memory an import decrypts each photo into,
 * and the read buffers of a verify (two 1 MiB buffers per file being read).
 *
 * A fresh multi-megabyte Buffer per file costs twice. V8 counts Buffer memory as external
 * memory, and on a JS heap as small as ours a few megabytes of it allocated since the last
 * full collection start the next one (--trace-gc on 12 MP JPEGs: about one mark-compact per
 * photo, each tens of ms of CPU); and fresh memory is paid for in page faults on first touch
 * (~0.9 ms per MiB in our 2-core VMs). A reused buffer is allocated and faulted in once.
 *
 * A buffer given back must no longer be read by anyone: callers give it back only once
 * every reader of it has finished.
 */

/** Larger buffers are not kept: a rare huge photo should not pin its size for the whole run. */
const MAX_POOLED_BYTES = 32 * 1024 * 1024;
/** Sizes are rounded up to this, so that a slightly larger photo still fits a kept buffer. */
const GRANULE = 1024 * 1024;

export class BufferPool {
  private readonly free: Buffer[] = [];
  /** Whole buffers handed out, by their memory: `give` takes back only these (weakly: one never given back is simply collected). */
  private readonly lent = new WeakMap<ArrayBufferLike, Buffer>();

  /** `keep`: how many buffers to hold at most (as many as are in use at once). */
  constructor(private readonly keep: number) {}

  /** A buffer of exactly `size` bytes (a view of a kept one when one is large enough). */
  take(size: number): Buffer {
    // The smallest kept buffer that fits (`free` is sorted largest first).
    const at = this.free.findLastIndex((b) => b.length >= size);
    const whole = (at === -1 ? undefined : this.free.splice(at, 1)[0]) ?? Buffer.allocUnsafe(Math.ceil(size / GRANULE) * GRANULE);
    this.lent.set(whole.buffer, whole);
    return whole.subarray(0, size);
  }

  /** Takes back a buffer from `take`; the smallest are dropped when more than `keep` are held. */
  give(view: Buffer): void {
    const whole = this.lent.get(view.buffer);
    if (whole === undefined) return;
    this.lent.delete(view.buffer);
    if (whole.length > MAX_POOLED_BYTES) return;
    this.free.push(whole);
    this.free.sort((a, b) => b.length - a.length);
    this.free.length = Math.min(this.free.length, this.keep);
  }
}
