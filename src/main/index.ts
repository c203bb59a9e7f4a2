/**
 * The Electron main process: the composition root. It only wires the pieces together:
 * the security rules (security.ts), the engine worker (engine-host/), the IPC handlers
 * (ipc/) and the window (window.ts). No feature logic lives here.
 *
 * Build layout this relies on (electron.vite.config.ts): out/main/index.js (this file),
 * out/main/engine-worker.js, out/preload/index.cjs, out/renderer/index.html.
 */
import { join } from 'node:path';
import { BrowserWindow, app, session } from 'electron';
import { resolveAppLocation } from './app-location';
import { startEngineHost } from './engine-host/host';
import { registerApi } from './ipc/register-api';
import { isTrustedSender } from './ipc/sender';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { SESSION_PARTITION } from './window-preferences';

const here = import.meta.dirname;

function start(): void {
  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    rendererDir: join(here, '../renderer'),
  });
  const engine = startEngineHost(join(here, 'engine-worker.js'));
  let window: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  registerApi((event) => isTrustedSender(event, window, location), engine.callEngine);

  const openWindow = (): void => {
    const opened = createMainWindow(location, join(here, '../preload/index.cjs'));
    // Closing the window locks the vault, even where the app itself stays running (macOS).
    opened.on('closed', () => {
      if (window === opened) window = null;
      void engine.callEngine('lockVault', undefined);
    });
    window = opened;
  };

  // A second launch brings the running window forward instead of opening the vault twice.
  app.on('second-instance', () => {
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Lock the vault and stop the worker before the process ends.
  let engineClosed = false;
  app.on('will-quit', (event) => {
    if (engineClosed) return;
    event.preventDefault();
    void engine.close().finally(() => {
      engineClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, location);
    hardenSession(session.fromPartition(SESSION_PARTITION), location);
    openWindow();
    app.on('activate', () => {
      if (window === null && BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
