// Settings: the auto-lock time (which the status bar and the idle lock then follow), the
// legacy hashes, and changing the passphrase (the old one stops working).
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { PASSPHRASE, importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const NEW_PASSPHRASE = 'velvet tundra lantern oboe 7';

test('auto-lock time, legacy hashes and a new passphrase', async ({ app }) => {
  const { page } = app;
  await openNewVault(app);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Lock automatically after the computer has been idle for').selectOption('5');
  const status = page.getByRole('contentinfo', { name: 'Vault status' });
  await expect(status).toContainText('auto-lock after 5 minutes idle');
  await page.getByText('Also compute SHA-1 and MD5 when importing').click();
  await expect(page.getByRole('switch', { name: 'Also compute SHA-1 and MD5 when importing' })).toBeChecked();
  await screenshot(page, '23-settings');

  // Legacy hashes now come with every import.
  await page.getByRole('button', { name: 'All items' }).click();
  await (await importByDrop(app, [join(REAL, 'orientation', 'Landscape_3.jpg')])).getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('region', { name: 'Hashes' })).toContainText('MD5');

  // Four idle minutes do nothing; five lock.
  app.idleFor(4 * 60);
  await expect(status).toBeVisible();
  app.idleFor(5 * 60);
  await expect(page.getByText('The vault locked itself because the computer was idle.')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Current passphrase').fill(PASSPHRASE);
  await page.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByText('Passphrase changed')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await page.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(status).toContainText('auto-lock after 5 minutes idle');
});
