// Lock during an import, answered "Finish first": the vault stays unlocked and says it
// will lock when the import ends; the import runs to its end (every file archived), then
// the vault locks by itself; after unlocking everything imported is there and nothing
// claims an import was stopped. The "Stop now" answer is state-lock.spec.ts.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { openVaultIn, photoCard, strings, unlockIn } from './state-helpers';

const FILES = 40;

test('lock mid-import, Finish first: the import finishes, then the vault locks, and after unlocking everything is there', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const t = strings('en');
  const vault = await openVaultIn(app, 'en');
  const card = join(app.dir, 'card');
  await photoCard(card, FILES);

  await page.getByRole('button', { name: t('import.button'), exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: t('import.dialogTitle') });
  await dialog.getByLabel(t('import.typePath')).fill(card);
  await dialog.getByRole('button', { name: t('import.start'), exact: true }).click();
  await expect.poll(() => app.events.some((e) => e.type === 'importProgress' && e.progress.filesDone >= 3), { timeout: 60_000 }).toBe(true);

  // The lock, when it comes, cuts off thumbnail reads of the grid still under way (404s, as in state-lock.spec.ts).
  app.ignoreErrors(/status of 404/);
  await page.getByRole('button', { name: t('toolbar.lock') }).click();
  const ask = page.getByTestId('lock-dialog');
  await expect(ask).toContainText(t('lockAsk.title'));
  const askedAt = app.events.length;
  await ask.getByRole('button', { name: t('lockAsk.finishFirst') }).click();

  // Still unlocked, and saying what it waits for.
  await expect(page.getByTestId('lock-after-work')).toContainText(t('lockAsk.locksAfterImport'));
  await expect(page.getByText(t('status.unlocked'), { exact: true })).toBeVisible();

  // The import ends, then the vault locks: the first screen, nothing of the vault left.
  await expect(page.getByRole('tab', { name: t('vault.unlockTitle') })).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('item-count')).toHaveCount(0);
  const after = app.events.slice(askedAt);
  const finished = after.findIndex((e) => e.type === 'importProgress' && e.progress.phase === 'finished');
  const locked = after.findIndex((e) => e.type === 'vaultLocked');
  expect(finished, 'the import finished').toBeGreaterThanOrEqual(0);
  expect(locked, 'the vault locked after the import finished').toBeGreaterThan(finished);
  const last = after[finished];
  expect(last?.type === 'importProgress' ? last.progress.filesDone : -1).toBe(FILES);

  await unlockIn(page, vault, 'en');
  const listed = await app.engine.callEngine('listItems', undefined);
  expect(listed.ok ? (listed.value as unknown[]).length : -1).toBe(FILES);
  await expect(page.getByTestId('item-count')).toHaveText(t('status.items', { count: FILES, formatted: FILES }));
  // Nothing was stopped, so nothing says so.
  await expect(page.getByTestId('stopped-by-lock')).toHaveCount(0);
  const interrupted = await app.engine.callEngine('takeInterruptedWork', undefined);
  expect(interrupted).toEqual({ ok: true, value: null });
});
