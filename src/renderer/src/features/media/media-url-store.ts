/**
 * Media URLs for the window: asked of the shell in batches (every grid cell that appears
 * in one frame shares one call), cached for the session, and shared by every component
 * that shows the same thumbnail. One store per unlocked session: it is dropped with the
 * rest of the UI on lock, and the shell revokes the URLs themselves.
 */
import type { MediaRef } from '../../../../shared/media';

type Fetch = (refs: readonly MediaRef[]) => Promise<string[]>;

const keyOf = (ref: MediaRef): string => `${ref.variant}:${ref.item}`;

export class MediaUrlStore {
  private readonly urls = new Map<string, string>();
  private readonly failed = new Set<string>();
  private readonly wanted = new Map<string, MediaRef>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  constructor(private readonly fetchUrls: Fetch) {}

  /** The URL if known; otherwise asks for it (soon, with others) and returns undefined. */
  get(ref: MediaRef): string | undefined {
    const key = keyOf(ref);
    const url = this.urls.get(key);
    if (url === undefined && !this.failed.has(key)) this.want(key, ref);
    return url;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private want(key: string, ref: MediaRef): void {
    this.wanted.set(key, ref);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => void this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = [...this.wanted.entries()].slice(0, 500);
    for (const [key] of batch) this.wanted.delete(key);
    if (this.wanted.size > 0) this.want(...(this.wanted.entries().next().value as [string, MediaRef]));
    try {
      const urls = await this.fetchUrls(batch.map(([, ref]) => ref));
      batch.forEach(([key], i) => {
        const url = urls[i];
        if (url !== undefined) this.urls.set(key, url);
      });
    } catch {
      // Locked meanwhile, or a bad ref: these cells show their placeholder.
      for (const [key] of batch) this.failed.add(key);
    }
    for (const listener of this.listeners) listener();
  }
}
