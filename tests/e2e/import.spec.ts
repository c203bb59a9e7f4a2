// Importing real camera files through the window: dropped files and a typed path, the
// progress the status bar and panel show, the summary, and the grid filling up.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const ORIENTATION = join(REAL, 'orientation');
const VIDEO = join(REAL, 'mei', 'with-gps.mov');

test('drop photos, then import a video by typed path: progress, summary, grid', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  await screenshot(page, '06-empty-library');

  // Everything the status bar said while the import ran.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    const status = document.querySelector('.status-bar');
    if (status !== null) new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
  });
  const photos = (await readdir(ORIENTATION)).map((name) => join(ORIENTATION, name));
  await app.dropFiles('.workspace', photos);
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel.getByRole('heading', { name: /Importing|Import finished/ })).toBeVisible();
  await expect(panel.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('12 new items')).toBeVisible();
  await expect(panel.getByText('0 files skipped')).toBeVisible();
  // It opens at its headline, focused there, not scrolled down to Close.
  await expect(panel.locator('h2')).toBeFocused();
  expect(await panel.evaluate((p) => p.scrollTop)).toBe(0);
  await screenshot(page, '07-import-summary');
  const seen = await page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
  expect(seen.some((text) => /Importing: \d+ of 12 files/.test(text))).toBe(true);
  const progress = app.events.filter((e) => e.type === 'importProgress');
  expect(progress.at(-1)).toMatchObject({ progress: { phase: 'finished', filesDone: 12, filesTotal: 12 } });

  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(12);
  await expect(page.getByTestId('item-count')).toHaveText('12 items');

  // The dialog, with a typed path (the fallback to the system's file dialog).
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByLabel('Or type the path of a file or folder').fill(VIDEO);
  await dialog.getByRole('button', { name: 'Add' }).click();
  await expect(dialog.getByRole('list', { name: 'To import' })).toContainText('with-gps.mov');
  await dialog.getByLabel('Tags for everything in this import').fill('ballot-stuffing, station 12');
  await screenshot(page, '08-import-dialog');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByText('1 new item')).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(13);
  await expect(page.getByTestId('item-count')).toHaveText('13 items');

  // Every cell shows its thumbnail once it is in view.
  await expect(page.locator('.cell img').first()).toHaveJSProperty('complete', true);
  const loaded = await page.locator('.cell img').evaluateAll((images) => images.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);
  expect(loaded).toBeGreaterThan(0);
  await screenshot(page, '09-library');
});

test('the same files again become acquisitions', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  const photos = (await readdir(ORIENTATION)).map((name) => join(ORIENTATION, name)).slice(0, 3);
  await app.dropFiles('.workspace', photos);
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel.getByText('3 new items')).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: 'Close' }).click();
  await app.dropFiles('.workspace', photos);
  await expect(panel.getByText('3 already in the vault (recorded as other acquisitions)')).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText('0 new items')).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(3);
});
