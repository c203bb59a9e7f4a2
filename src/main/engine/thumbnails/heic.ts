/**
 * HEIC/HEIF decoding with heic-decode (libheif compiled to WebAssembly), in worker threads.
 *
 * Why a worker: the decoder works synchronously (~1 s for 12 MP) and would freeze the
 * engine's event loop, and with it every other API call; its WebAssembly heap only grows, so
 * a 48 MP photo would leave ~0.5 GB behind for good; and a hostile file must not be able to
 * wedge or abort the engine's own thread. A worker that runs over its time limit, is
 * cancelled or fails in any way is terminated, which frees all of that.
 *
 * Starting a worker and compiling the WebAssembly costs ~0.4 s, so a healthy worker is kept
 * for the next HEIC (up to two idle workers, for the importer's two files in flight) and
 * ended after a few seconds without work or after a number of images.
 *
 * The pixels come back upright: libheif applies the HEIF transforms (irot, imir, clap) as the
 * HEIF standard requires, and the EXIF Orientation inside a HEIC is then only informative
 * (iPhones write both, e.g. irot 270° with EXIF 6): applying it too would turn the picture twice.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { ThumbnailFailure, STOPPED_REASON } from './failure';
import { HEIC_TIME_LIMIT_MS, MAX_HEIC_PIXELS } from './limits';

export interface DecodedHeic {
  readonly width: number;
  readonly height: number;
  /** 8-bit RGBA, row by row. */
  readonly rgba: Buffer;
}

/** Idle workers kept for the next image. */
const MAX_IDLE_WORKERS = 2;
/** An idle worker ends after this long without work. */
const IDLE_MS = 5_000;
/** A worker ends after this many images, so that its heap cannot grow without end. */
const MAX_JOBS_PER_WORKER = 20;

/**
 * The worker's code, run with `eval` (CommonJS) so that no separate file has to be found at
 * run time or bundled by the build. It decodes the first top-level image, as heic-decode's
 * own default does, after checking its size against the limit.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const decode = require(workerData.modulePath);
parentPort.on('message', async (job) => {
  let images = null;
  try {
    images = await decode.all({ buffer: new Uint8Array(job.bytes) });
    const first = images[0];
    if (!first) throw new Error('no image');
    if (!(first.width > 0 && first.height > 0)) throw new Error('no image size');
    if (first.width * first.height > job.maxPixels) {
      parentPort.postMessage({ id: job.id, ok: false, tooLarge: true, width: first.width, height: first.height });
      return;
    }
    const image = await first.decode();
    const data = image.data;
    parentPort.postMessage({ id: job.id, ok: true, width: image.width, height: image.height, data }, [data.buffer]);
  } catch (err) {
    parentPort.postMessage({ id: job.id, ok: false, message: String(err && err.message ? err.message : err) });
  } finally {
    if (images && typeof images.dispose === 'function') {
      try { images.dispose(); } catch {}
    }
  }
});
`;

type WorkerReply =
  | { id: number; ok: true; width: number; height: number; data: Uint8ClampedArray }
  | { id: number; ok: false; tooLarge?: boolean; width?: number; height?: number; message?: string };

interface PooledWorker {
  readonly worker: Worker;
  jobs: number;
  idleTimer: NodeJS.Timeout | null;
}

const idle: PooledWorker[] = [];
let nextJobId = 1;
let modulePath: string | null = null;

function spawnWorker(): PooledWorker {
  modulePath ??= createRequire(import.meta.url).resolve('heic-decode');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modulePath },
    // libheif prints decoder errors with console.log: keep them out of the app's output.
    stdout: true,
    stderr: true,
  });
  worker.stdout.resume();
  worker.stderr.resume();
  // Errors are handled per job; an 'error' with no listener would take the engine down.
  worker.on('error', () => undefined);
  const pooled: PooledWorker = { worker, jobs: 0, idleTimer: null };
  // A worker that dies while idle must not be handed out again.
  worker.once('exit', () => {
    const at = idle.indexOf(pooled);
    if (at !== -1) idle.splice(at, 1);
    if (pooled.idleTimer !== null) clearTimeout(pooled.idleTimer);
  });
  return pooled;
}

function takeWorker(): PooledWorker {
  const pooled = idle.pop() ?? spawnWorker();
  if (pooled.idleTimer !== null) clearTimeout(pooled.idleTimer);
  pooled.idleTimer = null;
  pooled.worker.ref();
  return pooled;
}

function endWorker(pooled: PooledWorker): void {
  if (pooled.idleTimer !== null) clearTimeout(pooled.idleTimer);
  pooled.idleTimer = null;
  void pooled.worker.terminate().catch(() => undefined);
}

function returnWorker(pooled: PooledWorker): void {
  if (pooled.jobs >= MAX_JOBS_PER_WORKER || idle.length >= MAX_IDLE_WORKERS) {
    endWorker(pooled);
    return;
  }
  // An idle worker must not keep the process (a CLI run, a test) alive.
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => {
    const at = idle.indexOf(pooled);
    if (at !== -1) idle.splice(at, 1);
    endWorker(pooled);
  }, IDLE_MS);
  pooled.idleTimer.unref();
  idle.push(pooled);
}

/** Ends every idle worker now (tests, shutdown, vault lock). */
export async function closeHeicWorkers(): Promise<void> {
  const all = idle.splice(0, idle.length);
  await Promise.all(
    all.map(async (pooled) => {
      if (pooled.idleTimer !== null) clearTimeout(pooled.idleTimer);
      await pooled.worker.terminate().catch(() => undefined);
    }),
  );
}

