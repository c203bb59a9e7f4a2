/**
 * What the engine worker does with one message: call the facade and turn whatever
 * happens into a Result. Kept apart from worker.ts (which only wires the port) so that a
 * unit test can drive it with a fake engine and no thread.
 */
import { API_METHODS, type ApiMethod } from '../../shared/api';
import { assertNever, type Result } from '../../shared/errors';
import type { Engine } from '../engine/api';
import { toErrorData } from '../error-data';
import type { HostMessage, ResultMessage } from './protocol';

export function isApiMethod(value: unknown): value is ApiMethod {
  return typeof value === 'string' && (API_METHODS as readonly string[]).includes(value);
}

async function settle(run: () => Promise<unknown>): Promise<Result<unknown>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

/** Never rejects for a message of a known kind: every outcome, failures included, is a Result. */
export async function dispatch(engine: Engine, message: HostMessage): Promise<ResultMessage> {
  switch (message.kind) {
    case 'call': {
      const { method, args } = message;
      if (!isApiMethod(method)) {
        return { kind: 'result', id: message.id, result: { ok: false, error: { code: 'INVALID_ARGUMENT', message: `Unknown engine method: ${String(method)}` } } };
      }
      // The contract types each method; here they are called generically, by name.
      const call = engine[method] as (...a: unknown[]) => Promise<unknown>;
      const result = await settle(() => call.apply(engine, [...args]));
      return { kind: 'result', id: message.id, result };
    }
    case 'lock':
      return { kind: 'result', id: message.id, result: await settle(() => engine.lock(message.reason)) };
    case 'close':
      return { kind: 'result', id: message.id, result: await settle(() => engine.close()) };
    default:
      return assertNever(message);
  }
}
