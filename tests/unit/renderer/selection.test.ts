// Grid selection and focus movement, the window session's lock, and the batching of media URLs.
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_SELECTION, isSelected, moveFocus, querySelectionOf, selectAll, selectAt, selectedInOrder } from '../../../src/renderer/src/features/library/selection';
import { MediaUrlStore } from '../../../src/renderer/src/features/media/media-url-store';
import { INITIAL_SESSION, sessionReducer } from '../../../src/renderer/src/session/session-state';
import type { VaultInfo } from '../../../src/shared/api';
import type { ItemSummary } from '../../../src/shared/items';

const all = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, originalName: `${id}.jpg` }) as ItemSummary);
const items = (from: number, to: number): readonly ItemSummary[] => all.slice(from, to + 1);
const plain = { shift: false, toggle: false };
const ids = (s: { selected: ReadonlyMap<string, unknown> }): string[] => [...s.selected.keys()].sort();

describe('selection', () => {
  it('selects one, toggles with Ctrl, extends with Shift from the anchor', () => {
    let s = selectAt(EMPTY_SELECTION, items, 1, plain);
    expect(ids(s)).toEqual(['b']);
    s = selectAt(s, items, 3, { shift: true, toggle: false });
    expect(ids(s)).toEqual(['b', 'c', 'd']);
    s = selectAt(s, items, 0, { shift: true, toggle: false });
    expect(ids(s)).toEqual(['a', 'b']);
    s = selectAt(s, items, 4, { shift: false, toggle: true });
    expect(ids(s)).toEqual(['a', 'b', 'e']);
    s = selectAt(s, items, 4, { shift: false, toggle: true });
    expect(ids(s)).toEqual(['a', 'b']);
  });

  it('holds select-all as the query, not ids: Ctrl deselects and reselects exceptions, a plain click starts over', () => {
    let s = selectAll('tag:police');
    expect(s.selected.size).toBe(0);
    expect(all.every((item) => isSelected(s, item.id))).toBe(true);
    expect(querySelectionOf(s)).toEqual({ query: 'tag:police', except: [] });
    s = selectAt(s, items, 1, { shift: false, toggle: true });
    s = selectAt(s, items, 3, { shift: false, toggle: true });
    expect(all.filter((item) => isSelected(s, item.id)).map((i) => i.id)).toEqual(['a', 'c', 'e']);
    expect(querySelectionOf(s)).toEqual({ query: 'tag:police', except: ['b', 'd'] });
    s = selectAt(s, items, 1, { shift: false, toggle: true });
    expect(querySelectionOf(s)).toEqual({ query: 'tag:police', except: ['d'] });
    s = selectAt(s, items, 2, plain);
    expect(querySelectionOf(s)).toBeNull();
    expect(ids(s)).toEqual(['c']);
  });

  it('hands the selected items on in grid order, whatever order they were picked in', () => {
    let s = selectAt(EMPTY_SELECTION, items, 4, plain);
    s = selectAt(s, items, 0, { shift: false, toggle: true });
    s = selectAt(s, items, 2, { shift: false, toggle: true });
    expect(selectedInOrder(s).map((i) => i.originalName)).toEqual(['a.jpg', 'c.jpg', 'e.jpg']);
  });

  it('moves focus by cell, row and page, within the grid', () => {
    expect(moveFocus('ArrowRight', 4, 5, 3, 2)).toBe(4);
    expect(moveFocus('ArrowDown', 1, 5, 3, 2)).toBe(4);
    expect(moveFocus('ArrowUp', 1, 5, 3, 2)).toBe(0);
    expect(moveFocus('PageDown', 0, 100, 4, 3)).toBe(12);
    expect(moveFocus('End', 0, 5, 3, 2)).toBe(4);
    expect(moveFocus('x', 0, 5, 3, 2)).toBeNull();
    expect(moveFocus('ArrowRight', 0, 0, 3, 2)).toBeNull();
  });
});

describe('session', () => {
  it('forgets everything but the vault folder on lock', () => {
    const info = { path: '/v', itemCount: 3 } as VaultInfo;
    const open = sessionReducer(INITIAL_SESSION, { type: 'unlocked', info, settings: { autoLockMinutes: 5, legacyHashes: false } });
    expect(open.status).toBe('unlocked');
    expect(sessionReducer(open, { type: 'locked', reason: 'idle' })).toEqual({ status: 'locked', reason: 'idle', lastPath: '/v', discardedDrafts: [] });
    const again = sessionReducer(sessionReducer(open, { type: 'locked', reason: 'user' }), { type: 'unlocked', info, settings: { autoLockMinutes: 5, legacyHashes: false } });
    expect(again.status === 'unlocked' && open.status === 'unlocked' && again.sessionId).not.toBe(open.status === 'unlocked' && open.sessionId);
  });

  it('keeps drafts per item while unlocked; a lock takes their text and leaves only which items had one', () => {
    const info = { path: '/v', itemCount: 3 } as VaultInfo;
    const settings = { autoLockMinutes: 5, legacyHashes: false };
    const saved = { title: '', description: '', notes: '', place: '' };
    const draft = { itemId: 'a', name: 'IMG_1.JPG', saved, savedPrivate: false, text: { ...saved, description: 'Ballot box carried out' }, descriptionPrivate: false };
    let state = sessionReducer(INITIAL_SESSION, { type: 'unlocked', info, settings });
    state = sessionReducer(state, { type: 'draft', draft });
    state = sessionReducer(state, { type: 'draft', draft: { ...draft, itemId: 'b', name: 'IMG_2.JPG' } });
    state = sessionReducer(state, { type: 'dropDraft', itemId: 'b' });
    expect(state.status === 'unlocked' && [...state.drafts.keys()]).toEqual(['a']);
    const locked = sessionReducer(state, { type: 'locked', reason: 'idle' });
    expect(locked).toEqual({ status: 'locked', reason: 'idle', lastPath: '/v', discardedDrafts: ['a'] });
    expect(JSON.stringify(locked)).not.toContain('Ballot');
    // The same lock heard twice (the window's own, then the engine's event) tells it once.
    expect(sessionReducer(locked, { type: 'locked', reason: 'idle' })).toEqual(locked);
    const next = sessionReducer(locked, { type: 'unlocked', info, settings });
    expect(next.status === 'unlocked' && next.discardedDrafts).toEqual(['a']);
    expect(next.status === 'unlocked' && next.drafts.size).toBe(0);
    expect(sessionReducer(next, { type: 'dismissDiscarded' })).toMatchObject({ discardedDrafts: [] });
  });
});

describe('media URLs', () => {
  it('are asked for in one batch per tick and cached', async () => {
    const fetchUrls = vi.fn(async (refs: readonly { item: string; variant: string }[]) => refs.map((r) => `u:${r.variant}:${r.item}`));
    const store = new MediaUrlStore(fetchUrls);
    const changed = vi.fn();
    store.subscribe(changed);
    expect(store.get({ item: 'a', variant: 'grid' })).toBeUndefined();
    expect(store.get({ item: 'b', variant: 'grid' })).toBeUndefined();
    await vi.waitFor(() => expect(changed).toHaveBeenCalled());
    expect(fetchUrls).toHaveBeenCalledOnce();
    expect(store.get({ item: 'a', variant: 'grid' })).toBe('u:grid:a');
    expect(fetchUrls).toHaveBeenCalledOnce();
  });
});
