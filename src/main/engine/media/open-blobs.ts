/**
 * A few encrypted files kept open between media reads. A video player asks for its file
 * in many small ranges; opening a blob authenticates its last chunk, so reopening it for
 * every range would decrypt that chunk again each time. The least recently used handle
 * is let go when more than `capacity` are open, and closed as soon as no read is using it
 * (`use` pins a handle for the length of a read: closing it under a read would fail that
 * read); `closeAll` runs when the vault locks and closes everything at once.
 */
import type { BlobArea, BlobStore } from '../blobs/blob-store';
import type { RandomAccessBlob } from '../crypto/blob-random-access';

function close(opening: Promise<RandomAccessBlob>): void {
  void opening.then((b) => b.close()).catch(() => undefined);
}

export class OpenBlobs {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly blobs = new Map<string, Promise<RandomAccessBlob>>();
  /** Set by closeAll: the session is over (the vault locked). */
  private ended = false;
  /** Reads under way on each handle. */
  private readonly pins = new Map<Promise<RandomAccessBlob>, number>();
  /** Handles let go while pinned: closed when their last read ends. */
  private readonly retired = new Set<Promise<RandomAccessBlob>>();

  constructor(
    private readonly store: BlobStore,
    private readonly capacity = 8,
  ) {}

  get(area: BlobArea, blobId: string): Promise<RandomAccessBlob> {
    const key = `${area}/${blobId}`;
    let blob = this.blobs.get(key);
    if (blob !== undefined) {
      this.blobs.delete(key);
    } else {
      blob = this.store.open(area, blobId);
      // A failed open is not kept: the next read tries again (and reports the problem again).
      blob.catch(() => this.blobs.delete(key));
    }
    this.blobs.set(key, blob);
    while (this.blobs.size > this.capacity) {
      const [oldest, opening] = this.blobs.entries().next().value as [string, Promise<RandomAccessBlob>];
      this.blobs.delete(oldest);
      if (this.pins.has(opening)) this.retired.add(opening);
      else close(opening);
    }
    return blob;
  }

  /** Runs `read` on the handle, which is not closed under it (but by a lock). */
  async use<T>(area: BlobArea, blobId: string, read: (blob: RandomAccessBlob) => Promise<T>): Promise<T> {
    const opening = this.get(area, blobId);
    this.pins.set(opening, (this.pins.get(opening) ?? 0) + 1);
    try {
      return await read(await opening);
    } finally {
      const left = (this.pins.get(opening) ?? 1) - 1;
      if (left > 0) this.pins.set(opening, left);
      else {
        this.pins.delete(opening);
        if (this.retired.delete(opening)) close(opening);
      }
    }
  }

  /** True once closeAll ran: a read that failed on a closed handle failed because the vault locked. */
  get closed(): boolean {
    return this.ended;
  }

  async closeAll(): Promise<void> {
    this.ended = true;
    const all = [...this.blobs.values(), ...this.retired];
    this.blobs.clear();
    this.retired.clear();
    await Promise.all(all.map((opening) => opening.then((b) => b.close()).catch(() => undefined)));
  }
}
