/**
 * Focus and selection in the grid, and what the keys do: arrows, Page Up/Down, Home and
 * End move (Shift extends the selection, Ctrl/Cmd moves focus alone), Ctrl/Cmd+Space
 * toggles, Ctrl/Cmd+A selects all, Escape clears, Space previews, Enter opens.
 */
import { useCallback, useEffect, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ItemSummary } from '../../../../shared/items';
import { EMPTY_SELECTION, moveFocus, selectAll, selectAt, type GridSelection } from './selection';
import type { GridGeometry } from './ThumbnailGrid';

export interface GridActions {
  /** Space: show the preview of the focused item. */
  readonly preview: () => void;
  /** Enter or a double click: open the focused item in the detail pane. */
  readonly open: () => void;
}

const isMac = (): boolean => /Mac/.test(navigator.platform);
const toggleKey = (event: { ctrlKey: boolean; metaKey: boolean }): boolean => (isMac() ? event.metaKey : event.ctrlKey);

/** `total` may exceed the items loaded so far: focus can move onto a page still loading. */
export function useGridState(items: readonly ItemSummary[], total: number, actions: GridActions, resetKey: string) {
  const [focus, setFocus] = useState(0);
  // A new search (not the same one read again after an import) starts at its first item.
  useEffect(() => setFocus(0), [resetKey]);
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION);
  const ids = useMemo(() => items.map((item) => item.id), [items]);
  const focusIndex = Math.min(focus, Math.max(0, total - 1));

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, geometry: GridGeometry) => {
      const toggle = toggleKey(event);
      const next = moveFocus(event.key, focusIndex, total, geometry.columns, geometry.pageRows);
      if (next !== null) {
        event.preventDefault();
        setFocus(next);
        if (!toggle || event.shiftKey) setSelection((s) => selectAt(s, ids, next, { shift: event.shiftKey, toggle: false }));
        return;
      }
      if (event.key === ' ') {
        event.preventDefault();
        if (toggle) setSelection((s) => selectAt(s, ids, focusIndex, { shift: false, toggle: true }));
        else actions.preview();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        actions.open();
      } else if (toggle && event.key.toLowerCase() === 'a') {
        event.preventDefault();
        setSelection(selectAll(ids));
      } else if (event.key === 'Escape') {
        setSelection(EMPTY_SELECTION);
      }
    },
    [actions, focusIndex, ids, total],
  );

  const onCellClick = useCallback(
    (index: number, event: MouseEvent) => {
      setFocus(index);
      setSelection((s) => selectAt(s, ids, index, { shift: event.shiftKey, toggle: toggleKey(event) }));
    },
    [ids],
  );

  return {
    focusIndex,
    focused: items[focusIndex] ?? null,
    selection,
    clearSelection: () => setSelection(EMPTY_SELECTION),
    onKeyDown,
    onCellClick,
  };
}
