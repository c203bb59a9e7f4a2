/**
 * A second thread for hashing. SHA-512 runs at less than half the speed of SHA-256 here
 * (SHA-256 has CPU instructions, SHA-512 does not), so checking both manifests on one
 * thread costs their sum; with SHA-512 in this worker while the reading thread does
 * SHA-256, a file costs about the slower of the two.
 *
 * The worker's code is evaluated from a string (CommonJS), as in thumbnails/heic.ts, so no
 * separate file has to be found at run time or bundled. Bytes travel through a fixed ring
 * of slots in one SharedArrayBuffer: the reader copies a chunk into a free slot, the worker
 * hashes it in place and hands the slot back. Memory is SLOTS × SLOT_BYTES, whatever the
 * file's size, with no allocation per chunk (copying into fresh transferred buffers left
 * ~100 MB of garbage behind per 256 MiB hashed). It writes nothing and holds no secret.
 */
import { Worker } from 'node:worker_threads';

const SLOT_BYTES = 1024 * 1024;
const SLOTS = 8;

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const shared = workerData.shared;
const slotBytes = workerData.slotBytes;
let hashes = [];
parentPort.on('message', (message) => {
  if (message.type === 'begin') {
    hashes = message.algorithms.map((algorithm) => [algorithm, createHash(algorithm)]);
  } else if (message.type === 'data') {
    const view = new Uint8Array(shared, message.slot * slotBytes, message.length);
    for (const [, hash] of hashes) hash.update(view);
    parentPort.postMessage({ type: 'free', slot: message.slot });
  } else if (message.type === 'end') {
    const digests = {};
    for (const [algorithm, hash] of hashes) digests[algorithm] = hash.digest('hex');
    hashes = [];
    parentPort.postMessage({ type: 'digests', digests });
  }
});
`;

type Reply = { type: 'free'; slot: number } | { type: 'digests'; digests: Record<string, string> };

export class HashWorker {
  private readonly worker: Worker;
  private readonly shared = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private digestsWaiter: ((digests: Record<string, string>) => void) | null = null;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { shared: this.shared, slotBytes: SLOT_BYTES } });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      if (reply.type === 'free') this.free.push(reply.slot);
      else this.digestsWaiter?.(reply.digests);
      this.wake?.();
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      this.wake?.();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`The hashing thread stopped (exit code ${code}).`)));
  }

  /** Starts a new file. Slots still being hashed for an abandoned file come back on their own. */
  begin(algorithms: readonly string[]): void {
    this.worker.postMessage({ type: 'begin', algorithms });
  }

  /** Copies the chunk into free slots (waiting for one when all are in use) and queues them. */
  async update(chunk: Uint8Array): Promise<void> {
    for (let offset = 0; offset < chunk.length; offset += SLOT_BYTES) {
      while (this.free.length === 0 && this.failure === null) await new Promise<void>((resolve) => (this.wake = resolve));
      if (this.failure !== null) throw this.failure;
      const slot = this.free.pop() as number;
      const part = chunk.subarray(offset, offset + SLOT_BYTES);
      new Uint8Array(this.shared, slot * SLOT_BYTES, part.length).set(part);
      this.worker.postMessage({ type: 'data', slot, length: part.length });
    }
  }

  async digest(): Promise<Record<string, string>> {
    if (this.failure !== null) throw this.failure;
    const digests = new Promise<Record<string, string>>((resolve, reject) => {
      this.digestsWaiter = resolve;
      this.wake = () => {
        if (this.failure !== null) reject(this.failure);
      };
    });
    this.worker.postMessage({ type: 'end' });
    try {
      return await digests;
    } finally {
      this.digestsWaiter = null;
      this.wake = null;
    }
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
