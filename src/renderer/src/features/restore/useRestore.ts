/**
 * A vault again from a replica folder, as `tamga restore` does it: restoreReplica rebuilds
 * a locked vault folder from what the newest manifest vouches for (no key needed), a normal
 * unlock opens it with the passphrase, finishRestore checks its custody log against the
 * manifest's checkpoint and records the replica's manifest (finishRestoreWithRecovery does
 * both with the recovery key, checking before the new passphrase is logged), and an audit names every
 * missing or damaged item. Refused (the newest manifest damaged): nothing was restored, and
 * the newest whole manifest before it is offered, restored only when asked. The passphrase
 * is dropped from state as soon as the unlock has been tried. Whoever has the recovery key
 * instead of the passphrase (or whose passphrase failed) opens the rebuilt folder with it
 * (phase 'recover': the recovery form sets a new passphrase), and the check follows as after
 * a passphrase.
 */
import { useCallback, useEffect, useState } from 'react';
import type { VaultInfo } from '../../../../shared/api';
import type { TamgaError } from '../../../../shared/errors';
import type { AuditReport } from '../../../../shared/items';
import type { RecoverVaultRequest } from '../../../../shared/recovery';
import type { ReplicaProblem, ReplicaProgress, ReplicaSource, RestoreResult } from '../../../../shared/replica';
import { asTamgaError, onEngineEvent, tamga } from '../../api';

export type RestoreState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'running'; readonly progress: ReplicaProgress | null; readonly step: 'fetch' | 'unlock' | 'audit' }
  | { readonly phase: 'refused'; readonly result: RestoreResult }
  /** Rebuilt, but not unlocked (a wrong passphrase, or the recovery form left): the folder stays, locked. */
  | { readonly phase: 'locked'; readonly result: RestoreResult; readonly error: TamgaError | null }
  /** Rebuilt, waiting for the recovery key that opens it. */
  | { readonly phase: 'recover'; readonly result: RestoreResult }
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
  /** The copy's folder, or an S3 location with the credentials to read it (kept nowhere). */
  readonly source: ReplicaSource;
  readonly target: string;
  readonly keyFingerprint: string;
  readonly previous: boolean;
  /** Open the rebuilt vault with its recovery key instead of the passphrase. */
  readonly withRecoveryKey: boolean;
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

  /** On the unlocked rebuilt vault: its log against the manifest (`logChecked` when already done), then an audit naming each damaged item. */
  const check = useCallback(async (result: RestoreResult, info: VaultInfo, logChecked?: readonly ReplicaProblem[]) => {
    if (result.manifest === null) return;
    setState({ phase: 'running', progress: null, step: 'audit' });
    try {
      const problems = logChecked ?? (await tamga.finishRestore(result.manifest));
      const audit = await tamga.auditVault();
      // Each damaged item said by the name it was imported under, so a person knows which file to find again.
      const ids = [...new Set(audit.problems.flatMap((p) => (p.itemId === null ? [] : [p.itemId])))];
      const found = await Promise.all(ids.map((id) => tamga.getItem(id).then((item) => [id, item.originalName] as const, () => null)));
      const names = new Map(found.filter((entry): entry is readonly [string, string] => entry !== null));
      setState({ phase: 'done', result, problems: [...result.problems, ...problems], audit, info, names });
    } catch (error) {
      setState({ phase: 'failed', error: asTamgaError(error) });
    }
  }, []);

  const run = useCallback(
    async (request: RestoreRequest) => {
      setState({ phase: 'running', progress: null, step: 'fetch' });
      const fingerprint = request.keyFingerprint.trim();
      let result: RestoreResult;
      try {
        result = await tamga.restoreReplica({ source: typeof request.source === 'string' ? request.source.trim() : request.source, target: request.target.trim(), ...(fingerprint === '' ? {} : { keyFingerprint: fingerprint }), previous: request.previous });
      } catch (error) {
        return setState({ phase: 'failed', error: asTamgaError(error) });
      }
      if (result.refused !== null || result.manifest === null) return setState({ phase: 'refused', result });
      if (request.withRecoveryKey) return setState({ phase: 'recover', result });
      setState({ phase: 'running', progress: null, step: 'unlock' });
      let info: VaultInfo;
      try {
        info = await tamga.unlockVault({ path: result.target, passphrase });
      } catch (error) {
        return setState({ phase: 'locked', result, error: asTamgaError(error) });
      } finally {
        setPassphrase('');
      }
      await check(result, info);
    },
    [passphrase, check],
  );

  /**
   * Opens the rebuilt vault (phase 'recover') with its recovery key and a new passphrase, its
   * log checked against the manifest before the new passphrase is logged; the audit follows.
   * A refused key is thrown to the recovery form, which names what is wrong.
   */
  const recoverWith = useCallback(
    async (request: RecoverVaultRequest): Promise<VaultInfo> => {
      if (state.phase !== 'recover' || state.result.manifest === null) throw new Error('no restored vault is waiting for its recovery key');
      const { result } = state;
      const problems = await tamga.finishRestoreWithRecovery({ ...request, path: result.target, manifest: state.result.manifest });
      const info = await tamga.vaultInfo();
      void check(result, info, problems);
      return info;
    },
    [state, check],
  );
  /** From a failed passphrase to the recovery key, or back from the recovery form (the folder stays locked). */
  const chooseRecoveryKey = (): void => setState((s) => (s.phase === 'locked' ? { phase: 'recover', result: s.result } : s));
  const leaveRecovery = (): void => setState((s) => (s.phase === 'recover' ? { phase: 'locked', result: s.result, error: null } : s));

  return { state, passphrase, setPassphrase, run, recoverWith, chooseRecoveryKey, leaveRecovery, reset: () => setState({ phase: 'idle' }) };
}
