/**
 * The opaque names under which media is served: a random token per item and variant,
 * valid only until the vault locks. A media URL therefore says nothing about the item
 * (no id, no hash, no path, no key) and is useless once the session ends, even if it
 * leaked into a log or a crash report. Pure (Web Crypto only) for unit tests.
 */
import type { MediaRef } from '../../shared/media';

/** 32 random bytes, base64url without padding. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Beyond this many live tokens the oldest are forgotten (a URL far off screen by then). */
const MAX_TOKENS = 500_000;

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export class MediaTokens {
  private readonly refs = new Map<string, MediaRef>();
  /** The token already issued for `${variant}:${item}`: a cell shown twice reuses its URL (and the image cache). */
  private readonly issued = new Map<string, string>();

  constructor(private readonly newToken: () => string = randomToken) {}

  issue(ref: MediaRef): string {
    const key = `${ref.variant}:${ref.item}`;
    const known = this.issued.get(key);
    if (known !== undefined) return known;
    const token = this.newToken();
    this.refs.set(token, { item: ref.item, variant: ref.variant });
    this.issued.set(key, token);
    if (this.refs.size > MAX_TOKENS) this.forgetOldest();
    return token;
  }

  resolve(token: string): MediaRef | null {
    if (!TOKEN.test(token)) return null;
    return this.refs.get(token) ?? null;
  }

  /** Every token stops working at once (the vault locked). */
  revokeAll(): void {
    this.refs.clear();
    this.issued.clear();
  }

  get size(): number {
    return this.refs.size;
  }

  private forgetOldest(): void {
    const oldest = this.refs.keys().next();
    if (oldest.done === true) return;
    const ref = this.refs.get(oldest.value);
    this.refs.delete(oldest.value);
    if (ref !== undefined) this.issued.delete(`${ref.variant}:${ref.item}`);
  }
}
