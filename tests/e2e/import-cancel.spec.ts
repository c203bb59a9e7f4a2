// Cancelling an import: it stops, says so, and keeps the files that had finished.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openNewVault, screenshot } from './helpers';

// Traced like every other test: a cancel once closed a descriptor number that Playwright's
// trace writer had reused (the source read through its bare fd while a read was in flight);
// tests/integration/import-cancel-descriptors.test.ts pins the fix at the engine.
test.use({ trace: 'on' });

test('cancel stops an import and keeps what finished', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  const dir = join(app.dir, 'card');
  await mkdir(dir);
  // Large enough that the import is still running when Cancel is pressed.
  for (let i = 0; i < 4; i++) await writeFile(join(dir, `clip${i}.mp4`), randomBytes(96 * 1024 * 1024));
  await page.getByRole('button', { name: 'Import', exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Import files' });
  await dialog.getByLabel('Or type the path of a file or folder').fill(dir);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Import' });
  await expect(panel.getByRole('progressbar', { name: 'Total progress' })).toBeVisible();
  await expect(panel.getByTestId('import-rate')).toBeVisible();
  await screenshot(page, '08b-import-progress');
  await panel.getByRole('button', { name: 'Cancel import' }).click();
  await expect(panel.getByText('Import cancelled')).toBeVisible({ timeout: 60_000 });
  const summary = app.events.filter((e) => e.type === 'importProgress').at(-1);
  expect(summary).toMatchObject({ progress: { phase: 'finished' } });
  const list = await app.engine.callEngine('listItems', undefined);
  const kept = list.ok ? (list.value as unknown[]).length : -1;
  expect(kept).toBeLessThan(4);
  // The files not imported are named, so that they can be imported again.
  const notImported = panel.getByRole('region', { name: /^Not imported \(\d+ files?\)$/ });
  await expect(notImported.getByRole('listitem')).toHaveCount(4 - kept);
  await expect(notImported).toContainText('clip3.mp4');
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('item-count')).toHaveText(kept === 1 ? '1 item' : `${kept} items`);
});
