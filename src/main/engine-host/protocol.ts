/**
 * The messages between the Electron main thread and the engine worker. Only
 * structured-clone data crosses: plain objects, strings, numbers, arrays; no class
 * instances (a TamgaError travels as its `toData()`), no functions.
 */
import type { ApiMethod } from '../../shared/api';
import type { Result } from '../../shared/errors';

/** Main thread → worker. */
export type HostMessage =
  /** Call one method of the engine facade. */
  | { readonly kind: 'call'; readonly id: number; readonly method: ApiMethod; readonly args: readonly unknown[] }
  /** Lock the vault and release everything; the worker answers, then the host ends it. */
  | { readonly kind: 'close'; readonly id: number };

/** Worker → main thread: the answer to the message with the same id. */
export interface WorkerMessage {
  readonly kind: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}
