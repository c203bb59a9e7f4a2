/**
 * A second thread for hashing, used by export and verify. SHA-512 runs at about 60 % of the
 * speed of SHA-256 here (SHA-256 has CPU instructions, SHA-512 does not), so hashing both on
 * one thread costs their sum; with SHA-512 in this worker while the reading thread does
 * SHA-256, a file costs about the slower of the two: SHA-512 alone.
 *
 * The worker's code is evaluated from a string (CommonJS), as in thumbnails/heic.ts, so no
 * separate file has to be found at run time or bundled. Its execArgv is empty: it needs no
 * loader, and would otherwise inherit one such as `node --import tsx` and load it again.
 *
 * Bytes travel through a fixed ring of slots in one SharedArrayBuffer: the reader copies a
 * chunk into the next free slot and publishes it; the worker hashes slots in order. Memory
 * is SLOTS × SLOT_BYTES whatever the file's size, with no allocation per chunk. The worker
 * is the bottleneck, so it must do nothing but hash: the ring is driven by Atomics, not by
 * a message per chunk (a message to and fro per slot took 7 % of the worker's time on an
 * idle two-core machine and up to 40 % on a busy one, mostly in waking the other thread). The worker blocks in
 * Atomics.wait while the ring is empty; the reader sleeps (Atomics.waitAsync) while it is
 * full and is woken only once half of it is free again. Start and end of a file go through
 * the ring as marker slots, so their order with the data is the ring's; only the digests
 * come back as a message, one per file in ring order, so the reader can go on to the next
 * file before they arrive. It writes nothing and holds no secret.
 */
import { Worker } from 'node:worker_threads';

// 8 MiB in all. Small slots, as a file's start and end take one slot each: files of a few
// MiB (photos) still fit in the ring several at a time.
const SLOT_BYTES = 512 * 1024;
/** A power of two, so a slot is `counter & (SLOTS - 1)` even after the int32 counters wrap. */
const SLOTS = 16;

// The state array: two counters, the reader's wake-up request, then each slot's kind and length.
const WRITTEN = 0; // slots published by the reader (int32, wraps)
const CONSUMED = 1; // slots finished by the worker (int32, wraps)
const WAITING = 2; // 1 while the reader sleeps on CONSUMED
const WAKE_AT = 3; // the CONSUMED value the sleeping reader waits for
const KIND = 4;
const LENGTH = KIND + SLOTS;
const STATE_INTS = LENGTH + SLOTS;
const DATA = 0;
const BEGIN = 1; // the slot holds the algorithm names, comma-separated; earlier unfinished hashes are dropped
const END = 2;

