/**
 * The Electron security checklist, applied in one place: every web contents refuses to
 * navigate, open windows or attach webviews; every session refuses permissions and
 * downloads, cancels any request that is not the app's own files, and stamps the CSP on
 * every response. Nothing here decides what is "the app": app-location.ts does.
 */
import type { Session, WebContents } from 'electron';
import { isAllowedRequestUrl, type AppLocation } from './app-location';
import { contentSecurityPolicy } from './csp';

/** Hardening for one web contents; call it from app's 'web-contents-created'. */
export function hardenWebContents(contents: WebContents): void {
  // The app is one page. Links in untrusted text (an EXIF comment, a file name) go nowhere.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    console.warn(`Blocked navigation to ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission the window gets: writing text to the clipboard, so a person can copy
 * a key fingerprint or a hash. Reading the clipboard, the camera, notifications and the
 * rest stay refused.
 */
export function isPermissionGranted(permission: string): boolean {
  return permission === 'clipboard-sanitized-write';
}

/** Hardening for a session; call it once the app is ready, for every session a window uses. */
export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.setSpellCheckerEnabled(false);
  // A download would write plaintext evidence outside the vault.
  session.on('will-download', (event) => event.preventDefault());

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, location);
    if (!allowed) console.warn(`Blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });

  // file:// responses carry no headers; the meta tag in index.html covers those.
  const policy = contentSecurityPolicy({ delivery: 'header', devServer: location.kind === 'dev-server' });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
