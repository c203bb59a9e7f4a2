/**
 * The one Tamga window: hardened preferences (window-preferences.ts), shown once its
 * first paint is ready, with a background that matches the page's light or dark theme so
 * that opening it does not flash.
 */
/// <reference types="electron-vite/node" />
import { BrowserWindow, app, nativeTheme } from 'electron';
import icon from '../../resources/icon.png?asset';
import type { AppLocation } from './app-location';
import { secureWebPreferences } from './window-preferences';

/** The page's --background colours in src/renderer/src/styles.css. */
const BACKGROUND = { light: '#f7f5f0', dark: '#17191c' } as const;

export function createMainWindow(location: AppLocation, preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Tamga',
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    // macOS and Windows take the icon from the app bundle; Linux needs it on the window.
    ...(process.platform === 'linux' ? { icon } : {}),
    webPreferences: secureWebPreferences(preloadPath, { devTools: !app.isPackaged }),
  });
  window.once('ready-to-show', () => window.show());
  const loaded = location.kind === 'file' ? window.loadFile(location.indexFile) : window.loadURL(location.url);
  loaded.catch((error: unknown) => console.error('The window could not load its page:', error));
  return window;
}
