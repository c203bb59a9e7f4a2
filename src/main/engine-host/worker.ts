/**
 * The engine worker: a worker_threads thread that owns the engine, so that hashing,
 * encryption, scrypt and SQLite never block the Electron main thread. It answers each
 * HostMessage with a result message, one at a time and in order (the engine has a single
 * writer and sees one call at a time), except the IMMEDIATE_METHODS and locks (cancelling
 * an import or locking must not wait for the import), and exits after a `close`. Engine
 * events (import progress, lock and unlock) are forwarded as they happen.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { IMMEDIATE_METHODS } from '../../shared/api';
import { createEngine } from '../engine/api';
import { defaultActor } from '../engine/version';
import { toErrorData } from '../error-data';
import { dispatch } from './dispatch';
import type { HostMessage, ResultMessage, WorkerMessage } from './protocol';

function hostPort(): MessagePort {
  if (parentPort === null) throw new Error('The engine worker runs only as a worker thread.');
  return parentPort;
}

const port = hostPort();

const engine = createEngine({ actor: defaultActor('app') });
let queue: Promise<void> = Promise.resolve();

function post(message: WorkerMessage): void {
  try {
    port.postMessage(message);
  } catch (error) {
    if (message.kind === 'event') {
      console.error('An engine event could not be sent:', error);
      return;
    }
    // A value that cannot be cloned (a bug in the engine) must still get an answer.
    port.postMessage({ kind: 'result', id: message.id, result: { ok: false, error: toErrorData(error) } } satisfies ResultMessage);
  }
}

engine.subscribe((event) => post({ kind: 'event', event }));

async function handle(message: HostMessage): Promise<void> {
  try {
    post(await dispatch(engine, message));
  } catch (error) {
    post({ kind: 'result', id: message.id, result: { ok: false, error: toErrorData(error) } });
  }
  if (message.kind === 'close') port.close();
}

function isImmediate(message: HostMessage): boolean {
  return message.kind === 'lock' || (message.kind === 'call' && IMMEDIATE_METHODS.includes(message.method));
}

port.on('message', (message: HostMessage) => {
  if (isImmediate(message)) {
    void handle(message);
    return;
  }
  queue = queue.then(() => handle(message));
});
