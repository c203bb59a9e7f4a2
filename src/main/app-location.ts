/**
 * Where the window's own page comes from, and which URLs therefore count as "the app":
 * the built renderer on disk (file:// under out/renderer), or, in development only, the
 * Vite dev server on this machine. Navigation, network requests and IPC senders are all
 * judged against this one answer.
 *
 * Pure (Node's path and url only) so that unit tests can pin the rules.
 */
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MEDIA_SCHEME } from './media/media-scheme';

export type AppLocation =
  | {
      readonly kind: 'file';
      /** The URL the window loads. */
      readonly url: string;
      readonly indexFile: string;
      /** Everything the page may load from disk lives under this directory. */
      readonly rendererDir: string;
    }
  | {
      readonly kind: 'dev-server';
      readonly url: string;
      readonly origin: string;
    };

export interface AppLocationInput {
  readonly isPackaged: boolean;
  /** electron-vite's ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  readonly devServerUrl: string | undefined;
  /** The built renderer, e.g. out/renderer. */
  readonly rendererDir: string;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server is honoured only in an unpackaged build and only on this machine: an
 * environment variable must never be able to point a shipped app at someone's server.
 */
export function resolveAppLocation(input: AppLocationInput): AppLocation {
  if (!input.isPackaged && input.devServerUrl !== undefined && input.devServerUrl !== '') {
    const url = new URL(input.devServerUrl);
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) {
      return { kind: 'dev-server', url: url.href, origin: url.origin };
    }
  }
  const rendererDir = resolve(input.rendererDir);
  const indexFile = join(rendererDir, 'index.html');
  return { kind: 'file', url: pathToFileURL(indexFile).href, indexFile, rendererDir };
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function filePath(url: URL): string | null {
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

/** Whether `url` is the app's own page (any #fragment or ?query allowed). */
export function isAppPageUrl(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (location.kind === 'dev-server') return parsed.origin === location.origin;
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  return filePath(parsed) === location.indexFile;
}

/**
 * Schemes the page makes itself, and the media protocol (answered inside this process,
 * by token, only while the vault is unlocked); what each may load is up to the CSP.
 */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', `${MEDIA_SCHEME}:`]);

/**
 * Whether the window's session may fetch `url` at all. Everything else is cancelled:
 * no request leaves the machine, and file:// reaches nothing outside the renderer.
 */
export function isAllowedRequestUrl(url: string, location: AppLocation): boolean {
  const parsed = parse(url);
  if (parsed === null) return false;
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  if (location.kind === 'dev-server') {
    const dev = new URL(location.origin);
    // Vite's hot-reload socket is ws:// on the same host and port.
    return (parsed.protocol === 'http:' || parsed.protocol === 'ws:') && parsed.host === dev.host;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const path = filePath(parsed);
  if (path === null) return false;
  const inside = relative(location.rendererDir, path);
  return inside !== '' && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside);
}
