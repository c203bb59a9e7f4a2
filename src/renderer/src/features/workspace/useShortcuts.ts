/** Window-wide keys: Ctrl/Cmd+L locks the vault at once, from anywhere; Ctrl/Cmd+F goes to the search. */
import { useEffect } from 'react';

export interface Shortcuts {
  readonly lock: () => void;
  readonly search: () => void;
}

export function useShortcuts(actions: Shortcuts): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const mod = /Mac/.test(navigator.platform) ? event.metaKey : event.ctrlKey;
      if (!mod || event.shiftKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'l') {
        event.preventDefault();
        actions.lock();
      } else if (key === 'f') {
        event.preventDefault();
        actions.search();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
