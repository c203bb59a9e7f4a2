/**
 * The one place the window reaches the engine and the shell. `tamga` has the contract's
 * own type (TamgaApi) and `shell` the shell's (ShellApi): each call resolves with the
 * value, or rejects with a TamgaError whose code the UI can explain. The preload hands
 * over Results rather than throwing, because an Error that crosses contextBridge loses
 * its code and details; they are turned back into TamgaErrors here, and nowhere else.
 * Only containers and hooks import this file; presentational components get props.
 */
import { WINDOW_METHODS, type WindowApi } from '../../shared/api';
import { TamgaError, isErrorCode, type Result, type TamgaErrorData } from '../../shared/errors';
import { SHELL_METHODS, type ShellApi } from '../../shared/shell';
import type { ApiEventOf, ApiEventType } from '../../preload/bridge';

function isErrorData(value: unknown): value is TamgaErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  const details = data['details'];
  return isErrorCode(data['code']) && typeof data['message'] === 'string' && (details === undefined || (typeof details === 'object' && details !== null));
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const result = value as Record<string, unknown>;
  // An ok Result of a void method may arrive without its `value` key.
  return result['ok'] === true || (result['ok'] === false && isErrorData(result['error']));
}

/** Resolves with the value of an ok Result; rejects with a TamgaError for anything else. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  let result: unknown;
  try {
    result = await pending;
  } catch (error) {
    // Only a broken bridge gets here (the main process answers every call with a Result).
    throw new TamgaError('INTERNAL', 'The window could not reach the engine.', { cause: String(error) });
  }
  if (!isResult(result)) throw new TamgaError('INTERNAL', 'The engine sent an answer the window does not understand.');
  if (!result.ok) throw TamgaError.fromData(result.error);
  return result.value as T;
}

function bridge(): Window['tamga'] {
  if (typeof window === 'undefined' || typeof window.tamga !== 'object' || window.tamga === null) {
    throw new TamgaError('INTERNAL', 'This page runs outside Tamga: window.tamga is missing.');
  }
  return window.tamga;
}

type AnyCall = (arg?: unknown) => Promise<Result<unknown>>;

function unwrapped<Api>(methods: readonly string[]): Api {
  // Methods are looked up on each call, so tests may install window.tamga late.
  return Object.fromEntries(methods.map((method) => [method, (arg?: unknown) => unwrap((bridge()[method as keyof Window['tamga']] as AnyCall)(arg))])) as Api;
}

/** The engine, as the window sees it. */
export const tamga: WindowApi = unwrapped<WindowApi>(WINDOW_METHODS);

/** The desktop shell: file dialogs and media URLs. */
export const shell: ShellApi = unwrapped<ShellApi>(SHELL_METHODS);

/** Subscribes to engine events of one type; returns the unsubscribe function. */
export function onEngineEvent<T extends ApiEventType>(type: T, listener: (event: ApiEventOf<T>) => void): () => void {
  return bridge().onEvent(type, listener);
}

/** The file system paths of dropped files (Electron knows them; a plain browser does not). */
export function pathsForFiles(files: readonly File[]): string[] {
  return bridge().pathsForFiles(files);
}

/** Any thrown value as a TamgaError, for the UI to explain. */
export function asTamgaError(error: unknown): TamgaError {
  if (error instanceof TamgaError) return error;
  return new TamgaError('INTERNAL', error instanceof Error ? error.message : String(error));
}
