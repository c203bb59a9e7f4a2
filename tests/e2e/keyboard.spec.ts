// The grid by keyboard: arrows move, Shift extends the selection, Ctrl+A selects all (on a
// Russian layout too: shortcuts go by the physical key),
// Escape clears, Space previews, Enter opens the item in the detail pane.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

test('keyboard navigation in the grid', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  const dir = join(REAL, 'orientation');
  const panel = await importByDrop(app, (await readdir(dir)).slice(0, 6).map((name) => join(dir, name)));
  await panel.getByRole('button', { name: 'Close' }).click();

  const grid = page.getByRole('grid');
  const detail = page.getByRole('complementary', { name: 'Item details' });
  const active = () => grid.evaluate((g) => document.getElementById(g.getAttribute('aria-activedescendant') ?? '')?.textContent ?? '');
  await grid.focus();
  const first = await active();
  await page.keyboard.press('ArrowRight');
  const second = await active();
  expect(second).not.toBe(first);
  await expect(detail.getByRole('heading', { level: 2 })).toHaveText(second.replace(/(\d+ \w+ \d{4}|No capture time)$/, ''));
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(1);

  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('3 selected');
  await screenshot(page, '13-selection');

  await page.keyboard.press('Control+a');
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(6);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(0);

  // On a Russian layout the same keys type "ф" and "а": the shortcuts go by the key.
  const russian = (key: string, code: string) =>
    page.evaluate(([k, c]) => document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, ctrlKey: true, bubbles: true, cancelable: true })), [key, code] as const);
  await russian('ф', 'KeyA');
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(6);
  await page.keyboard.press('Escape');
  await russian('а', 'KeyF');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await grid.focus();

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  const preview = page.getByRole('dialog', { name: 'Preview' });
  await expect(preview.getByRole('img')).toBeVisible();
  await screenshot(page, '14-quick-preview');
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(grid).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
});
