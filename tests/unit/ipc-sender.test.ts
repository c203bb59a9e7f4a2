// Who may call the engine over IPC (src/main/ipc/sender.ts, its real code): the main
// frame of the Tamga window showing the app's own page, and nothing else.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { resolveAppLocation } from '../../src/main/app-location';
import { isTrustedSender } from '../../src/main/ipc/sender';

const location = resolveAppLocation({ isPackaged: true, devServerUrl: undefined, rendererDir: join('/opt', 'tamga', 'renderer') });
const PAGE = pathToFileURL(join('/opt', 'tamga', 'renderer', 'index.html')).href;

interface Frame {
  processId: number;
  frameToken: string;
  url: string;
}

function windowWith(id: number, main: Frame, destroyed = false): BrowserWindow {
  return { isDestroyed: () => destroyed, webContents: { id, mainFrame: main } } as unknown as BrowserWindow;
}

function event(senderId: number, frame: Frame | null | (() => never)): IpcMainInvokeEvent {
  const base = { sender: { id: senderId } };
  if (typeof frame === 'function') return Object.defineProperty(base, 'senderFrame', { get: frame }) as unknown as IpcMainInvokeEvent;
  return { ...base, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const main: Frame = { processId: 7, frameToken: 'main', url: PAGE };

describe('the IPC sender check', () => {
  it('trusts the main frame of the window on the app page', () => {
    expect(isTrustedSender(event(1, main), windowWith(1, main), location)).toBe(true);
  });

  it('refuses a subframe, another window, a navigated page, a closed or missing window, a frame gone mid-call', () => {
    expect(isTrustedSender(event(1, { ...main, frameToken: 'child' }), windowWith(1, main), location)).toBe(false);
    expect(isTrustedSender(event(1, { ...main, processId: 8 }), windowWith(1, main), location)).toBe(false);
    expect(isTrustedSender(event(2, main), windowWith(1, main), location)).toBe(false);
    const elsewhere = { ...main, url: 'https://example.org/' };
    expect(isTrustedSender(event(1, elsewhere), windowWith(1, elsewhere), location)).toBe(false);
    const otherFile = { ...main, url: pathToFileURL('/tmp/evil.html').href };
    expect(isTrustedSender(event(1, otherFile), windowWith(1, otherFile), location)).toBe(false);
    expect(isTrustedSender(event(1, main), windowWith(1, main, true), location)).toBe(false);
    expect(isTrustedSender(event(1, main), null, location)).toBe(false);
    expect(isTrustedSender(event(1, null), windowWith(1, main), location)).toBe(false);
    const disposed = (): never => {
      throw new Error('Render frame was disposed before WebFrameMain could be accessed');
    };
    expect(isTrustedSender(event(1, disposed), windowWith(1, main), location)).toBe(false);
  });
});
