/**
 * The window's replica state: the list (re-read when the library changes, after each push,
 * add and remove), the push running in the engine with its progress (from `replicaProgress`
 * events), and the outcome of the last push until dismissed. A push runs in the engine
 * worker beside the writer queue, so the window stays usable; the engine refuses a second
 * one with BUSY, and that sentence is what the window shows.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TamgaError } from '../../../../shared/errors';
import type { ReplicaPushResult, ReplicaStatus } from '../../../../shared/replica';
import { asTamgaError, onEngineEvent, tamga } from '../../api';
import type { RunningPush } from './copy-line';

export type PushOutcome =
  | { readonly kind: 'done'; readonly results: readonly ReplicaPushResult[] }
  /** `replica`: the one asked for, null for every replica; `refused`: BUSY, the push running was not this one. */
  | { readonly kind: 'failed'; readonly error: TamgaError; readonly replica: string | null; readonly refused: boolean }
  | null;

export interface Copies {
  readonly replicas: readonly ReplicaStatus[] | null;
  readonly listError: TamgaError | null;
  readonly running: RunningPush | null;
  readonly outcome: PushOutcome;
  /** Replicas whose last check (this session) found problems: the status bar says so. */
  readonly damaged: ReadonlySet<string>;
  readonly setChecked: (name: string, ok: boolean) => void;
  readonly refresh: () => void;
  /** Pushes to the named replica, or to each when no name is given. */
  readonly push: (name?: string) => void;
  readonly cancel: () => void;
  readonly dismiss: () => void;
}

const PUSH_PHASES = new Set(['snapshot', 'upload', 'manifest', 'cleanup']);

export function useCopies(version: number): Copies {
  const [replicas, setReplicas] = useState<readonly ReplicaStatus[] | null>(null);
  const [listError, setListError] = useState<TamgaError | null>(null);
  const [running, setRunning] = useState<RunningPush | null>(null);
  const [outcome, setOutcome] = useState<PushOutcome>(null);
  const [damaged, setDamaged] = useState<ReadonlySet<string>>(new Set());
  const pushing = useRef(false);
  const setChecked = useCallback(
    (name: string, ok: boolean) =>
      setDamaged((current) => {
        const next = new Set(current);
        if (ok) next.delete(name);
        else next.add(name);
        return next;
      }),
    [],
  );

  const refresh = useCallback(
    () =>
      void tamga.listReplicas().then(
        (list) => {
          setReplicas(list);
          setListError(null);
        },
        (error: unknown) => setListError(asTamgaError(error)),
      ),
    [],
  );
  useEffect(() => refresh(), [refresh, version]);

  useEffect(
    () =>
      onEngineEvent('replicaProgress', (event) => {
        // A check or a restore reports on the same event; only a push of ours moves this line.
        if (!pushing.current || !PUSH_PHASES.has(event.progress.phase)) return;
        setRunning({ replica: event.replica, progress: event.progress });
      }),
    [],
  );

  const push = useCallback(
    (name?: string) => {
      setOutcome(null);
      const first = !pushing.current;
      if (first) {
        pushing.current = true;
        setRunning({ replica: name ?? null, progress: null });
      }
      const sending = tamga.pushReplicas(name);
      void sending
        .then(
          (results) => setOutcome({ kind: 'done', results }),
          (error: unknown) => {
            const failure = asTamgaError(error);
            setOutcome({ kind: 'failed', error: failure, replica: name ?? null, refused: !first || failure.code === 'BUSY' });
          },
        )
        .finally(() => {
          // A second push the engine refused (BUSY) leaves the first one's line alone.
          if (!first) return;
          pushing.current = false;
          setRunning(null);
          refresh();
        });
    },
    [refresh],
  );

  const cancel = useCallback(() => void tamga.cancelReplicaPush().catch(() => undefined), []);
  const dismiss = useCallback(() => setOutcome(null), []);
  return { replicas, listError, running, outcome, damaged, setChecked, refresh, push, cancel, dismiss };
}
