/**
 * The window's one piece of global state: whether a vault is unlocked, and which. Every
 * other state lives under the unlocked tree, keyed by `sessionId`, so that a lock (from
 * any source) unmounts it all: selections, open items, media URLs, search text.
 */
import type { VaultInfo } from '../../../shared/api';
import type { LockReason, VaultSettings } from '../../../shared/session';

export type SessionState =
  | {
      readonly status: 'locked';
      /** Why the last session ended (null at start), to tell the person it was not their doing. */
      readonly reason: LockReason | null;
      /** The last vault's folder, to offer it again. */
      readonly lastPath: string | null;
    }
  | {
      readonly status: 'unlocked';
      readonly info: VaultInfo;
      readonly settings: VaultSettings;
      readonly sessionId: number;
    };

export type SessionAction =
  | { readonly type: 'unlocked'; readonly info: VaultInfo; readonly settings: VaultSettings }
  | { readonly type: 'locked'; readonly reason: LockReason }
  | { readonly type: 'info'; readonly info: VaultInfo }
  | { readonly type: 'settings'; readonly settings: VaultSettings };

export const INITIAL_SESSION: SessionState = { status: 'locked', reason: null, lastPath: null };

let nextSessionId = 1;

export function sessionReducer(state: SessionState, action: SessionAction): SessionState {
  switch (action.type) {
    case 'unlocked':
      return { status: 'unlocked', info: action.info, settings: action.settings, sessionId: nextSessionId++ };
    case 'locked':
      return { status: 'locked', reason: action.reason, lastPath: state.status === 'unlocked' ? state.info.path : state.lastPath };
    case 'info':
      return state.status === 'unlocked' ? { ...state, info: action.info } : state;
    case 'settings':
      return state.status === 'unlocked' ? { ...state, settings: action.settings, info: { ...state.info, legacyHashes: action.settings.legacyHashes } } : state;
  }
}
