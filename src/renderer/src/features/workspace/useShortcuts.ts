/** Window-wide keys: Ctrl/Cmd+L locks the vault at once, from anywhere; Ctrl/Cmd+F goes to the search. */
import { useEffect } from 'react';
import { isMac, shortcutOf } from './shortcut-keys';

export interface Shortcuts {
  readonly lock: () => void;
  readonly search: () => void;
}

export function useShortcuts(actions: Shortcuts): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const shortcut = shortcutOf(event, isMac());
      if (shortcut === 'lock') {
        event.preventDefault();
        actions.lock();
      } else if (shortcut === 'search') {
        event.preventDefault();
        actions.search();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
