/**
 * The shape of `window.tamga`: every method of the API contract, answering with the
 * Result the main process sent (never throwing for an engine failure). The renderer's
 * one helper (src/renderer/src/api.ts) turns these back into values and TamgaErrors.
 *
 * A declaration file, so that both the preload (node project) and the renderer (web
 * project, which may include only src/preload/*.d.ts) can name it.
 */
import type { ApiMethod, TamgaApi } from '../shared/api';
import type { Result } from '../shared/errors';

export type TamgaBridge = {
  readonly [M in ApiMethod]: (...args: Parameters<TamgaApi[M]>) => Promise<Result<Awaited<ReturnType<TamgaApi[M]>>>>;
};
