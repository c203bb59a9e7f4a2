/**
 * The preload: exposes the API and shell contracts to the page as `window.tamga` (see
 * create-bridge.ts), over ipcRenderer and webUtils, and nothing else: no ipcRenderer,
 * no call-anything function, no Electron event object ever reaches the page.
 *
 * Each function hands back the main process's Result unchanged. It does not throw the
 * error itself: an Error crossing contextBridge keeps only its message (code and details
 * are lost), while a Result is plain data that crosses intact. src/renderer/src/api.ts
 * unwraps it.
 *
 * Runs sandboxed, so it is bundled into one CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { EVENT_CHANNEL } from '../shared/shell';
import { createBridge } from './create-bridge';

const bridge = createBridge({
  invoke: (channel, arg) => ipcRenderer.invoke(channel, arg),
  // Only the payload is passed on: the IpcRendererEvent holds ipcRenderer itself.
  listen: (listener) => ipcRenderer.on(EVENT_CHANNEL, (_event, payload: unknown) => listener(payload)),
  pathForFile: (file) => webUtils.getPathForFile(file),
});

contextBridge.exposeInMainWorld('tamga', bridge);
