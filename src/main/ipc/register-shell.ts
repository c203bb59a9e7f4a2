/**
 * The IPC handlers of the shell contract (src/shared/shell.ts): one per SHELL_METHODS
 * entry, each a one-liner over answerShellCall.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { SHELL_METHODS, shellChannel } from '../../shared/shell';
import { answerShellCall, type ShellHandlers } from './shell-call';

export function registerShell(isTrusted: (event: IpcMainInvokeEvent) => boolean, handlers: ShellHandlers): void {
  for (const method of SHELL_METHODS) {
    ipcMain.handle(shellChannel(method), (event, ...args: unknown[]) => answerShellCall(method, args, isTrusted(event), handlers));
  }
}
