// Select-all over 1 500 results: the count comes from the engine (the window reads only the
// pages it shows), a Ctrl-click deselects one and the count follows, and Export lists the
// exhibits the engine gives for the query, in a virtualised list: the page holds only the
// rows in view, and scrolling to the end shows the last exhibit number.
import { expect, test } from './fixtures';
import { openSyntheticVault } from './helpers';

const COUNT = 1_500;

test('select-all of 1 500 is counted by the engine and the export wizard renders only the rows in view', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await openSyntheticVault(app, COUNT);
  const grid = page.getByRole('grid');
  await expect(grid.locator('[id="cell-0"]:not([aria-busy])')).toBeVisible();

  await grid.focus();
  await page.keyboard.press('ControlOrMeta+a');
  const count = page.getByRole('region', { name: 'Selection' }).getByRole('status');
  await expect(count).toHaveText('1,500 selected');
  // Only the pages near the view were read: the cells far down are not in the page at all.
  await expect(grid.locator(`[id="cell-${COUNT - 1}"]`)).toHaveCount(0);

  // A Ctrl-click takes one out of the select-all; the engine counts the rest.
  await grid.locator('[id="cell-1"]').click({ modifiers: ['ControlOrMeta'] });
  await expect(grid.locator('[id="cell-1"]')).toHaveAttribute('aria-selected', 'false');
  await expect(count).toHaveText('1,499 selected');
  await grid.locator('[id="cell-1"]').click({ modifiers: ['ControlOrMeta'] });
  await expect(count).toHaveText('1,500 selected');

  await page.getByRole('button', { name: 'Export…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Export a sealed bundle' });
  // The engine reads the query's exhibits as the export would (previewExport): seconds for thousands.
  await expect(wizard.getByTestId('export-will-seal')).toContainText('1500', { timeout: 90_000 });
  const order = wizard.getByRole('list', { name: 'Exhibits in order' });
  await expect(order.locator('li').first()).toContainText('E0001');
  const rendered = await order.locator('li').count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(60);
  await expect(order.locator('li').first()).toHaveAttribute('aria-setsize', String(COUNT));

  const scroller = wizard.getByTestId('exhibit-order-scroller');
  await scroller.evaluate((element) => (element.scrollTop = element.scrollHeight));
  await expect(order.locator('li[aria-posinset="1500"]')).toContainText('E1500');
  expect(await order.locator('li').count()).toBeLessThan(60);
  await expect(order.locator('li[aria-posinset="1"]')).toHaveCount(0);
});