/** Atomics.waitAsync is ES2024 (Node has it since 16); the project's lib is ES2023. */
const waitAsync = (Atomics as unknown as { waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: unknown } }).waitAsync;

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { data, state: stateBuffer, slotBytes, slots } = workerData;
const state = new Int32Array(stateBuffer);
let hashes = [];
for (let next = 0; ; next = (next + 1) | 0) {
  while (Atomics.load(state, ${WRITTEN}) === next) Atomics.wait(state, ${WRITTEN}, next);
  const slot = next & (slots - 1);
  const kind = state[${KIND} + slot];
  const bytes = new Uint8Array(data, slot * slotBytes, state[${LENGTH} + slot]);
  if (kind === ${DATA}) {
    for (const [, hash] of hashes) hash.update(bytes);
  } else if (kind === ${BEGIN}) {
    hashes = Buffer.from(bytes).toString('latin1').split(',').map((algorithm) => [algorithm, createHash(algorithm)]);
  } else {
    const digests = {};
    for (const [algorithm, hash] of hashes) digests[algorithm] = hash.digest('hex');
    hashes = [];
    parentPort.postMessage(digests);
  }
  const consumed = (next + 1) | 0;
  Atomics.store(state, ${CONSUMED}, consumed);
  if (Atomics.load(state, ${WAITING}) === 1 && ((consumed - Atomics.load(state, ${WAKE_AT})) | 0) >= 0) Atomics.notify(state, ${CONSUMED});
}
`;

type Digests = Record<string, string>;

export class HashWorker {
  private readonly worker: Worker;
  private readonly data = new SharedArrayBuffer(SLOTS * SLOT_BYTES);
  private readonly state = new Int32Array(new SharedArrayBuffer(STATE_INTS * Int32Array.BYTES_PER_ELEMENT));
  private written = 0;
  private pendingBegin: string | null = null;
  private failure: Error | null = null;
  /** One per file ended and not yet answered, in ring order (the worker answers in that order). */
  private readonly waiters: { resolve: (digests: Digests) => void; reject: (error: Error) => void }[] = [];
  /** Waits in progress: the thread is referenced while any (Atomics.waitAsync alone keeps no process alive). */
  private holds = 0;
  private online = false;
  /** Callers of whenBusy(), woken when enough is queued. */
  private busyWaiters: (() => void)[] = [];
  private busyWaitsStopped = false;

  /** Starts the thread at once (it takes tens of milliseconds): construct it before it is needed. */
  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { data: this.data, state: this.state.buffer, slotBytes: SLOT_BYTES, slots: SLOTS } });
    this.worker.unref();
    this.worker.once('online', () => (this.online = true));
    this.worker.on('message', (digests: Digests) => {
      const waiter = this.waiters.shift();
      if (waiter === undefined) return;
      waiter.resolve(digests);
      this.release();
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`The hashing thread stopped (exit code ${code}).`)));
  }

  /** True once the thread runs; until then a file given to it waits for its start-up. */
  get running(): boolean {
    return this.online;
  }

  /**
   * Resolves once half of the ring or more is queued for this thread: the reader may then
   * spend ~4 ms on other work without this thread running dry. Resolves at once after
   * stopBusyWaits() (nothing more will be queued) and after a failure.
   */
  whenBusy(): Promise<void> {
    if (this.busyWaitsStopped || this.failure !== null || this.queued() >= SLOTS / 2) return Promise.resolve();
    return new Promise((resolve) => this.busyWaiters.push(resolve));
  }

  stopBusyWaits(): void {
    this.busyWaitsStopped = true;
    this.wakeBusyWaiters();
  }

  /** Starts a new file; what was given for an unfinished one is dropped. */
  begin(algorithms: readonly string[]): void {
    this.pendingBegin = algorithms.join(',');
  }

  /** Copies the chunk into free slots (waiting for one when all are in use) and publishes them. */
  async update(chunk: Uint8Array): Promise<void> {
    await this.flushBegin();
    for (let offset = 0; offset < chunk.length; offset += SLOT_BYTES) {
      const part = chunk.subarray(offset, offset + SLOT_BYTES);
      const slot = await this.claim();
      new Uint8Array(this.data, slot * SLOT_BYTES, part.length).set(part);
      this.publish(slot, DATA, part.length);
    }
  }

  /**
   * Ends the file without waiting for its digests: the caller can go on with the next file
   * while this thread finishes, and calls the returned function when it needs them.
   */
  async end(): Promise<() => Promise<Digests>> {
    await this.flushBegin();
    const slot = await this.claim();
    const digests = new Promise<Digests>((resolve, reject) => this.waiters.push({ resolve, reject }));
    digests.catch(() => undefined); // a failure is reported to whoever awaits it, never as unhandled
    this.hold();
    this.publish(slot, END, 0);
    return () => digests;
  }

  async digest(): Promise<Digests> {
    return (await this.end())();
  }

  async terminate(): Promise<void> {
    this.worker.removeAllListeners('exit');
    // A call still waiting (an export being cancelled) fails instead of hanging.
    this.fail(new Error('The hashing thread was stopped.'));
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(this.failure);
      this.release();
    }
    Atomics.notify(this.state, CONSUMED); // wakes a reader asleep in claim()
    this.wakeBusyWaiters();
  }

  private wakeBusyWaiters(): void {
    const waiters = this.busyWaiters;
    this.busyWaiters = [];
    for (const wake of waiters) wake();
  }

  /** Slots published and not yet hashed. */
  private queued(): number {
    return (this.written - Atomics.load(this.state, CONSUMED)) | 0;
  }

  private hold(): void {
    if (this.holds++ === 0) this.worker.ref();
  }

  private release(): void {
    if (--this.holds === 0) this.worker.unref();
  }

  private async flushBegin(): Promise<void> {
    if (this.pendingBegin === null) return;
    const names = Buffer.from(this.pendingBegin, 'latin1');
    this.pendingBegin = null;
    const slot = await this.claim();
    new Uint8Array(this.data, slot * SLOT_BYTES, names.length).set(names);
    this.publish(slot, BEGIN, names.length);
  }

  /** The next slot, once free. When the ring is full, sleeps until half of it is free. */
  private async claim(): Promise<number> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const consumed = Atomics.load(this.state, CONSUMED);
      if (((this.written - consumed) | 0) < SLOTS) return this.written & (SLOTS - 1);
      Atomics.store(this.state, WAKE_AT, (this.written - SLOTS / 2) | 0);
      Atomics.store(this.state, WAITING, 1);
      // The worker stores CONSUMED before it reads WAITING, so one of the two sees the other.
      const wait = waitAsync(this.state, CONSUMED, consumed);
      if (wait.async) {
        this.hold();
        await wait.value;
        this.release();
      }
      Atomics.store(this.state, WAITING, 0);
    }
  }

  private publish(slot: number, kind: number, length: number): void {
    this.state[KIND + slot] = kind;
    this.state[LENGTH + slot] = length;
    this.written = (this.written + 1) | 0;
    Atomics.store(this.state, WRITTEN, this.written);
    Atomics.notify(this.state, WRITTEN);
    if (this.busyWaiters.length > 0 && this.queued() >= SLOTS / 2) this.wakeBusyWaiters();
  }
}
