// The window's security settings, pinned without Electron: the web preferences, the CSP
// (header, meta tag and the one in index.html), which URLs count as the app, and the IPC
// boundary (untrusted senders refused, argument shapes checked, nothing thrown across).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedRequestUrl, isAppPageUrl, resolveAppLocation, type AppLocation } from '../../src/main/app-location';
import { contentSecurityPolicy } from '../../src/main/csp';
import { dispatch } from '../../src/main/engine-host/dispatch';
import type { Engine } from '../../src/main/engine/api';
import { answerApiCall, argumentProblem } from '../../src/main/ipc/api-call';
import { SESSION_PARTITION, secureWebPreferences } from '../../src/main/window-preferences';
import { API_METHODS } from '../../src/shared/api';
import { TamgaError } from '../../src/shared/errors';

const ROOT = join(import.meta.dirname, '..', '..');

describe('web preferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs', { devTools: false });

  it('isolates and sandboxes the renderer, with no Node and no webviews', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('uses an in-memory session', () => {
    expect(prefs.partition).toBe(SESSION_PARTITION);
    expect(SESSION_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('enables devTools only when asked (unpackaged builds)', () => {
    expect(secureWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});

describe('content security policy', () => {
  const header = contentSecurityPolicy({ delivery: 'header' });
  const meta = contentSecurityPolicy({ delivery: 'meta' });
  const directive = (policy: string, name: string): string | undefined =>
    policy.split('; ').find((d) => d.startsWith(`${name} `));

  it('allows only the app itself, with no eval and no inline script', () => {
    expect(directive(header, 'default-src')).toBe("default-src 'self'");
    expect(directive(header, 'script-src')).toBe("script-src 'self'");
    expect(directive(header, 'object-src')).toBe("object-src 'none'");
    expect(directive(header, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(header, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-eval');
    expect(header).not.toMatch(/https?:|\*/);
  });

  it('leaves out of the meta tag what a meta tag cannot carry', () => {
    expect(meta).not.toContain('frame-ancestors');
    expect(directive(meta, 'script-src')).toBe("script-src 'self'");
  });

  it('loosens only script-src, only for the dev server', () => {
    const dev = contentSecurityPolicy({ delivery: 'header', devServer: true });
    expect(directive(dev, 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(dev.replace("script-src 'self' 'unsafe-inline'", "script-src 'self'")).toBe(header);
  });

  it('is the policy in the meta tag of src/renderer/index.html', () => {
    const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8');
    const found = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
    expect(found?.[1]).toBe(meta);
  });
});

describe('app location', () => {
  const rendererDir = join(ROOT, 'out', 'renderer');
  const built = resolveAppLocation({ isPackaged: false, devServerUrl: undefined, rendererDir });
  const dev: AppLocation = resolveAppLocation({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererDir });
  const fileUrl = (...parts: string[]): string => pathToFileURL(join(rendererDir, ...parts)).href;

  it('loads the built page, and the dev server only unpackaged and on this machine', () => {
    expect(built).toMatchObject({ kind: 'file', url: fileUrl('index.html') });
    expect(dev).toMatchObject({ kind: 'dev-server', origin: 'http://localhost:5173' });
    expect(resolveAppLocation({ isPackaged: true, devServerUrl: 'http://localhost:5173/', rendererDir }).kind).toBe('file');
    expect(resolveAppLocation({ isPackaged: false, devServerUrl: 'http://example.com/', rendererDir }).kind).toBe('file');
    expect(resolveAppLocation({ isPackaged: false, devServerUrl: 'https://localhost:5173/', rendererDir }).kind).toBe('file');
  });

  it('recognises the app page and nothing else', () => {
    expect(isAppPageUrl(fileUrl('index.html'), built)).toBe(true);
    expect(isAppPageUrl(`${fileUrl('index.html')}#/items`, built)).toBe(true);
    expect(isAppPageUrl(fileUrl('other.html'), built)).toBe(false);
    expect(isAppPageUrl(pathToFileURL('/tmp/index.html').href, built)).toBe(false);
    expect(isAppPageUrl('https://example.com/', built)).toBe(false);
    expect(isAppPageUrl('not a url', built)).toBe(false);
    expect(isAppPageUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppPageUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppPageUrl(fileUrl('index.html'), dev)).toBe(false);
  });

  it('lets the page fetch its own files only', () => {
    expect(isAllowedRequestUrl(fileUrl('assets', 'index-abc.js'), built)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', built)).toBe(true);
    expect(isAllowedRequestUrl('blob:file:///0b1c', built)).toBe(true);
    expect(isAllowedRequestUrl(pathToFileURL('/etc/passwd').href, built)).toBe(false);
    expect(isAllowedRequestUrl(`${fileUrl('assets')}/../../secret.txt`, built)).toBe(false);
    expect(isAllowedRequestUrl(`${fileUrl()}%2F..%2Fsecret.txt`, built)).toBe(false);
    expect(isAllowedRequestUrl('file://server/share/x.js', built)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/x.js', built)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', built)).toBe(false);
  });

  it('in development, reaches the dev server and its hot-reload socket only', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:8080/', dev)).toBe(false);
    expect(isAllowedRequestUrl('https://example.com/', dev)).toBe(false);
    expect(isAllowedRequestUrl(fileUrl('index.html'), dev)).toBe(false);
  });
});

describe('IPC calls', () => {
  it('checks the shape of each argument against the contract', () => {
    expect(argumentProblem('inspectVault', ['/v'])).toBeNull();
    expect(argumentProblem('inspectVault', [{ path: '/v' }])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('unlockVault', [{ path: '/v', passphrase: 'p' }])).toBeNull();
    expect(argumentProblem('unlockVault', ['/v'])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('unlockVault', [null])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('unlockVault', [[]])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('lockVault', [undefined])).toBeNull();
    expect(argumentProblem('lockVault', [])).toBeNull();
    expect(argumentProblem('lockVault', ['x'])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('inspectVault', ['/v', 'extra'])?.code).toBe('INVALID_ARGUMENT');
    // setOperator takes an operator, or null to clear it; nothing else.
    expect(argumentProblem('setOperator', [{ name: 'Aigerim Sultanova' }])).toBeNull();
    expect(argumentProblem('setOperator', [null])).toBeNull();
    expect(argumentProblem('setOperator', [])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('setOperator', ['Aigerim'])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('setOperator', [[]])?.code).toBe('INVALID_ARGUMENT');
    // setTimestampServers takes one list of addresses (possibly empty), nothing else.
    expect(argumentProblem('setTimestampServers', [['http://tsa.example.org/tsr']])).toBeNull();
    expect(argumentProblem('setTimestampServers', [[]])).toBeNull();
    expect(argumentProblem('setTimestampServers', ['http://tsa.example.org/tsr'])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('setTimestampServers', [[1]])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('setTimestampServers', [{ urls: [] }])?.code).toBe('INVALID_ARGUMENT');
    expect(argumentProblem('getTimestamps', [])).toBeNull();
  });

  it('refuses an untrusted sender without reaching the engine', async () => {
    const callEngine = vi.fn();
    const result = await answerApiCall('vaultInfo', [], false, callEngine);
    expect(result).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    expect(callEngine).not.toHaveBeenCalled();
  });

  it('forwards a well-formed call and answers with the engine Result', async () => {
    const callEngine = vi.fn(async () => ({ ok: true as const, value: 'info' }));
    expect(await answerApiCall('inspectVault', ['/v'], true, callEngine)).toEqual({ ok: true, value: 'info' });
    expect(callEngine).toHaveBeenCalledWith('inspectVault', '/v');
  });

  it('answers with a Result even when the host throws', async () => {
    const result = await answerApiCall('vaultInfo', [], true, async () => {
      throw new Error('worker gone');
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { message: 'worker gone' } } });
  });
});

describe('engine worker dispatch', () => {
  const engine = Object.fromEntries(API_METHODS.map((m) => [m, vi.fn(async () => undefined)])) as unknown as Engine;
  Object.assign(engine, {
    inspectVault: async (path: string) => ({ path }),
    vaultInfo: async () => {
      throw new TamgaError('VAULT_LOCKED', 'No vault is unlocked.');
    },
    lockVault: async () => {
      throw new RangeError('bug');
    },
    close: vi.fn(async () => undefined),
  });

  it('answers a call with its value', async () => {
    const answer = await dispatch(engine, { kind: 'call', id: 7, method: 'inspectVault', args: ['/v'] });
    expect(answer).toEqual({ kind: 'result', id: 7, result: { ok: true, value: { path: '/v' } } });
  });

  it('sends a TamgaError as its data, with its code', async () => {
    const answer = await dispatch(engine, { kind: 'call', id: 8, method: 'vaultInfo', args: [] });
    expect(answer.result).toEqual({ ok: false, error: { code: 'VAULT_LOCKED', message: 'No vault is unlocked.' } });
  });

  it('sends any other failure as INTERNAL', async () => {
    const answer = await dispatch(engine, { kind: 'call', id: 9, method: 'lockVault', args: [] });
    expect(answer.result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { name: 'RangeError', message: 'bug' } } });
  });

  it('refuses a method outside the contract', async () => {
    const message = { kind: 'call', id: 10, method: 'close', args: [] } as const;
    const answer = await dispatch(engine, message as unknown as Parameters<typeof dispatch>[1]);
    expect(answer.result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(engine.close).not.toHaveBeenCalled();
  });

  it('closes the engine on close', async () => {
    expect(await dispatch(engine, { kind: 'close', id: 11 })).toEqual({ kind: 'result', id: 11, result: { ok: true, value: undefined } });
    expect(engine.close).toHaveBeenCalledOnce();
  });
});
