/**
 * One app under test: the built renderer in a Playwright page, `window.tamga` built by
 * the preload's createBridge (page-bridge.ts) over a binding that answers each channel
 * exactly as the main process does (answerApiCall, answerShellCall, the same sender
 * check), the real engine in the built worker (startEngineHost), engine events pushed to
 * the page, media through the same media service, and auto-lock with a fake idle clock.
 *
 * What only a person or the OS would provide is scripted by the test: the folder a
 * dialog returns, the paths of dropped files, the machine going idle.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { AutoLock } from '../../../src/main/auto-lock';
import { isApiMethod } from '../../../src/main/engine-host/dispatch';
import { startEngineHost, type EngineHost } from '../../../src/main/engine-host/host';
import { answerApiCall } from '../../../src/main/ipc/api-call';
import { saveOriginalCopy } from '../../../src/main/ipc/save-original';
import { answerShellCall } from '../../../src/main/ipc/shell-call';
import { createMediaService } from '../../../src/main/media/media-service';
import type { ApiEvent } from '../../../src/shared/api';
import type { Result } from '../../../src/shared/errors';
import type { ExtractResult } from '../../../src/shared/items';
import type { MediaChunk } from '../../../src/shared/media';
import { SHELL_METHODS, type ShellMethod } from '../../../src/shared/shell';
import { bridgeScript } from './bridge-script';
import { BUILT_RENDERER, BUILT_WORKER } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

export interface Harness {
  readonly page: Page;
  readonly engine: EngineHost;
  /** A fresh temp folder for this test's vaults and files. */
  readonly dir: string;
  /** Every engine event so far, in order. */
  readonly events: readonly ApiEvent[];
  /** Errors thrown in the page and dialogs it opened (an injected alert would be one). */
  readonly pageErrors: readonly string[];
  readonly dialogs: readonly string[];
  /** Errors matching this are expected by the test (e.g. a 404 it provoked) and not reported. */
  ignoreErrors(pattern: RegExp): void;
  /** What the next folder dialog returns (null: the person cancels). */
  answerNextFolderDialog(path: string | null): void;
  answerNextImportDialog(paths: readonly string[]): void;
  /** What the next save dialog returns (null: the person cancels). */
  answerNextSaveDialog(path: string | null): void;
  /** The names the save dialogs suggested, in order. */
  readonly saveDialogs: readonly string[];
  /** Drops files with these paths on the element, as a person dragging them from a file manager would. */
  dropFiles(selector: string, paths: readonly string[]): Promise<void>;
  /** The machine has been idle for `seconds`: auto-lock checks now. */
  idleFor(seconds: number): void;
  close(): Promise<void>;
}

const isShellMethod = (value: string): value is ShellMethod => (SHELL_METHODS as readonly string[]).includes(value);

export async function startHarness(page: Page): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'tamga-e2e-'));
  const engine = startEngineHost(BUILT_WORKER);
  const media = createMediaService({ read: (request) => engine.callEngine('readMedia', request) as Promise<Result<MediaChunk>>, urlFor: (token) => `${server.origin}/media/${token}` });
  const server: StaticServer = await startStaticServer(BUILT_RENDERER, media);
  let idle = 0;
  const autoLock = new AutoLock({ idleSeconds: () => idle, lock: (reason) => void engine.lock(reason) });
  const folderAnswers: Array<string | null> = [];
  const importAnswers: Array<readonly string[]> = [];
  const saveAnswers: Array<string | null> = [];
  const saveDialogs: string[] = [];
  const events: ApiEvent[] = [];
  const pageErrors: string[] = [];
  const dialogs: string[] = [];
  const ignored: RegExp[] = [];

  const report = (text: string): void => {
    if (!ignored.some((pattern) => pattern.test(text))) pageErrors.push(text);
  };
  page.on('pageerror', (error) => report(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') report(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  // Events in order, one evaluate after another, as the single IPC channel would deliver them.
  let delivering: Promise<unknown> = Promise.resolve();
  engine.onEvent((event) => {
    events.push(event);
    media.onEngineEvent(event);
    autoLock.onEngineEvent(event);
    delivering = delivering
      .then(() => page.evaluate((payload) => (window as unknown as { __tamgaHarnessEmit?: (p: unknown) => void }).__tamgaHarnessEmit?.(payload), event))
      .catch(() => undefined);
  });

  await page.exposeBinding('__tamgaHarnessInvoke', async (source, channel: string, arg: unknown) => {
    // The main process's isTrustedSender: the main frame of the app's page only.
    const trusted = source.frame === page.mainFrame() && source.frame.url().startsWith(server.origin);
    const [prefix, name = ''] = channel.split(':');
    if (prefix === 'tamga' && isApiMethod(name)) return answerApiCall(name, [arg], trusted, engine.callEngine);
    if (prefix === 'tamga-shell' && isShellMethod(name)) {
      return answerShellCall(name, [arg], trusted, {
        chooseFolder: async () => folderAnswers.shift() ?? null,
        chooseImportSources: async () => [...(importAnswers.shift() ?? [])],
        saveOriginalCopy: (request) =>
          saveOriginalCopy(request, {
            chooseSavePath: async (ask) => {
              saveDialogs.push(ask.defaultName);
              return saveAnswers.shift() ?? null;
            },
            extract: (extract) => engine.callEngine('extractItem', extract) as Promise<Result<ExtractResult>>,
          }),
        mediaUrls: (refs) => media.urls(refs),
      });
    }
    return { ok: false, error: { code: 'INVALID_ARGUMENT', message: `No channel ${channel}.` } };
  });
  await page.addInitScript({ content: await bridgeScript() });
  await page.goto(`${server.origin}/`);

  return {
    page,
    engine,
    dir,
    events,
    pageErrors,
    dialogs,
    ignoreErrors: (pattern) => ignored.push(pattern),
    answerNextFolderDialog: (path) => folderAnswers.push(path),
    answerNextImportDialog: (paths) => importAnswers.push(paths),
    answerNextSaveDialog: (path) => saveAnswers.push(path),
    saveDialogs,
    async dropFiles(selector, paths) {
      const names = Object.fromEntries(paths.map((path) => [basename(path), path]));
      const transfer = await page.evaluateHandle((files) => {
        (window as unknown as { __tamgaHarnessPaths: Record<string, string> }).__tamgaHarnessPaths = files;
        const data = new DataTransfer();
        for (const name of Object.keys(files)) data.items.add(new File(['x'], name));
        return data;
      }, names);
      for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent(selector, type, { dataTransfer: transfer });
    },
    idleFor(seconds) {
      idle = seconds;
      autoLock.check();
      idle = 0;
    },
    async close() {
      await delivering;
      await engine.close();
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
