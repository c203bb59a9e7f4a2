// The handlers security.ts installs, driven through fake sessions and web contents (the
// Electron binary is absent here): navigation, new windows, webviews, permissions,
// downloads, requests outside the app, and the CSP on every response.
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { resolveAppLocation } from '../../src/main/app-location';
import { hardenSession, hardenWebContents, isPermissionGranted } from '../../src/main/security';

type Handler = (...args: unknown[]) => unknown;

function fakeContents() {
  const on = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on: (name: string, handler: Handler) => on.set(name, handler),
    setWindowOpenHandler: (handler: Handler) => (openHandler = handler),
  };
  return { contents: contents as unknown as WebContents, on, open: () => openHandler };
}

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const session = {
    setPermissionRequestHandler: (h: Handler) => (handlers['request'] = h),
    setPermissionCheckHandler: (h: Handler) => (handlers['check'] = h),
    setDevicePermissionHandler: (h: Handler) => (handlers['device'] = h),
    setSpellCheckerEnabled: vi.fn(),
    on: (name: string, h: Handler) => (handlers[name] = h),
    webRequest: {
      onBeforeRequest: (h: Handler) => (handlers['before'] = h),
      onHeadersReceived: (h: Handler) => (handlers['headers'] = h),
    },
  };
  return { session: session as unknown as Session, handlers, spell: session.setSpellCheckerEnabled };
}

const location = resolveAppLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: '/app/out/renderer' });
const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => undefined);

describe('web contents', () => {
  it('refuse navigation, new windows and webviews', () => {
    quiet();
    const { contents, on, open } = fakeContents();
    hardenWebContents(contents);
    const navigate = { url: 'https://example.com', preventDefault: vi.fn() };
    on.get('will-navigate')?.(navigate);
    expect(navigate.preventDefault).toHaveBeenCalled();
    const subframe = { isMainFrame: false, preventDefault: vi.fn() };
    on.get('will-frame-navigate')?.(subframe);
    expect(subframe.preventDefault).toHaveBeenCalled();
    expect(open()?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    on.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});

describe('sessions', () => {
  it('grant only clipboard writes, and never devices', () => {
    const { session, handlers, spell } = fakeSession();
    hardenSession(session, location);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      handlers['request']?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers['check']?.(null, permission)).toBe(false);
    }
    const callback = vi.fn();
    handlers['request']?.(null, 'clipboard-sanitized-write', callback);
    expect(callback).toHaveBeenCalledWith(true);
    expect(isPermissionGranted('clipboard-sanitized-write')).toBe(true);
    expect(handlers['device']?.()).toBe(false);
    expect(spell).toHaveBeenCalledWith(false);
  });

  it('cancel downloads and requests outside the app, and stamp the CSP on responses', () => {
    quiet();
    const { session, handlers } = fakeSession();
    hardenSession(session, location);
    const download = { preventDefault: vi.fn() };
    handlers['will-download']?.(download);
    expect(download.preventDefault).toHaveBeenCalled();
    const answer = vi.fn();
    handlers['before']?.({ url: 'https://example.com/x.js' }, answer);
    expect(answer).toHaveBeenLastCalledWith({ cancel: true });
    handlers['before']?.({ url: 'tamga-media://media/abc' }, answer);
    expect(answer).toHaveBeenLastCalledWith({ cancel: false });
    const headers = vi.fn();
    handlers['headers']?.({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, headers);
    const sent = headers.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> };
    expect(Object.keys(sent.responseHeaders)).toEqual(['Content-Security-Policy']);
    expect(sent.responseHeaders['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
  });
});
