/**
 * The main thread's side of the engine worker: starts the worker when first needed,
 * matches each answer to its call, and turns a worker that dies into INTERNAL results
 * for every call in flight (the next call starts a fresh worker; the vault it had open
 * is then locked, as after a restart). Free of Electron, so it runs under plain Node too.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { ApiMethod } from '../../shared/api';
import type { Result, TamgaErrorData } from '../../shared/errors';
import { toErrorData } from '../error-data';
import type { HostMessage, WorkerMessage } from './protocol';

export interface EngineHost {
  /** Calls one engine method in the worker. Never rejects: failures are Results. */
  callEngine(method: ApiMethod, arg: unknown): Promise<Result<unknown>>;
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

  const failAll = (error: TamgaErrorData): void => {
    for (const settle of pending.values()) settle({ ok: false, error });
    pending.clear();
  };

  const spawn = (): Worker => {
    const started = new Worker(workerPath, options);
    started.on('message', (message: WorkerMessage) => {
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

    async close(timeoutMs = 10_000) {
      const running = worker;
      if (running === null || closed) {
        closed = true;
        return;
      }
      const answered = send((id) => ({ kind: 'close', id }));
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([answered, timeout]);
      clearTimeout(timer);
      await running.terminate();
    },
  };
}
