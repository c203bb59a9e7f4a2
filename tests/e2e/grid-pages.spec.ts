// A result list longer than one page (500 items): the grid reads the page it is shown
// (End lands on the last item without reading the pages before it) and a selection covers
// every result, not only the pages read so far.
import { expect, test } from './fixtures';
import { openSyntheticVault } from './helpers';

const COUNT = 1_234;

test('the page halfway down is read when shown, Ctrl+A selects all 1 234 results, End shows the last', async ({ app }) => {
  const { page } = app;
  await openSyntheticVault(app, COUNT);
  const grid = page.getByRole('grid');
  await expect(grid.locator('[id="cell-0"]:not([aria-busy])')).toBeVisible();

  // Halfway: the page there is read too, and nothing stays a blank placeholder.
  await grid.evaluate((element) => (element.scrollTop = element.scrollHeight / 2));
  await expect(grid.locator('[aria-busy="true"]')).toHaveCount(0);

  // Two of the three pages have been read: Ctrl+A still selects all.
  await grid.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await expect(page.getByRole('region', { name: 'Selection' }).getByRole('status')).toHaveText('1,234 selected');

  await page.keyboard.press('End');
  await expect(grid.locator(`[id="cell-${COUNT - 1}"]:not([aria-busy])`)).toBeVisible();
  await expect(grid.locator(`[id="cell-${COUNT - 1}"]`)).toHaveAttribute('aria-selected', 'true');
});
