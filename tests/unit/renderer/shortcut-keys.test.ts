// The window's shortcuts go by the physical key, so they work on a Russian or Kazakh layout
// (Ctrl+L types "д" there) as on an English one.
import { describe, expect, it } from 'vitest';
import { shortcutOf, type KeyPress } from '../../../src/renderer/src/features/workspace/shortcut-keys';

const press = (code: string, mods: Partial<KeyPress> = {}): KeyPress => ({ code, ctrlKey: true, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('shortcuts', () => {
  it('are found by the key, whatever letter the layout types', () => {
    expect(shortcutOf(press('KeyL'), false)).toBe('lock');
    expect(shortcutOf(press('KeyF'), false)).toBe('search');
    expect(shortcutOf(press('KeyA'), false)).toBe('selectAll');
  });

  it('need Ctrl (Cmd on a Mac) and neither Shift nor Alt', () => {
    expect(shortcutOf(press('KeyL', { ctrlKey: false }), false)).toBeNull();
    expect(shortcutOf(press('KeyL', { shiftKey: true }), false)).toBeNull();
    expect(shortcutOf(press('KeyL', { altKey: true }), false)).toBeNull();
    expect(shortcutOf(press('KeyL'), true)).toBeNull();
    expect(shortcutOf(press('KeyL', { ctrlKey: false, metaKey: true }), true)).toBe('lock');
    expect(shortcutOf(press('KeyK'), false)).toBeNull();
  });
});
