/**
 * One-at-a-time per key. Two files with the same content imported at once must not both
 * decide "new content": the second waits for the first and then finds it in the index.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** Resolves, once every earlier holder of `key` has released, to this holder's release. */
  async acquire(key: string): Promise<() => void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
