/**
 * The Electron main process: the composition root. It only wires the pieces together:
 * the security rules (security.ts), the engine worker (engine-host/), the IPC handlers
 * (ipc/), the media protocol (media/), auto-lock and keeping awake (auto-lock.ts,
 * work-in-progress.ts, power.ts), what a crashed window does (renderer-crash.ts,
 * window-crash.ts), a second launch (second-instance.ts) and the window (window.ts). No
 * feature logic lives here.
 *
 * Build layout this relies on (electron.vite.config.ts): out/main/index.js (this file),
 * out/main/engine-worker.js, out/preload/index.cjs, out/renderer/index.html.
 */
import { join } from 'node:path';
import { BrowserWindow, Menu, app, powerMonitor, session, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../shared/errors';
import type { ExtractResult } from '../shared/items';
import type { MediaChunk } from '../shared/media';
import { resolveAppLocation } from './app-location';
import { appMenuTemplate } from './app-menu';
import { AutoLock } from './auto-lock';
import { chooseFolder, chooseImportSources, chooseSavePath } from './dialogs';
import { startEngineHost } from './engine-host/host';
import { registerApi } from './ipc/register-api';
import { registerShell } from './ipc/register-shell';
import { saveOriginalCopy } from './ipc/save-original';
import { isTrustedSender } from './ipc/sender';
import { sendToWindow } from './ipc/window-events';
import { registerMediaScheme, serveMedia } from './media/media-protocol';
import { mediaUrl } from './media/media-scheme';
import { createMediaService } from './media/media-service';
import { keepAwakeSwitch, watchPower } from './power';
import { RendererCrashes } from './renderer-crash';
import { focusExisting } from './second-instance';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';
import { WindowCrash, type CrashedWindow } from './window-crash';
import { SESSION_PARTITION } from './window-preferences';
import { WorkInProgress } from './work-in-progress';

const here = import.meta.dirname;

function start(): void {
  const location = resolveAppLocation({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    rendererDir: join(here, '../renderer'),
  });
  const engine = startEngineHost(join(here, 'engine-worker.js'));
  let window: BrowserWindow | null = null;

  const media = createMediaService({ read: (request) => engine.callEngine('readMedia', request) as Promise<Result<MediaChunk>>, urlFor: mediaUrl });
  const work = new WorkInProgress({ keepAwake: keepAwakeSwitch(), onKeyWorkEnded: () => autoLock.workEnded() });
  const autoLock = new AutoLock({ idleSeconds: () => powerMonitor.getSystemIdleTime(), lock: (reason) => void engine.lock(reason), working: () => work.needsKeys });
  engine.onEvent((event) => {
    media.onEngineEvent(event);
    autoLock.onEngineEvent(event);
    sendToWindow(window, event);
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  const trusted = (event: IpcMainInvokeEvent): boolean => isTrustedSender(event, window, location);
  registerApi(trusted, (method, arg) => work.track(method, () => engine.callEngine(method, arg)));
  registerShell(trusted, {
    chooseFolder: (request) => chooseFolder(window, request),
    chooseImportSources: (request) => chooseImportSources(window, request),
    saveOriginalCopy: (request) =>
      saveOriginalCopy(request, {
        chooseSavePath: (ask) => chooseSavePath(window, ask),
        extract: (extract) => engine.callEngine('extractItem', extract) as Promise<Result<ExtractResult>>,
      }),
    mediaUrls: (refs) => media.urls(refs),
  });

  const windowCrash = new WindowCrash({ crashes: new RendererCrashes(), lock: (reason) => void engine.lock(reason), armed: () => autoLock.armed });

  const openWindow = (): void => {
    const opened = createMainWindow(location, join(here, '../preload/index.cjs'));
    const crashed: CrashedWindow = {
      reload: () => opened.webContents.reload(),
      close: () => opened.close(),
      notice: (reason) => sendToWindow(opened, { type: 'vaultLocked', reason }),
    };
    opened.webContents.on('render-process-gone', (_event, details) => windowCrash.gone(crashed, details));
    opened.webContents.on('did-finish-load', () => windowCrash.loaded(crashed));
    // Closing the window locks the vault, even where the app itself stays running (macOS).
    opened.on('closed', () => {
      if (window === opened) window = null;
      void engine.lock('user');
    });
    window = opened;
  };

  // A second launch brings the running window forward instead of opening the vault twice.
  app.on('second-instance', () => focusExisting(window));

  // A GPU or utility process dying is Chromium's to restart; it is only logged.
  app.on('child-process-gone', (_event, details) => console.error(`A ${details.type} process is gone (${details.reason}).`));

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
    const menu = appMenuTemplate(process.platform, app.isPackaged);
    if (menu !== 'default') Menu.setApplicationMenu(menu === null ? null : Menu.buildFromTemplate(menu));
    hardenSession(session.defaultSession, location);
    const windowSession = session.fromPartition(SESSION_PARTITION);
    hardenSession(windowSession, location);
    serveMedia(windowSession, media);
    watchPower(autoLock);
    openWindow();
    app.on('activate', () => {
      if (window === null && BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });
}

// Every renderer sandboxed, whatever a window's own preferences say.
app.enableSandbox();
// Schemes must be declared before the app is ready.
registerMediaScheme();

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
