/**
 * Which window-wide shortcut a key press is, by the physical key (KeyboardEvent.code), not
 * the letter it types: on a Russian or Kazakh layout Ctrl+L types "д" and Ctrl+F "а", and
 * matching the letter made both shortcuts do nothing there.
 */
export type Shortcut = 'lock' | 'search' | 'selectAll';

export interface KeyPress {
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

const BY_CODE: Readonly<Record<string, Shortcut>> = { KeyL: 'lock', KeyF: 'search', KeyA: 'selectAll' };

/** Ctrl (Cmd on a Mac) plus the key, and no Shift or Alt; null for any other press. */
export function shortcutOf(press: KeyPress, mac: boolean): Shortcut | null {
  const mod = mac ? press.metaKey : press.ctrlKey;
  if (!mod || press.shiftKey || press.altKey) return null;
  return BY_CODE[press.code] ?? null;
}

export function isMac(): boolean {
  return /Mac/.test(navigator.platform);
}
