/**
 * The IPC handlers of the API contract: one per method the window may call (WINDOW_METHODS), each a one-liner
 * over answerApiCall, so a method cannot exist in the contract and be missing here.
 * The only file that touches ipcMain.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { WINDOW_METHODS, apiChannel } from '../../shared/api';
import { answerApiCall, type CallEngine } from './api-call';

export function registerApi(isTrusted: (event: IpcMainInvokeEvent) => boolean, callEngine: CallEngine): void {
  for (const method of WINDOW_METHODS) {
    ipcMain.handle(apiChannel(method), (event, ...args: unknown[]) => answerApiCall(method, args, isTrusted(event), callEngine));
  }
}
