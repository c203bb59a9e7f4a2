/**
 * Focus and selection in the grid, and what the keys do: arrows, Page Up/Down, Home and
 * End move (Shift extends the selection, Ctrl/Cmd moves focus alone), Ctrl/Cmd+Space
 * toggles, Ctrl/Cmd+A selects all, Escape clears, Space previews, Enter opens.
 *
 * The grid holds only the pages of results near the view: a Shift-selection across items
 * not read yet waits for their pages (`loadItems`) and then applies. Ctrl+A reads none:
 * it selects the query itself (selection.ts).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { ItemSummary } from '../../../../shared/items';
import { EMPTY_SELECTION, moveFocus, selectAll, selectAt, shiftRange, type GridSelection, type Modifiers } from './selection';
import type { GridGeometry } from './ThumbnailGrid';
import { isMac, shortcutOf } from '../workspace/shortcut-keys';

export interface GridActions {
  /** Space: show the preview of the focused item. */
  readonly preview: () => void;
  /** Enter or a double click: open the focused item in the detail pane. */
  readonly open: () => void;
}

export interface GridItems {
  /** Item `index` if its page is here. */
  readonly itemAt: (index: number) => ItemSummary | undefined;
  /** Items `from` to `to`, once their pages are here; null if the search changed meanwhile. */
  readonly loadItems: (from: number, to: number) => Promise<readonly ItemSummary[] | null>;
  /** How many results there are (focus can move onto a page still loading). */
  readonly total: number;
  /** The query the results are of (what select-all selects). */
  readonly query: string;
}

/** A selection of this many items or more may wait for pages: the window says it is working. */
const MANY = 500;

const toggleKey = (event: { ctrlKey: boolean; metaKey: boolean }): boolean => (isMac() ? event.metaKey : event.ctrlKey);

export function useGridState({ itemAt, loadItems, total, query }: GridItems, actions: GridActions, resetKey: string) {
  const [focus, setFocus] = useState(0);
  // A new search (not the same one read again after an import) starts at its first item.
  useEffect(() => setFocus(0), [resetKey]);
  const [selection, setSelection] = useState<GridSelection>(EMPTY_SELECTION);
  // A select-all is "all these results": another query's results are not what was selected.
  useEffect(() => setSelection((s) => (s.all && s.all.query !== query ? EMPTY_SELECTION : s)), [query]);
  /** How many items a selection is waiting for (their pages are being read); 0 when none. */
  const [selecting, setSelecting] = useState(0);
  const current = useRef(selection);
  current.current = selection;
  const focusIndex = Math.min(focus, Math.max(0, total - 1));

  /** Applies a selection at `index` once every item it covers is here. */
  const select = useCallback(
    (index: number, modifiers: Modifiers) => {
      const [from, to] = modifiers.shift ? shiftRange(current.current, index) : [index, index];
      const many = to - from >= MANY;
      if (many) setSelecting(to - from + 1);
      void loadItems(from, to).then((loaded) => {
        if (many) setSelecting(0);
        if (loaded === null) return;
        const items = (a: number, b: number): readonly ItemSummary[] => loaded.slice(a - from, b - from + 1);
        setSelection((s) => {
          // The anchor moved while the pages loaded: this range is no longer the one asked for.
          const [a, b] = shiftRange(s, index);
          return modifiers.shift && (a !== from || b !== to) ? s : selectAt(s, items, index, modifiers);
        });
      });
    },
    [loadItems],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, geometry: GridGeometry) => {
      const toggle = toggleKey(event);
      const next = moveFocus(event.key, focusIndex, total, geometry.columns, geometry.pageRows);
      if (next !== null) {
        event.preventDefault();
        setFocus(next);
        if (!toggle || event.shiftKey) select(next, { shift: event.shiftKey, toggle: false });
        return;
      }
      if (event.key === ' ') {
        event.preventDefault();
        if (toggle) select(focusIndex, { shift: false, toggle: true });
        else actions.preview();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        actions.open();
      } else if (shortcutOf(event, isMac()) === 'selectAll') {
        event.preventDefault();
        if (total > 0) setSelection(selectAll(query));
      } else if (event.key === 'Escape') {
        setSelection(EMPTY_SELECTION);
      }
    },
    [actions, focusIndex, query, select, total],
  );

  const onCellClick = useCallback(
    (index: number, event: MouseEvent) => {
      setFocus(index);
      select(index, { shift: event.shiftKey, toggle: toggleKey(event) });
    },
    [select],
  );

  return {
    focusIndex,
    focused: itemAt(focusIndex) ?? null,
    selection,
    selecting,
    clearSelection: () => setSelection(EMPTY_SELECTION),
    onKeyDown,
    onCellClick,
  };
}
