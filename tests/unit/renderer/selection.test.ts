// Grid selection and focus movement, the window session's lock, and the batching of media URLs.
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_SELECTION, moveFocus, selectAll, selectAt } from '../../../src/renderer/src/features/library/selection';
import { MediaUrlStore } from '../../../src/renderer/src/features/media/media-url-store';
import { INITIAL_SESSION, sessionReducer } from '../../../src/renderer/src/session/session-state';
import type { VaultInfo } from '../../../src/shared/api';

const ids = ['a', 'b', 'c', 'd', 'e'];
const plain = { shift: false, toggle: false };

describe('selection', () => {
  it('selects one, toggles with Ctrl, extends with Shift from the anchor', () => {
    let s = selectAt(EMPTY_SELECTION, ids, 1, plain);
    expect([...s.selected]).toEqual(['b']);
    s = selectAt(s, ids, 3, { shift: true, toggle: false });
    expect([...s.selected].sort()).toEqual(['b', 'c', 'd']);
    s = selectAt(s, ids, 0, { shift: true, toggle: false });
    expect([...s.selected].sort()).toEqual(['a', 'b']);
    s = selectAt(s, ids, 4, { shift: false, toggle: true });
    expect([...s.selected].sort()).toEqual(['a', 'b', 'e']);
    s = selectAt(s, ids, 4, { shift: false, toggle: true });
    expect([...s.selected].sort()).toEqual(['a', 'b']);
    expect(selectAll(ids).selected.size).toBe(5);
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
    expect(sessionReducer(open, { type: 'locked', reason: 'idle' })).toEqual({ status: 'locked', reason: 'idle', lastPath: '/v' });
    const again = sessionReducer(sessionReducer(open, { type: 'locked', reason: 'user' }), { type: 'unlocked', info, settings: { autoLockMinutes: 5, legacyHashes: false } });
    expect(again.status === 'unlocked' && open.status === 'unlocked' && again.sessionId).not.toBe(open.status === 'unlocked' && open.sessionId);
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
