// "Restore a vault…" for whoever holds the recovery key, not the passphrase (the vault's
// owner is gone, or the passphrase went with the seized laptop): the copy is rebuilt, the
// recovery form opens the rebuilt folder with the 24 words and a new passphrase, and the
// restored vault is checked and opens with every item; the new passphrase is the one that
// works afterwards. And after a wrong passphrase, "Use the recovery key instead" leads to the
// same form. Real engine, real folder copy, real recovery key.
import { join } from 'node:path';
import type { RecoveryKeyMade } from '../../src/shared/recovery';
import type { Harness } from './harness/harness';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault, PASSPHRASE, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

const PHOTOS = [join(REAL, 'orientation', 'Landscape_3.jpg'), join(REAL, 'orientation', 'Portrait_1.jpg')];
const NEW_PASSPHRASE = 'velvet tundra lantern oboe 7';

/** A vault with two photos, a recovery key and a folder copy pushed; the window then locked. Returns the copy's folder and the words. */
async function vaultWithCopy(app: Harness): Promise<{ replica: string; words: readonly string[] }> {
  await openNewVault(app);
  await importByDrop(app, PHOTOS);
  const call = async <T,>(method: Parameters<Harness['engine']['callEngine']>[0], arg: unknown): Promise<T> => {
    const result = await app.engine.callEngine(method, arg);
    if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result)}`);
    return result.value as T;
  };
  const made = await call<RecoveryKeyMade>('createRecoveryKey', {});
  const replica = join(app.dir, 'copy');
  await call('addReplica', { name: 'usb', config: { kind: 'folder', path: replica } });
  await call('pushReplicas', 'usb');
  // Thumbnail reads cut off by the lock are answered 404 (VAULT_LOCKED), as in copies.spec.ts.
  app.ignoreErrors(/status of 404/);
  await app.page.getByRole('button', { name: 'Lock' }).click();
  return { replica, words: made.words ?? [] };
}

async function startRestore(app: Harness, replica: string, target: string): Promise<void> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Restore a vault…' }).click();
  await page.getByLabel("The copy's folder", { exact: true }).fill(replica);
  await page.getByLabel('New vault folder', { exact: true }).fill(target);
}

async function recoverWith(app: Harness, words: readonly string[], target: string): Promise<void> {
  const form = app.page.getByRole('form', { name: 'Open with the recovery key' });
  await expect(form).toContainText(`The copy was rebuilt in ${target}.`);
  await form.getByLabel('The 24 words, in order').fill(words.join(' '));
  await form.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await form.getByLabel('Type the new passphrase again').fill(NEW_PASSPHRASE);
  await form.getByRole('button', { name: 'Open and set the new passphrase' }).click();
}

async function expectRestoredAndOpen(app: Harness): Promise<void> {
  const summary = app.page.getByTestId('restore-summary');
  await expect(summary).toHaveAttribute('data-ok', 'true', { timeout: 90_000 });
  await expect(summary).toContainText('Vault restored');
  await expect(summary).toContainText('The audit passed: 2 items');
  await summary.getByRole('button', { name: 'Open the vault' }).click();
  await expect(app.page.getByTestId('item-count')).toHaveText('2 items');
}

test('restore with the recovery key instead of the passphrase: rebuilt, opened with the words and a new passphrase, checked', async ({ app }) => {
  const { page } = app;
  const { replica, words } = await vaultWithCopy(app);
  expect(words).toHaveLength(24);
  const target = join(app.dir, 'restored');
  await startRestore(app, replica, target);
  await page.getByLabel('I have the recovery key, not the passphrase').check();
  // No passphrase is asked for: the recovery key opens the vault and sets a new one.
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  await recoverWith(app, words, target);
  await expectRestoredAndOpen(app);
  await screenshot(page, 'restore-recovery-key-en');

  // The new passphrase opens the restored vault; the old one does not.
  await page.getByRole('button', { name: 'Lock' }).click();
  const unlock = page.getByRole('form', { name: 'Unlock a vault' });
  await unlock.getByLabel('Vault folder').fill(target);
  await unlock.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(unlock.getByRole('alert')).toContainText('Wrong passphrase');
  await unlock.getByLabel('Passphrase', { exact: true }).fill(NEW_PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByTestId('item-count')).toHaveText('2 items');
});

test('restore after a wrong passphrase: the rebuilt vault stays locked, and the recovery key opens it', async ({ app }) => {
  const { page } = app;
  const { replica, words } = await vaultWithCopy(app);
  const target = join(app.dir, 'restored');
  await startRestore(app, replica, target);
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase of this vault');
  await page.getByRole('button', { name: 'Restore', exact: true }).click();
  const summary = page.getByTestId('restore-summary');
  await expect(summary).toContainText(`The vault was rebuilt in ${target} but did not unlock`, { timeout: 90_000 });
  await summary.getByRole('button', { name: 'Use the recovery key instead' }).click();
  await recoverWith(app, words, target);
  await expectRestoredAndOpen(app);
});
