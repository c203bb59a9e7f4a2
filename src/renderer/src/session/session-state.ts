/**
 * The window's one piece of global state: whether a vault is unlocked, and which. Every
 * other state lives under the unlocked tree, keyed by `sessionId`, so that a lock (from
 * any source) unmounts it all: selections, open items, media URLs, search text.
 */
import type { VaultInfo } from '../../../shared/api';
import type { LockReason, VaultSettings } from '../../../shared/session';
import type { Draft } from './drafts';

export type SessionState =
  | {
      readonly status: 'locked';
      /** Why the last session ended (null at start), to tell the person it was not their doing. */
      readonly reason: LockReason | null;
      /** The last vault's folder, to offer it again. */
      readonly lastPath: string | null;
      /** Items whose unsaved description the last lock discarded unasked (ids only: the text went with the keys). */
      readonly discardedDrafts: readonly string[];
    }
  | {
      readonly status: 'unlocked';
      readonly info: VaultInfo;
      readonly settings: VaultSettings;
      readonly sessionId: number;
      /** Unsaved description edits, by item id (drafts.ts). */
      readonly drafts: ReadonlyMap<string, Draft>;
      /** What the lock before this unlock discarded unasked, until the person has read it. */
      readonly discardedDrafts: readonly string[];
    };

export type SessionAction =
  | { readonly type: 'unlocked'; readonly info: VaultInfo; readonly settings: VaultSettings }
  | { readonly type: 'locked'; readonly reason: LockReason }
  | { readonly type: 'info'; readonly info: VaultInfo }
  | { readonly type: 'settings'; readonly settings: VaultSettings }
  | { readonly type: 'draft'; readonly draft: Draft }
  | { readonly type: 'dropDraft'; readonly itemId: string }
  | { readonly type: 'dismissDiscarded' };

export const INITIAL_SESSION: SessionState = { status: 'locked', reason: null, lastPath: null, discardedDrafts: [] };

const NO_DRAFTS: ReadonlyMap<string, Draft> = new Map();

let nextSessionId = 1;

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'unlocked':
      return { status: 'unlocked', info: action.info, settings: action.settings, sessionId: nextSessionId++, drafts: NO_DRAFTS, discardedDrafts: state.discardedDrafts };
    case 'locked':
      // Whatever drafts are left were not saved or discarded by the person: the lock came
      // without asking (idle, sleep, a crash). Their text goes; that they existed is told.
      return state.status === 'unlocked'
        ? { status: 'locked', reason: action.reason, lastPath: state.info.path, discardedDrafts: [...state.drafts.keys()] }
        : state.reason === action.reason
          ? state
          : { ...state, reason: action.reason };
    case 'draft': {
      if (state.status !== 'unlocked') return state;
      const drafts = new Map(state.drafts);
      drafts.set(action.draft.itemId, action.draft);
      return { ...state, drafts };
    }
    case 'dropDraft': {
      if (state.status !== 'unlocked' || !state.drafts.has(action.itemId)) return state;
      const drafts = new Map(state.drafts);
      drafts.delete(action.itemId);
      return { ...state, drafts };
    }
    case 'dismissDiscarded':
      return state.status === 'unlocked' ? { ...state, discardedDrafts: [] } : state;
    case 'info':
      return state.status === 'unlocked' ? { ...state, info: action.info } : state;
    case 'settings':
      return state.status === 'unlocked' ? { ...state, settings: action.settings, info: { ...state.info, legacyHashes: action.settings.legacyHashes } } : state;
  }
}
