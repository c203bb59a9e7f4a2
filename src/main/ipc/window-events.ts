/**
 * Engine events to the window: every event on the one EVENT_CHANNEL, to the main frame
 * of the Tamga window only (never to another frame or window).
 */
import type { BrowserWindow } from 'electron';
import type { ApiEvent } from '../../shared/api';
import { EVENT_CHANNEL } from '../../shared/shell';

export function sendToWindow(window: BrowserWindow | null, event: ApiEvent): void {
  if (window === null || window.isDestroyed()) return;
  window.webContents.mainFrame.send(EVENT_CHANNEL, event);
}
