/**
 * Steps the e2e tests share, done through the UI the way a person would: create a vault,
 * import by dropping files, take a screenshot of a screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Harness } from './harness/harness';
import { ROOT } from './harness/paths';

/** Strong enough for zxcvbn's score 3 (the window refuses weaker ones). */
export const PASSPHRASE = 'plum orbit canyon whistle 42';

export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Makes a synthetic vault of `count` items (bench/synthetic-vault.ts: index rows only,
 * for long result lists) and unlocks it through the unlock form.
 */
export async function openSyntheticVault(app: Harness, count: number): Promise<void> {
  const { page } = app;
  const vault = join(app.dir, 'synthetic');
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'synthetic-vault.ts'), vault, '--count', String(count)], { cwd: ROOT, stdio: 'ignore' });
  await page.getByLabel('Vault folder').fill(vault);
  await page.getByLabel('Passphrase', { exact: true }).fill('benchmark passphrase, not a secret');
  await page.getByRole('button', { name: 'Unlock' }).click();
}

/** Creates a vault through the create form; returns its folder and the fingerprint shown. */
export async function createVault(app: Harness, name = 'vault'): Promise<{ path: string; fingerprint: string }> {
  const { page } = app;
  const path = join(app.dir, name);
  await page.getByRole('tab', { name: 'Create a vault' }).click();
  await page.getByLabel('Vault folder').fill(path);
  await page.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the new passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  return { path, fingerprint: fingerprint.replace(/\s/g, '') };
}

/** Creates a vault and opens it: the empty library. */
export async function openNewVault(app: Harness): Promise<{ path: string; fingerprint: string }> {
  const created = await createVault(app);
  await app.page.getByRole('button', { name: 'Open the vault' }).click();
  await expect(app.page.getByRole('heading', { name: 'This vault is empty' })).toBeVisible();
  return created;
}

/** Drops files on the window and waits for the import summary; returns the panel. */
export async function importByDrop(app: Harness, paths: readonly string[]) {
  await app.dropFiles('.workspace', paths);
  const panel = app.page.getByRole('region', { name: 'Import' });
  await expect(panel.getByText('Import finished')).toBeVisible({ timeout: 60_000 });
  return panel;
}
