/**
 * The name of the media scheme and the shape of its URLs, in one pure place: the CSP
 * (csp.ts), the request filter (app-location.ts) and the protocol handler all use it.
 */
export const MEDIA_SCHEME = 'tamga-media';

/** A standard scheme needs a host; `media` is the only one, and it means nothing. */
export function mediaUrl(token: string): string {
  return `${MEDIA_SCHEME}://media/${token}`;
}
