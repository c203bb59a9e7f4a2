/**
 * Who may call the engine: the main frame of the Tamga window, while it shows the app's
 * own page. Not a subframe, not another window, not the window after it was somehow
 * navigated elsewhere.
 */
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { isAppPageUrl, type AppLocation } from '../app-location';

export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, location: AppLocation): boolean {
  try {
    const frame = event.senderFrame;
    if (window === null || window.isDestroyed() || frame === null) return false;
    const contents = window.webContents;
    if (event.sender.id !== contents.id) return false;
    const main = contents.mainFrame;
    if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false;
    return isAppPageUrl(frame.url, location);
  } catch {
    // A frame disposed mid-call throws on access: it is not a sender to trust.
    return false;
  }
}
