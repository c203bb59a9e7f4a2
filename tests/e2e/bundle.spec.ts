// Export a sealed zip through the wizard (order, details, destination), see it verify,
// verify it again on the verify screen with the pinned key, and see tampered copies fail
// with the reason in plain words.
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const FILES = [join(REAL, 'orientation', 'Portrait_6.jpg'), join(REAL, 'mei', 'with-gps.mov')];

test('export a zip bundle, verify it, and catch tampered copies', async ({ app }) => {
  const { page } = app;
  const { fingerprint } = await openNewVault(app);
  await (await importByDrop(app, FILES)).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('gridcell').first().click();
  await page.keyboard.press('Control+a');
  await expect(page.getByRole('region', { name: 'Selection' })).toContainText('2 selected');
  await page.getByRole('button', { name: 'Export…' }).click();

  const wizard = page.getByRole('dialog', { name: 'Export a sealed bundle' });
  const order = wizard.getByRole('list', { name: 'Exhibits in order' });
  const firstName = (await order.locator('.exhibit-name').first().textContent()) ?? '';
  await wizard.getByRole('button', { name: `Move ${firstName} down` }).click();
  await expect(order.locator('li').nth(1)).toContainText(firstName);
  await screenshot(page, '19-export-order');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Case or file number').fill('2-1234/2021');
  await wizard.getByLabel('Recipient (court, body, person)').fill('Almaty City Court');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Folder to write into').fill(app.dir);
  await wizard.getByLabel('Name of the bundle').fill('exhibits');
  // The last step says what leaves the vault in plaintext before anything is written.
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('export-summary')).toBeVisible();
  await wizard.getByRole('button', { name: 'Write the bundle' }).click();

  const report = wizard.getByRole('region', { name: 'Verification result' });
  await expect(report.getByText('The bundle is intact: 2 exhibits, every byte as sealed.')).toBeVisible({ timeout: 60_000 });
  await expect(report.getByText('Sealed by the key you expected:')).toBeVisible();
  await expect(report.locator('[data-status="PASS"]')).toHaveCount(2);
  // The bundle carries its vault's custody log, which shows the chains complete.
  await expect(report.getByTestId('custody-log')).toContainText('shows each exhibit');
  await expect(report.locator('[data-status="PASS"]').nth(1)).toContainText(firstName);
  await screenshot(page, '20-export-verified');
  await wizard.getByRole('button', { name: 'Close' }).click();
  const zip = join(app.dir, 'exhibits.zip');
  expect((await readdir(app.dir)).includes('exhibits.zip')).toBe(true);

  // The verify screen, with the pinned fingerprint.
  await page.getByRole('button', { name: 'Verify a bundle' }).click();
  await page.getByLabel('Bundle folder or .zip file').fill(zip);
  await page.getByLabel("The sender's key fingerprint (optional)").fill(fingerprint);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  const result = page.getByRole('region', { name: 'Verification result' });
  await expect(result.getByText('PASS').first()).toBeVisible({ timeout: 60_000 });
  await expect(result.getByText('The bundle is intact: 2 exhibits, every byte as sealed.')).toBeVisible();
  await expect(result).toContainText('2-1234/2021');
  await screenshot(page, '21-verify-pass');

  // A tampered copy: one byte of the first exhibit's payload changed inside the zip.
  const bytes = await readFile(zip);
  const marker = bytes.indexOf(Buffer.from('data/E0002_'));
  const tampered = join(app.dir, 'tampered.zip');
  const copy = Buffer.from(bytes);
  const at = marker + 4000;
  copy[at] = (copy[at] ?? 0) ^ 0xff;
  await writeFile(tampered, copy);
  await page.getByLabel('Bundle folder or .zip file').fill(tampered);
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(result.getByText(/The bundle fails the check/)).toBeVisible({ timeout: 60_000 });
  await expect(result.locator('[data-status="FAIL"]').first()).toContainText(/differs from the one that was sealed|damaged/);
  await screenshot(page, '22-verify-fail');

  // A key other than the sender's: the seal is valid, but not by the expected signer.
  await copyFile(zip, join(app.dir, 'other.zip'));
  await page.getByLabel('Bundle folder or .zip file').fill(join(app.dir, 'other.zip'));
  await page.getByLabel("The sender's key fingerprint (optional)").fill('ab'.repeat(32));
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(result.getByText('Sealed by a key you did not expect:')).toBeVisible({ timeout: 60_000 });
});
