/**
 * A second launch of Tamga while it runs: Electron's single-instance lock makes the new
 * process quit (index.ts) and tells the running one, which brings its window forward
 * instead of opening the vault twice. The window is injected (a BrowserWindow in the
 * app), so this file does not import Electron.
 */

/** The part of a BrowserWindow a second launch uses. */
export interface FocusableWindow {
  isMinimized(): boolean;
  restore(): void;
  focus(): void;
}

/** The running app's 'second-instance': restores and focuses its window, if it has one. */
export function focusExisting(window: FocusableWindow | null): void {
  if (window === null) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}
