/**
 * Selection in the grid, as pure functions over the results' items: a click or an arrow
 * selects one item, Ctrl/Cmd toggles, Shift extends from the anchor, Ctrl/Cmd+A selects
 * all. Ids, not positions, are kept, so a selection survives the grid growing during an
 * import.
 *
 * Select-all is held as the query (`all`), not as ids: the engine counts it and acts on
 * it (countSelection, tagSelection), so a million results are never read into the window.
 * Ctrl/Cmd-clicks then deselect and reselect single items (the exceptions); a plain click
 * or a Shift-selection starts a selection of ids again.
 */
import type { ItemSummary } from '../../../../shared/items';
import type { QuerySelection } from '../../../../shared/organise';

/** A selected item and where it was in the grid when it was selected (its order for actions). */
export interface SelectedItem {
  readonly index: number;
  readonly item: ItemSummary;
}

export interface GridSelection {
  /** By item id. The items are kept here, not looked up: the grid keeps only pages near the view. */
  readonly selected: ReadonlyMap<string, SelectedItem>;
  /** Where a Shift-extension starts (an index into the results). */
  readonly anchor: number;
  /** Select-all: every item the query matches but the exceptions; `selected` is then empty. */
  readonly all?: { readonly query: string; readonly except: ReadonlySet<string> } | null;
}

export const EMPTY_SELECTION: GridSelection = { selected: new Map(), anchor: 0 };

export function isSelected(selection: GridSelection, id: string): boolean {
  return selection.all ? !selection.all.except.has(id) : selection.selected.has(id);
}

/** A select-all as the engine takes it; null for a selection of ids. */
export function querySelectionOf(selection: GridSelection): QuerySelection | null {
  return selection.all ? { query: selection.all.query, except: [...selection.all.except] } : null;
}

export interface Modifiers {
  readonly shift: boolean;
  /** Ctrl, or Cmd on macOS. */
  readonly toggle: boolean;
}

/** The items `from` to `to` of the results, in order (all loaded: the caller waits for them). */
export type Items = (from: number, to: number) => readonly ItemSummary[];

function entries(items: readonly ItemSummary[], from: number): Map<string, SelectedItem> {
  return new Map(items.map((item, i) => [item.id, { index: from + i, item }]));
}

/** The range a Shift-selection at `index` covers, in order. */
export function shiftRange(selection: GridSelection, index: number): readonly [number, number] {
  return selection.anchor <= index ? [selection.anchor, index] : [index, selection.anchor];
}

/** Selecting at `index` (a click, or moving there with an arrow); `items` must hold the range a Shift-selection covers. */
export function selectAt(selection: GridSelection, items: Items, index: number, modifiers: Modifiers): GridSelection {
  const item = items(index, index)[0];
  if (item === undefined) return selection;
  if (modifiers.shift) {
    const [from, to] = shiftRange(selection, index);
    return { selected: entries(items(from, to), from), anchor: selection.anchor };
  }
  if (modifiers.toggle && selection.all) {
    const except = new Set(selection.all.except);
    if (except.has(item.id)) except.delete(item.id);
    else except.add(item.id);
    return { selected: new Map(), anchor: index, all: { query: selection.all.query, except } };
  }
  if (modifiers.toggle) {
    const selected = new Map(selection.selected);
    if (selected.has(item.id)) selected.delete(item.id);
    else selected.set(item.id, { index, item });
    return { selected, anchor: index };
  }
  return { selected: entries([item], index), anchor: index };
}

/** Every item the query matches, by one engine call: nothing is read here. */
export function selectAll(query: string): GridSelection {
  return { selected: new Map(), anchor: 0, all: { query, except: new Set() } };
}

/** The selected items in grid order (the order exhibits are numbered in by default). */
export function selectedInOrder(selection: GridSelection): ItemSummary[] {
  return [...selection.selected.values()].sort((a, b) => a.index - b.index).map((s) => s.item);
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
