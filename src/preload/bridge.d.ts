/**
 * The shape of `window.tamga`: every method of the API contract the window uses
 * (WINDOW_METHODS) and of the shell
 * contract, answering with the Result the main process sent (never throwing for an
 * engine failure); a subscription to engine events; and the paths of dropped files. The
 * renderer's one helper (src/renderer/src/api.ts) turns Results back into values and
 * TamgaErrors.
 *
 * A declaration file, so that both the preload (node project) and the renderer (web
 * project, which may include only src/preload/*.d.ts) can name it.
 */
import type { ApiEvent, WindowApi, WindowMethod } from '../shared/api';
import type { Result } from '../shared/errors';
import type { ShellApi, ShellMethod } from '../shared/shell';

type Bridged<Api, M extends keyof Api> = Api[M] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<Result<R>> : never;

export type ApiEventType = ApiEvent['type'];
export type ApiEventOf<T extends ApiEventType> = Extract<ApiEvent, { readonly type: T }>;

export type TamgaBridge = { readonly [M in WindowMethod]: Bridged<WindowApi, M> } & { readonly [M in ShellMethod]: Bridged<ShellApi, M> } & {
  /** Calls `listener` with every engine event of this type; returns the unsubscribe function. */
  readonly onEvent: <T extends ApiEventType>(type: T, listener: (event: ApiEventOf<T>) => void) => () => void;
  /** The file system paths of files dropped on the window (those with none, e.g. from a browser, are left out). */
  readonly pathsForFiles: (files: readonly File[]) => string[];
};
