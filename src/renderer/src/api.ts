/**
 * The one place the window calls the engine. `tamga` has the contract's own type
 * (TamgaApi): each call resolves with the value, or rejects with a TamgaError whose code
 * the UI can explain. The preload hands over Results rather than throwing, because an
 * Error that crosses contextBridge loses its code and details; they are turned back into
 * TamgaErrors here, and nowhere else.
 */
import { API_METHODS, type TamgaApi } from '../../shared/api';
import { TamgaError, isErrorCode, type Result, type TamgaErrorData } from '../../shared/errors';

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

/** The engine, as the window sees it. Methods are looked up on each call, so tests may install window.tamga late. */
export const tamga: TamgaApi = Object.fromEntries(
  API_METHODS.map((method) => [method, (arg?: unknown) => unwrap((bridge()[method] as AnyCall)(arg))]),
) as unknown as TamgaApi;
