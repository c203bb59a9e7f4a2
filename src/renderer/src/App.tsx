/**
 * The window's layout and routes: the vault gate while no vault is unlocked, the
 * workspace while one is. The workspace is keyed by the session, so a lock from any
 * source unmounts it and every piece of state it held.
 */
import type { JSX } from 'react';
import { VaultGate } from './features/vault/VaultGate';
import { Workspace } from './features/workspace/Workspace';
import { useSession } from './session/SessionContext';

export function App(): JSX.Element {
  const { state } = useSession();
  return state.status === 'unlocked' ? <Workspace key={state.sessionId} /> : <VaultGate />;
}
