/**
 * The messages between the Electron main thread and the engine worker. Only
 * structured-clone data crosses: plain objects, strings, numbers, arrays, Uint8Arrays;
 * no class instances (a TamgaError travels as its `toData()`), no functions.
 */
import type { ApiEvent, ApiMethod } from '../../shared/api';
import type { Result } from '../../shared/errors';
import type { LockReason } from '../../shared/session';

/** Main thread → worker. */
export type HostMessage =
  /** Call one method of the engine facade. */
  | { readonly kind: 'call'; readonly id: number; readonly method: ApiMethod; readonly args: readonly unknown[] }
  /** Lock the vault for a reason of the shell's own (idle, system suspend); runs at once, like lockVault. */
  | { readonly kind: 'lock'; readonly id: number; readonly reason: LockReason }
  /** Lock the vault and release everything; the worker answers, then the host ends it. */
  | { readonly kind: 'close'; readonly id: number };

/** The answer to the HostMessage with the same id. */
export interface ResultMessage {
  readonly kind: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

/** Something the engine reports while calls run (progress, lock and unlock). */
export interface EventMessage {
  readonly kind: 'event';
  readonly event: ApiEvent;
}

/** Worker → main thread. */
export type WorkerMessage = ResultMessage | EventMessage;
