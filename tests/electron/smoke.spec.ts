// The real app in real Electron (Playwright's _electron): create a vault, import two
// fixtures, see a thumbnail served by the media protocol, export and verify a bundle,
// lock; a second launch that quits and leaves the first its window; a window whose
// renderer is crashed coming back locked. Everything else drives the built renderer in
// Chromium with the engine wired in (tests/e2e); this is the one walk through the real
// main process, preload and protocol. Where the Electron binary could not be downloaded
// it is skipped with one line saying so.
//
// The tests share one app, in this order: the crash comes last because Playwright's Page
// stays "crashed" for good once its renderer died (it does not follow the reload), so
// the reloaded window is read through the main process instead.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, SKIP_LINE } from './electron-binary';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL = join(ROOT, 'tests', 'fixtures', 'real');
const PASSPHRASE = 'plum orbit canyon whistle 42';
const EN = JSON.parse(readFileSync(join(ROOT, 'src', 'renderer', 'src', 'i18n', 'locales', 'en.json'), 'utf8')) as { lock: { windowCrashed: string } };
const binary = electronBinary();

test.skip(binary === null, SKIP_LINE);

let app: ElectronApplication;
let dir: string;

/**
 * What every launch of the app here runs with. On Linux Electron's user-data directory
 * (where the single-instance lock lives) is under XDG_CONFIG_HOME: a fresh one keeps the
 * test from meeting a Tamga the developer has open, and gives the second launch the same
 * directory as the first. Elsewhere both use the usual per-user directory.
 */
function appEnv(): Record<string, string> {
  return { ...(process.env as Record<string, string>), XDG_CONFIG_HOME: join(dir, 'config') };
}

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tamga-electron-'));
  app = await electron.launch({ executablePath: binary ?? '', args: [ROOT], env: appEnv() });
});

test.afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

