/**
 * Selection in the grid, as pure functions over item ids: a click or an arrow selects one
 * item, Ctrl/Cmd toggles, Shift extends from the anchor, Ctrl/Cmd+A selects all. Ids,
 * not positions, are kept, so a selection survives the grid growing during an import.
 */

export interface GridSelection {
  readonly selected: ReadonlySet<string>;
  /** Where a Shift-extension starts (an index into the items). */
  readonly anchor: number;
}

export const EMPTY_SELECTION: GridSelection = { selected: new Set(), anchor: 0 };

export interface Modifiers {
  readonly shift: boolean;
  /** Ctrl, or Cmd on macOS. */
  readonly toggle: boolean;
}

function range(ids: readonly string[], from: number, to: number): Set<string> {
  const [start, end] = from <= to ? [from, to] : [to, from];
  return new Set(ids.slice(Math.max(0, start), end + 1));
}

/** Selecting at `index` (a click, or moving there with an arrow). */
export function selectAt(selection: GridSelection, ids: readonly string[], index: number, modifiers: Modifiers): GridSelection {
  const id = ids[index];
  if (id === undefined) return selection;
  if (modifiers.shift) return { selected: range(ids, selection.anchor, index), anchor: selection.anchor };
  if (modifiers.toggle) {
    const selected = new Set(selection.selected);
    if (selected.has(id)) selected.delete(id);
    else selected.add(id);
    return { selected, anchor: index };
  }
  return { selected: new Set([id]), anchor: index };
}

export function selectAll(ids: readonly string[]): GridSelection {
  return { selected: new Set(ids), anchor: 0 };
}

/** The index focus moves to for a key, or null for keys the grid does not move on. */
export function moveFocus(key: string, index: number, count: number, columns: number, pageRows: number): number | null {
  if (count === 0) return null;
  const clamp = (n: number): number => Math.min(count - 1, Math.max(0, n));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + columns);
    case 'ArrowUp':
      return clamp(index - columns);
    case 'PageDown':
      return clamp(index + columns * pageRows);
    case 'PageUp':
      return clamp(index - columns * pageRows);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
