/**
 * The preload: exposes the API contract to the page as `window.tamga`, one named function
 * per method of API_METHODS, and nothing else (no ipcRenderer, no call-anything function).
 *
 * Each function forwards exactly one argument on the method's own `tamga:` channel and
 * hands back the main process's Result unchanged. It does not throw the error itself:
 * an Error crossing contextBridge keeps only its message (code and details are lost),
 * while a Result is plain data that crosses intact. src/renderer/src/api.ts unwraps it.
 *
 * Runs sandboxed, so it is bundled into one CommonJS file that requires only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, apiChannel } from '../shared/api';
import type { TamgaBridge } from './bridge';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg?: unknown): Promise<unknown> => ipcRenderer.invoke(apiChannel(method), arg)]),
) as unknown as TamgaBridge;

contextBridge.exposeInMainWorld('tamga', bridge);
