/**
 * Provides the vault session to the window: follows the engine's lock and settings
 * events (a lock from idle, suspend or another part of the UI ends the session here
 * too), and offers the few actions that change it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, type JSX, type ReactNode } from 'react';
import type { VaultInfo } from '../../../shared/api';
import { onEngineEvent, tamga } from '../api';
import { INITIAL_SESSION, sessionReducer, type SessionState } from './session-state';

export interface Session {
  readonly state: SessionState;
  /** After createVault or unlockVault resolved. */
  opened(info: VaultInfo): Promise<void>;
  lock(): Promise<void>;
  /** Reads the item count and the rest again (after an import). */
  refreshInfo(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }): JSX.Element {
  const [state, dispatch] = useReducer(sessionReducer, INITIAL_SESSION);

  useEffect(() => {
    const offLocked = onEngineEvent('vaultLocked', (event) => dispatch({ type: 'locked', reason: event.reason }));
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
    // The vaultLocked event ends the session; this also covers a lock that failed to arrive.
    await tamga.lockVault().finally(() => dispatch({ type: 'locked', reason: 'user' }));
  }, []);

  const refreshInfo = useCallback(async () => {
    dispatch({ type: 'info', info: await tamga.vaultInfo() });
  }, []);

  const session = useMemo(() => ({ state, opened, lock, refreshInfo }), [state, opened, lock, refreshInfo]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside SessionProvider');
  return session;
}
