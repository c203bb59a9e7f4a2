/**
 * The window's Content Security Policy, in one place: the main process sends it as a
 * response header, and the build checks that the meta tag in src/renderer/index.html is
 * the same string (see electron.vite.config.ts), so the two cannot drift apart.
 *
 * Pure and free of Electron so that a unit test can pin it.
 */
import { MEDIA_SCHEME } from './media/media-scheme';

/** The production policy, directive by directive. No remote origin, no eval, no plugins. */
const DIRECTIVES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  // React sets style attributes; inline styles cannot run code.
  ['style-src', ["'self'", "'unsafe-inline'"]],
  // Thumbnails, previews and videos come only from the media protocol (decrypted by the
  // main process, tokens per session); data: and blob: URLs are the window's own.
  ['img-src', ["'self'", 'data:', 'blob:', `${MEDIA_SCHEME}:`]],
  ['media-src', ["'self'", 'blob:', `${MEDIA_SCHEME}:`]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

/** Directives a browser ignores (and warns about) when they come in a <meta> tag. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export interface CspOptions {
  /** 'meta' leaves out the directives a <meta> tag cannot carry. */
  readonly delivery: 'header' | 'meta';
  /**
   * The Vite dev server only: @vitejs/plugin-react injects an inline script (the React
   * Refresh preamble) that a strict script-src blocks. Never set for a built app.
   */
  readonly devServer?: boolean;
}

export function contentSecurityPolicy(options: CspOptions): string {
  return DIRECTIVES.filter(([name]) => options.delivery === 'header' || !HEADER_ONLY.has(name))
    .map(([name, sources]) => {
      const all = options.devServer === true && name === 'script-src' ? [...sources, "'unsafe-inline'"] : sources;
      return `${name} ${all.join(' ')}`;
    })
    .join('; ');
}
