/**
 * The main thread's side of the engine worker: starts the worker when first needed,
 * matches each answer to its call, and turns a worker that dies into INTERNAL results
 * for every call in flight (the next call starts a fresh worker; the vault it had open
 * is then locked, as after a restart). Engine events are passed on to every listener;
 * a worker that dies with a vault open is reported as a `vaultLocked` event, since its
 * keys died with it. Free of Electron, so it runs under plain Node too (the end-to-end
 * harness hosts the built worker with it).
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ApiEvent, ApiMethod } from '../../shared/api';
import type { Result, TamgaErrorData } from '../../shared/errors';
import type { LockReason } from '../../shared/session';
import { toErrorData } from '../error-data';
import type { HostMessage, WorkerMessage } from './protocol';

export interface EngineHost {
  /** Calls one engine method in the worker. Never rejects: failures are Results. */
  callEngine(method: ApiMethod, arg: unknown): Promise<Result<unknown>>;
  /** Locks the vault at once (it does not wait for a running import), saying why. */
  lock(reason: LockReason): Promise<Result<unknown>>;
  /** Receives every engine event; returns the unsubscribe function. */
  onEvent(listener: (event: ApiEvent) => void): () => void;
  /** Locks the vault and ends the worker; waits at most `timeoutMs` for the engine. */
  close(timeoutMs?: number): Promise<void>;
}

type Pending = (result: Result<unknown>) => void;

export function startEngineHost(workerPath: string | URL, options: WorkerOptions = {}): EngineHost {
  let worker: Worker | null = null;
  let lastError: unknown = null;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: ApiEvent) => void>();
  let unlocked = false;

  const emit = (event: ApiEvent): void => {
    if (event.type === 'vaultUnlocked') unlocked = true;
    if (event.type === 'vaultLocked') unlocked = false;
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('An engine event listener failed:', error);
      }
    }
  };

  const failAll = (error: TamgaErrorData): void => {
    for (const settle of pending.values()) settle({ ok: false, error });
    pending.clear();
  };

  const spawn = (): Worker => {
    const started = new Worker(workerPath, options);
    started.on('message', (message: WorkerMessage) => {
      if (message.kind === 'event') {
        emit(message.event);
        return;
      }
      const settle = pending.get(message.id);
      pending.delete(message.id);
      settle?.(message.result);
    });
    started.on('error', (error) => {
      lastError = error;
      console.error('The engine worker failed:', error);
    });
    started.on('exit', (exitCode) => {
      if (worker === started) worker = null;
      const cause = lastError === null ? undefined : toErrorData(lastError).details;
      lastError = null;
      failAll({ code: 'INTERNAL', message: 'The engine stopped unexpectedly. Unlock the vault again to go on.', details: { exitCode, ...cause } });
      if (unlocked) emit({ type: 'vaultLocked', reason: closed ? 'shutdown' : 'engine-stopped' });
    });
    return started;
  };

  const send = (build: (id: number) => HostMessage): Promise<Result<unknown>> => {
    if (closed) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'Tamga is shutting down.' } });
    const target = (worker ??= spawn());
    const message = build(nextId++);
    return new Promise((resolve) => {
      pending.set(message.id, resolve);
      try {
        target.postMessage(message);
      } catch (error) {
        // Only structured-clone data can cross; anything else is the caller's mistake.
        pending.delete(message.id);
        resolve({ ok: false, error: { code: 'INVALID_ARGUMENT', message: 'The request could not be sent to the engine.', details: toErrorData(error).details } });
      }
    });
  };

  return {
    callEngine(method, arg) {
      return send((id) => ({ kind: 'call', id, method, args: arg === undefined ? [] : [arg] }));
    },

    lock(reason) {
      // No worker means no vault is open: nothing to lock, and no reason to start one.
      if (worker === null) return Promise.resolve({ ok: true, value: undefined });
      return send((id) => ({ kind: 'lock', id, reason }));
    },

    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async close(timeoutMs = 10_000) {
      const running = worker;
      if (running === null || closed) {
        closed = true;
        return;
      }
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      const answered = send((id) => ({ kind: 'close', id }));
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = (ms: number): Promise<void> =>
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, ms);
        });
      await Promise.race([answered, timeout(timeoutMs)]);
      clearTimeout(timer);
      // The worker closes its port after answering and then exits by itself once its last
      // file operations finish. Terminating it at once could close descriptors under a
      // write still queued in the shared thread pool (one that then lands on whatever file
      // reuses the number); it is terminated only if it does not exit in time.
      await Promise.race([exited, timeout(2000)]);
      clearTimeout(timer);
      await running.terminate();
    },
  };
}
