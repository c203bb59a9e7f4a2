/**
 * A few encrypted files kept open between media reads. A video player asks for its file
 * in many small ranges; opening a blob authenticates its last chunk, so reopening it for
 * every range would decrypt that chunk again each time. The least recently used handle
 * is closed when more than `capacity` are open; `closeAll` runs when the vault locks.
 */
import type { BlobArea, BlobStore } from '../blobs/blob-store';
import type { RandomAccessBlob } from '../crypto/blob-random-access';

export class OpenBlobs {
  /** Insertion order is use order: the first entry is the least recently used. */
  private readonly blobs = new Map<string, Promise<RandomAccessBlob>>();

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
      void opening.then((b) => b.close()).catch(() => undefined);
    }
    return blob;
  }

  async closeAll(): Promise<void> {
    const all = [...this.blobs.values()];
    this.blobs.clear();
    await Promise.all(all.map((opening) => opening.then((b) => b.close()).catch(() => undefined)));
  }
}
