/**
 * Provides the vault session to the window: follows the engine's lock and settings
 * events (a lock from idle, suspend or another part of the UI ends the session here
 * too), and offers the few actions that change it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, type JSX, type ReactNode } from 'react';
import type { VaultInfo } from '../../../shared/api';
import { onEngineEvent, tamga } from '../api';
import type { Draft } from './drafts';
import { INITIAL_SESSION, sessionReducer, type SessionState } from './session-state';

export interface Session {
  readonly state: SessionState;
  /** After createVault or unlockVault resolved. */
  opened(info: VaultInfo): Promise<void>;
  /** Locks at once: the window shows the gate before the engine has finished stopping work (the keys go when it has). */
  lock(): Promise<void>;
  setDraft(draft: Draft): void;
  dropDraft(itemId: string): void;
  /** The person has read that the last lock discarded drafts. */
  dismissDiscarded(): void;
  /** Reads the item count and the rest again (after an import). */
  refreshInfo(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }): JSX.Element {
  const [state, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);
  /** Locks the window made itself whose vaultLocked event has not arrived yet. */
  const ownLocks = useRef(0);

  useEffect(() => {
    const offLocked = onEngineEvent('vaultLocked', (event) => {
      // The engine's answer to a lock the window already made: the window is locked, and
      // may be unlocked again by the time it arrives; it must not end that new session.
      if (event.reason === 'user' && ownLocks.current > 0) {
        ownLocks.current -= 1;
        return;
      }
      dispatch({ type: 'locked', reason: event.reason });
    });
    const offSettings = onEngineEvent('settingsChanged', (event) => dispatch({ type: 'settings', settings: event.settings }));
    // A window reloaded while the vault stayed unlocked picks the session up again.
    void Promise.all([tamga.vaultInfo(), tamga.getSettings()])
      .then(([info, settings]) => dispatch({ type: 'unlocked', info, settings }))
      .catch(() => undefined);
    return () => {
      offLocked();
      offSettings();
    };
  }, []);

  const opened = useCallback(async (info: VaultInfo) => {
    dispatch({ type: 'unlocked', info, settings: await tamga.getSettings() });
  }, []);

  const lock = useCallback(async () => {
    // The window is the first to forget: nothing of the vault may stay on screen while the
    // engine stops an import and closes the index (the engine's vaultLocked follows).
    dispatch({ type: 'locked', reason: 'user' });
    ownLocks.current += 1;
    await tamga.lockVault().catch(() => undefined);
  }, []);
  const setDraft = useCallback((draft: Draft) => dispatch({ type: 'draft', draft }), []);
  const dropDraft = useCallback((itemId: string) => dispatch({ type: 'dropDraft', itemId }), []);
  const dismissDiscarded = useCallback(() => dispatch({ type: 'dismissDiscarded' }), []);

  const refreshInfo = useCallback(async () => {
    dispatch({ type: 'info', info: await tamga.vaultInfo() });
  }, []);

  const session = useMemo(
    () => ({ state, opened, lock, refreshInfo, setDraft, dropDraft, dismissDiscarded }),
    [state, opened, lock, refreshInfo, setDraft, dropDraft, dismissDiscarded],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}
