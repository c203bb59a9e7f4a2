/**
 * Turns anything thrown into the error data that crosses the worker and IPC boundaries.
 * A TamgaError keeps its code; anything else is a bug, sent as INTERNAL with the original
 * name and message (never the stack: it names paths on this machine and helps no user).
 */
import { TamgaError, isErrorCode, type TamgaErrorData } from '../shared/errors';

export function toErrorData(error: unknown): TamgaErrorData {
  if (error instanceof TamgaError) return error.toData();
  if (isTamgaErrorData(error)) return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Tamga.', details: { name, message } };
}

/** The shape check for error data that arrives from another process or context. */
export function isTamgaErrorData(value: unknown): value is TamgaErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    isErrorCode(data['code']) &&
    typeof data['message'] === 'string' &&
    (data['details'] === undefined || (typeof data['details'] === 'object' && data['details'] !== null))
  );
}
