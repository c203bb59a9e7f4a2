/**
 * The engine worker: a worker_threads thread that owns the engine, so that hashing,
 * encryption, scrypt and SQLite never block the Electron main thread. It answers each
 * HostMessage with a WorkerMessage, one at a time and in order (the engine has a single
 * writer and sees one call at a time), except the IMMEDIATE_METHODS (cancelling an import
 * must not wait for the import), and exits after a `close`.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { IMMEDIATE_METHODS } from '../../shared/api';
import { createEngine } from '../engine/api';
import { toErrorData } from '../error-data';
import { dispatch } from './dispatch';
import type { HostMessage, WorkerMessage } from './protocol';

function hostPort(): MessagePort {
  if (parentPort === null) throw new Error('The engine worker runs only as a worker thread.');
  return parentPort;
}

const port = hostPort();

const engine = createEngine();
let queue: Promise<void> = Promise.resolve();

function post(message: WorkerMessage): void {
  try {
    port.postMessage(message);
  } catch (error) {
    // A value that cannot be cloned (a bug in the engine) must still get an answer.
    port.postMessage({ kind: 'result', id: message.id, result: { ok: false, error: toErrorData(error) } } satisfies WorkerMessage);
  }
}

async function handle(message: HostMessage): Promise<void> {
  try {
    post(await dispatch(engine, message));
  } catch (error) {
    post({ kind: 'result', id: message.id, result: { ok: false, error: toErrorData(error) } });
  }
  if (message.kind === 'close') port.close();
}

port.on('message', (message: HostMessage) => {
  if (message.kind === 'call' && IMMEDIATE_METHODS.includes(message.method)) {
    void handle(message);
    return;
  }
  queue = queue.then(() => handle(message));
});
