/**
 * The text of a PDF as a reader's copy would give it, line by line, read with PDF.js
 * (unpdf's build: plain JavaScript, no native code, no worker of its own). Fonts are not
 * loaded into any font system and nothing is fetched: the PDF is only parsed for its text.
 *
 * It runs on a thread of its own. Reading the text is the largest single piece of work in
 * checking a bundle of many small exhibits (~1.2 s of ~3.4 s for 300 exhibits, all on the
 * checking thread, while the second core idled: such a bundle gives the SHA-512 thread
 * nothing), so bundle-check.ts starts it as soon as the PDF's bytes are read and the check
 * goes on meanwhile. PDF.js is loaded only in that thread (~0.1 s): `tamga verify --help`
 * and a bundle without a PDF never pay for it. One idle thread is kept (unreferenced, so it
 * holds no process open) for the next check, which then finds PDF.js loaded. The worker's
 * code is evaluated from a string (CommonJS) and finds unpdf by a path resolved here, as
 * thumbnails/heic.ts does.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type PdfText = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly reason: string };

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const isTextItem = (item) => typeof item === 'object' && item !== null && 'str' in item && 'hasEOL' in item;
const reason = (error) => (error instanceof Error ? error.message : String(error));
const { getDocumentProxy } = require(workerData.unpdf);
async function textOf(bytes) {
  let doc;
  try {
    doc = await getDocumentProxy(bytes, { verbosity: 0, disableFontFace: true, useSystemFonts: false, stopAtErrors: true });
  } catch (error) {
    return { ok: false, reason: reason(error) };
  }
  try {
    const lines = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      let line = '';
      for (const item of (await page.getTextContent()).items) {
        if (!isTextItem(item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      lines.push(line);
      page.cleanup();
    }
    return { ok: true, lines: lines.filter((l) => l !== '') };
  } catch (error) {
    return { ok: false, reason: reason(error) };
  } finally {
    await doc.loadingTask.destroy();
  }
}
parentPort.on('message', (bytes) =>
  textOf(bytes).then(
    (text) => parentPort.postMessage(text),
    (error) => parentPort.postMessage({ ok: false, reason: reason(error) }),
  ),
);
`;

let unpdfPath: string | null = null;
/** A thread that finished its PDF, kept for the next one (at most one). */
let idle: Worker | null = null;

function takeWorker(): Worker {
  const kept = idle;
  idle = null;
  if (kept !== null) return kept;
  unpdfPath ??= createRequire(import.meta.url).resolve('unpdf');
  const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { unpdf: unpdfPath } });
  // An idle thread that fails or ends is simply not reused.
  worker.on('error', () => undefined).on('exit', () => {
    if (idle === worker) idle = null;
  });
  return worker;
}

/**
 * Reads the text on another thread. Never rejects: a PDF that PDF.js refuses, and a thread
 * that dies (out of memory on a hostile PDF), give `ok: false` with the reason. With
 * `signal`, the thread is stopped when the check is (the result then says so).
 */
export function pdfTextLines(bytes: Uint8Array, signal?: AbortSignal): Promise<PdfText> {
  // A copy: PDF.js takes the buffer over, and the caller still holds (and may hash) the original.
  const copy = new Uint8Array(bytes);
  const worker = takeWorker();
  worker.ref();
  return new Promise((resolve) => {
    let settled = false;
    const onMessage = (text: PdfText): void => settle(text, true);
    const onError = (error: Error): void => settle({ ok: false, reason: error.message }, false);
    const onExit = (code: number): void => settle({ ok: false, reason: `the PDF reading thread stopped (exit code ${code})` }, false);
    const stop = (): void => settle({ ok: false, reason: 'the check was stopped' }, false);
    function settle(text: PdfText, reusable: boolean): void {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', stop);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (reusable && idle === null) {
        worker.unref();
        idle = worker;
      } else void worker.terminate();
      resolve(text);
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    if (signal?.aborted === true) stop();
    else {
      signal?.addEventListener('abort', stop, { once: true });
      worker.postMessage(copy, [copy.buffer]);
    }
  });
}