/** Decodes a HEIC/HEIF file held in memory. Throws ThumbnailFailure; never hangs past the limit. */
export async function decodeHeic(bytes: Buffer, signal?: AbortSignal, timeLimitMs = HEIC_TIME_LIMIT_MS): Promise<DecodedHeic> {
  if (signal?.aborted === true) throw new ThumbnailFailure(STOPPED_REASON);
  const pooled = takeWorker();
  const { worker } = pooled;
  const id = nextJobId++;
  // The worker gets its own copy, moved rather than cloned.
  const copy = new Uint8Array(bytes).buffer;

  let healthy = false;
  try {
    const reply = await new Promise<WorkerReply>((resolve, reject) => {
      const cleanup = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.id !== id) return;
        cleanup();
        resolve(reply);
      };
      const onError = (err: Error): void => {
        cleanup();
        reject(new ThumbnailFailure('The HEIC decoder failed on this file; it may be damaged.', { cause: err }));
      };
      const onExit = (): void => {
        cleanup();
        reject(new ThumbnailFailure('The HEIC decoder stopped on this file; it may be damaged.'));
      };
      const onAbort = (): void => {
        cleanup();
        reject(new ThumbnailFailure(STOPPED_REASON));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new ThumbnailFailure('Decoding the HEIC image took too long and was stopped.'));
      }, timeLimitMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, bytes: copy, maxPixels: MAX_HEIC_PIXELS }, [copy]);
    });
    // A decoder error leaves the worker usable, but its WebAssembly state after a failure
    // is not something to bet the next file on: only clean successes go back to the pool.
    if (!reply.ok) {
      if (reply.tooLarge === true) {
        throw new ThumbnailFailure(
          `The image is larger than Tamga makes previews for (${String(reply.width)} × ${String(reply.height)} pixels).`,
        );
      }
      throw new ThumbnailFailure('This HEIC image could not be decoded; the file may be damaged.', {
        cause: new Error(reply.message ?? 'unknown decoder error'),
      });
    }
    const { width, height, data } = reply;
    if (!Number.isSafeInteger(width) || !Number.isSafeInteger(height) || data.length !== width * height * 4) {
      throw new ThumbnailFailure('The HEIC decoder returned an image of the wrong size.');
    }
    healthy = true;
    return { width, height, rgba: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  } finally {
    pooled.jobs++;
    if (healthy) returnWorker(pooled);
    else endWorker(pooled);
  }
}
