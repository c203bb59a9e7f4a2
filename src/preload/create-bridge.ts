/**
 * Builds `window.tamga` over a transport: one named function per method of the API and
 * shell contracts (each forwarding exactly one argument on its own prefixed channel and
 * handing back the Result unchanged), one event subscription fanning out the single
 * event channel, and the dropped-file paths. No function here can reach any other
 * channel. Electron-free: the preload passes ipcRenderer and webUtils in, and the
 * end-to-end harness passes its page bindings in, so both build the bridge alike.
 */
import type { ApiEvent } from '../shared/api';
import { WINDOW_METHODS, apiChannel } from '../shared/api';
import { SHELL_METHODS, shellChannel } from '../shared/shell';
import type { ApiEventType, TamgaBridge } from './bridge';

export interface BridgeTransport {
  invoke(channel: string, arg: unknown): Promise<unknown>;
  /** Registers the one listener for everything sent on the event channel. */
  listen(listener: (payload: unknown) => void): void;
  /** The path of a dropped file; '' when it has none. */
  pathForFile(file: File): string;
}

type Listener = (event: ApiEvent) => void;

function eventType(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const type = (payload as Record<string, unknown>)['type'];
  return typeof type === 'string' ? type : null;
}

export function createBridge(transport: BridgeTransport): TamgaBridge {
  const listeners = new Map<string, Set<Listener>>();
  transport.listen((payload) => {
    const type = eventType(payload);
    if (type === null) return;
    for (const listener of listeners.get(type) ?? []) {
      try {
        listener(payload as ApiEvent);
      } catch (error) {
        console.error(`A listener for ${type} events failed:`, error);
      }
    }
  });

  const calls = [
    ...WINDOW_METHODS.map((method) => [method, (arg?: unknown) => transport.invoke(apiChannel(method), arg)] as const),
    ...SHELL_METHODS.map((method) => [method, (arg?: unknown) => transport.invoke(shellChannel(method), arg)] as const),
  ];

  const onEvent = (type: ApiEventType, listener: Listener): (() => void) => {
    if (typeof type !== 'string' || typeof listener !== 'function') throw new TypeError('onEvent takes an event type and a function.');
    const set = listeners.get(type) ?? new Set<Listener>();
    listeners.set(type, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  const pathsForFiles = (files: readonly File[]): string[] =>
    Array.from(files, (file) => {
      try {
        return transport.pathForFile(file);
      } catch {
        return '';
      }
    }).filter((path) => path !== '');

  return Object.freeze({ ...Object.fromEntries(calls), onEvent, pathsForFiles }) as unknown as TamgaBridge;
}
