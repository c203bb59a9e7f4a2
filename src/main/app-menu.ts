/**
 * The application menu, as a pure function of the platform and whether the app is
 * packaged, so a unit test can pin it without Electron (the import below is a type only).
 *
 * Packaged, the menu holds nothing a user of an evidence archive does not need: no
 * reload (which would drop what the window shows mid-import), no developer tools, no
 * zoom-reset surprises. macOS needs an app menu and an Edit menu (without them ⌘C and ⌘V
 * do not reach text fields); Windows and Linux get no menu bar at all, and Chromium still
 * handles Ctrl+C/V. Unpackaged (development), Electron's default menu stays.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** `null`: no menu bar. `'default'`: leave Electron's default menu (development only). */
export function appMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] | null | 'default' {
  if (!isPackaged) return 'default';
  if (platform !== 'darwin') return null;
  return [
    { role: 'appMenu', submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }] },
    { role: 'editMenu', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { role: 'windowMenu', submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] },
  ];
}
