// The real app in real Electron (Playwright's _electron): create a vault, import two
// fixtures, see a thumbnail served by the media protocol, export and verify a bundle,
// lock. Everything else drives the built renderer in Chromium with the engine wired in
// (tests/e2e); this is the one walk through the real main process, preload and protocol.
// Where the Electron binary could not be downloaded it is skipped with one line saying so.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronBinary, SKIP_LINE } from './electron-binary';

const ROOT = join(import.meta.dirname, '..', '..');
const REAL = join(ROOT, 'tests', 'fixtures', 'real');
const PASSPHRASE = 'plum orbit canyon whistle 42';
const binary = electronBinary();

test.skip(binary === null, SKIP_LINE);

let app: ElectronApplication;
let dir: string;

test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tamga-electron-'));
  app = await electron.launch({ executablePath: binary ?? '', args: [ROOT] });
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
  await wizard.getByRole('button', { name: 'Write the bundle' }).click();
  const report = wizard.getByRole('region', { name: 'Verification result' });
  await expect(report.locator('[data-status="PASS"]')).toHaveCount(2, { timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('Control+l');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(page.getByRole('gridcell')).toHaveCount(0);
});
