// src/main/engine/replica/store.ts
export interface ReplicaObject { readonly name: string; readonly size: number }
export interface ReplicaStore {
  /** Human description for messages, e.g. "folder /mnt/usb/ngo" */
  readonly description: string;
  /** Writes an object; visible under `name` only when complete (folder: tmp file + fsync + rename + dir fsync). */
  put(name: string, body: Uint8Array | AsyncIterable<Uint8Array>, size: number, signal?: AbortSignal): Promise<void>;
  /** Streams an object; throws TamgaError NOT_FOUND when absent. */
  get(name: string, signal?: AbortSignal): Promise<AsyncIterable<Uint8Array>>;
  /** Size of an object, or null when absent. */
  stat(name: string): Promise<ReplicaObject | null>;
  /** Every object whose name starts with prefix ('' = all), any order. */
  list(prefix: string): AsyncIterable<ReplicaObject>;
  delete(name: string): Promise<void>;
}
