/**
 * A vault again from a replica folder, as `tamga restore` does it: restoreReplica rebuilds
 * a locked vault folder from what the newest manifest vouches for (no key needed), a normal
 * unlock opens it with the passphrase, finishRestore checks its custody log against the
 * manifest's checkpoint and records the replica's manifest, and an audit names every
 * missing or damaged item. Refused (the newest manifest damaged): nothing was restored, and
 * the newest whole manifest before it is offered, restored only when asked. The passphrase
 * is dropped from state as soon as the unlock has been tried.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VaultInfo } from '../../../../shared/api';
import type { TamgaError } from '../../../../shared/errors';
import type { AuditReport } from '../../../../shared/items';
import type { ReplicaProblem, ReplicaProgress, RestoreResult } from '../../../../shared/replica';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type RestoreState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: ReplicaProgress | null; readonly step: 'fetch' | 'unlock' | 'audit' }
  | { readonly phase: 'refused'; readonly result: RestoreResult }
  /** Rebuilt, but the unlock failed (a wrong passphrase): the folder stays, locked. */
  | { readonly phase: 'locked'; readonly result: RestoreResult; readonly error: TamgaError }
  | {
      readonly phase: 'done';
      readonly result: RestoreResult;
      readonly problems: readonly ReplicaProblem[];
      readonly audit: AuditReport;
      readonly info: VaultInfo;
      /** The original file name of each item an audit problem concerns, by item id (absent when it cannot be read). */
      readonly names: ReadonlyMap<string, string>;
    }
  | { readonly phase: 'failed'; readonly error: TamgaError };

export interface RestoreRequest {
  readonly source: string;
  readonly target: string;
  readonly keyFingerprint: string;
  readonly previous: boolean;
}

export function useRestore() {
  const [state, setState] = useState<RestoreState>({ phase: 'idle' });
  const [passphrase, setPassphrase] = useState('');

  useEffect(
    () =>
      onEngineEvent('replicaProgress', (event) => {
        if (event.replica !== null) return;
        setState((current) => (current.phase === 'running' && current.step === 'fetch' ? { ...current, progress: event.progress } : current));
      }),
    [],
  );

  const run = useCallback(
    async (request: RestoreRequest) => {
      setState({ phase: 'running', progress: null, step: 'fetch' });
      const fingerprint = request.keyFingerprint.trim();
      let result: RestoreResult;
      try {
        result = await tamga.restoreReplica({ source: request.source.trim(), target: request.target.trim(), ...(fingerprint === '' ? {} : { keyFingerprint: fingerprint }), previous: request.previous });
      } catch (error) {
        return setState({ phase: 'failed', error: asTamgaError(error) });
      }
      if (result.refused !== null || result.manifest === null) return setState({ phase: 'refused', result });
      setState({ phase: 'running', progress: null, step: 'unlock' });
      let info: VaultInfo;
      try {
        info = await tamga.unlockVault({ path: result.target, passphrase });
      } catch (error) {
        return setState({ phase: 'locked', result, error: asTamgaError(error) });
      } finally {
        setPassphrase('');
      }
      setState({ phase: 'running', progress: null, step: 'audit' });
      try {
        const problems = await tamga.finishRestore(result.manifest);
        const audit = await tamga.auditVault();
        // Each damaged item said by the name it was imported under, so a person knows which file to find again.
        const ids = [...new Set(audit.problems.flatMap((p) => (p.itemId === null ? [] : [p.itemId])))];
        const found = await Promise.all(ids.map((id) => tamga.getItem(id).then((item) => [id, item.originalName] as const, () => null)));
        const names = new Map(found.filter((entry): entry is readonly [string, string] => entry !== null));
        setState({ phase: 'done', result, problems: [...result.problems, ...problems], audit, info, names });
      } catch (error) {
        setState({ phase: 'failed', error: asTamgaError(error) });
      }
    },
    [passphrase],
  );

  return { state, passphrase, setPassphrase, run, reset: () => setState({ phase: 'idle' }) };
}