test('create, import, see a thumbnail, export and verify, lock', async () => {
  const page = await app.firstWindow();
  const vault = join(dir, 'vault');
  await page.getByRole('tab', { name: 'Create a vault' }).click();
  await page.getByLabel('Vault folder').fill(vault);
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Open the vault' }).click();

  for (const file of [join(REAL, 'orientation', 'Portrait_6.jpg'), join(REAL, 'mei', 'with-gps.mov')]) {
    await page.getByRole('button', { name: 'Import', exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import files' });
    await dialog.getByLabel('Or type the path of a file or folder').fill(file);
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Import' });
    await expect(panel.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
    await panel.getByRole('button', { name: 'Close' }).click();
  }
  await expect(page.getByRole('gridcell')).toHaveCount(2);

  // The thumbnail came through the tamga-media: protocol of the real main process.
  const image = page.locator('.cell img').first();
  await expect(image).toHaveJSProperty('complete', true);
  expect(await image.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
  expect(await image.getAttribute('src')).toMatch(/^tamga-media:/);

  await page.getByRole('gridcell').first().click();
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: 'Export…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Export a sealed bundle' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Folder to write into').fill(dir);
  await wizard.getByLabel('Name of the bundle').fill('exhibits');
  // The last step says what leaves the vault in plaintext before anything is written.
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('export-summary')).toBeVisible();
  await wizard.getByRole('button', { name: 'Write the bundle' }).click();
  const report = wizard.getByRole('region', { name: 'Verification result' });
  await expect(report.locator('[data-status="PASS"]')).toHaveCount(2, { timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(page.getByRole('gridcell')).toHaveCount(0);
});

test('a second launch quits at once and leaves the running window, brought forward', async () => {
  const page = await app.firstWindow();
  await expect(page.locator('#root')).not.toBeEmpty();
  // Records, in the running main process, the second launch it hears of and what it then
  // does to its window (the calls themselves: a focus or a restore is only visible on a
  // display with a window manager).
  const minimized = await app.evaluate(async ({ app: electronApp, BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) throw new Error('The app has no window.');
    const seen = { launches: [] as string[][], calls: [] as string[] };
    (globalThis as unknown as { tamgaSmoke: typeof seen }).tamgaSmoke = seen;
    electronApp.on('second-instance', (_event, argv) => seen.launches.push(argv));
    const { focus, restore } = window;
    window.focus = () => {
      seen.calls.push('focus');
      focus.call(window);
    };
    window.restore = () => {
      seen.calls.push('restore');
      restore.call(window);
    };
    window.minimize();
    await new Promise((resolve) => setTimeout(resolve, 500));
    return window.isMinimized();
  });
  if (!minimized) test.info().annotations.push({ type: 'note', description: 'This display cannot minimize a window: restoring it was not checked.' });

  // The same app, the same user-data directory, a second process.
  const second = spawn(binary ?? '', [...(process.platform === 'linux' ? ['--no-sandbox'] : []), ROOT], { env: appEnv(), stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve, reject) => {
    second.once('exit', (code) => resolve(code));
    second.once('error', reject);
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const stillRunning = new Promise<'still running'>((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000)));
    expect(await Promise.race([exited, stillRunning]), 'the second launch quits by itself, at once, without an error').toBe(0);
  } finally {
    clearTimeout(timer);
    if (second.exitCode === null && second.signalCode === null) second.kill();
  }

  const after = () =>
    app.evaluate(({ BrowserWindow }) => {
      const seen = (globalThis as unknown as { tamgaSmoke: { launches: string[][]; calls: string[] } }).tamgaSmoke;
      const windows = BrowserWindow.getAllWindows();
      return { launches: seen.launches.length, calls: seen.calls, windows: windows.length, minimized: windows[0]?.isMinimized() ?? null };
    });
  await expect.poll(async () => (await after()).launches).toBe(1);
  const state = await after();
  expect(state.windows).toBe(1);
  expect(state.calls).toEqual(minimized ? ['restore', 'focus'] : ['focus']);
  if (minimized) expect(state.minimized).toBe(false);
  // The running window still works.
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(await page.title()).toBe('Tamga');
});

test('a crashed window comes back locked and says why; the engine has locked the vault', async () => {
  const page = await app.firstWindow();
  await unlockNewVault(page, join(dir, 'crash-vault'));

  // Crash the renderer from the main process, counting what the window goes through.
  await app.evaluate(({ BrowserWindow }) => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) throw new Error('The app has no window.');
    const seen = { gone: [] as string[], loads: 0 };
    (globalThis as unknown as { tamgaCrash: typeof seen }).tamgaCrash = seen;
    window.webContents.on('render-process-gone', (_event, details) => seen.gone.push(details.reason));
    window.webContents.on('did-finish-load', () => (seen.loads += 1));
    window.webContents.forcefullyCrashRenderer();
  });

  const windowState = () =>
    app.evaluate(({ BrowserWindow }) => {
      const seen = (globalThis as unknown as { tamgaCrash: { gone: string[]; loads: number } }).tamgaCrash;
      const [window] = BrowserWindow.getAllWindows();
      return { ...seen, windows: BrowserWindow.getAllWindows().length, crashed: window?.webContents.isCrashed() ?? null, loading: window?.webContents.isLoading() ?? null };
    });
  await expect.poll(windowState, { timeout: 30_000 }).toMatchObject({ loads: 1, windows: 1, crashed: false, loading: false });
  const { gone } = await windowState();
  expect(gone).toHaveLength(1);
  expect(gone[0]).not.toBe('clean-exit');

  // The reloaded page, read in its own renderer: the lock notice, the gate, nothing of the vault.
  const inWindow = <T>(script: string) =>
    app.evaluate(({ BrowserWindow }, code) => BrowserWindow.getAllWindows()[0]?.webContents.executeJavaScript(code) as Promise<T>, script);
  await expect
    .poll(() => inWindow<string>('document.body.innerText'), { timeout: 15_000 })
    .toContain(EN.lock.windowCrashed);
  expect(await inWindow<number>('document.querySelectorAll("[role=tab]").length')).toBeGreaterThan(0);
  expect(await inWindow<number>('document.querySelectorAll("[role=gridcell]").length')).toBe(0);
  expect(await inWindow<string>('document.body.innerText')).not.toContain('Unlocked');

  // And the engine, asked through the reloaded window's own bridge, has no vault open.
  const info = await inWindow<{ ok: boolean; error?: { code: string } }>('window.tamga.vaultInfo()');
  expect(info).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
});

/** Creates a vault, opens it, locks it and unlocks it again through the gate. */
async function unlockNewVault(page: Page, vault: string): Promise<void> {
  await page.getByRole('tab', { name: 'Create a vault' }).click();
  await page.getByLabel('Vault folder').fill(vault);
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Open the vault' }).click();
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('tab', { name: 'Unlock a vault', selected: true })).toBeVisible();
  await expect(page.getByLabel('Vault folder')).toHaveValue(vault);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('contentinfo', { name: 'Vault status' }).getByText('Unlocked')).toBeVisible();
}
