/**
 * Every main screen of the window, visited in one language from the first screen to the
 * lock screen, through the UI as a person would, with a callback at each screen (an
 * English scan, screenshots): the first screen (unlock, create, restore, the new vault's
 * fingerprint), the library with items, the detail pane with metadata and the custody
 * timeline, the export wizard's steps and its verified result, the verify screen passing
 * and failing, the import summary with the problems of the malformed fixtures and a
 * malformed item's detail, settings, copies (a folder replica, copied), the lock screen;
 * and, for the English scan, the tag and import dialogs, a search with a note and an
 * engine error in a notice with its technical details.
 * Each screen's heading (or its region) is asserted before the callback runs.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { expect } from './fixtures';
import type { Harness } from './harness/harness';
import { REAL } from './harness/fixture-files';
import { ROOT } from './harness/paths';
import { PASSPHRASE } from './helpers';
import { strings, type Lang } from './state-helpers';

export const MALFORMED = join(ROOT, 'tests', 'fixtures', 'malformed');

/** The broken files whose import problems the summary lists: cut, lying about their structure or type. */
export function malformedFiles(): string[] {
  return ['struct', 'trunc', 'type'].flatMap((dir) => readdirSync(join(MALFORMED, dir)).map((name) => join(MALFORMED, dir, name)));
}

const GOOD = [join(REAL, 'mei', 'Apple iPhone 4.jpg'), join(REAL, 'mei', 'with-gps.mov'), join(REAL, 'orientation', 'Portrait_6.jpg')];

/** `data`: what on this screen is data the tour itself gave: file names, paths, what it typed. */
export type Visit = (screen: string, data: readonly string[]) => Promise<void>;

export async function tour(app: Harness, lang: Lang, onScreen: Visit): Promise<void> {
  const { page } = app;
  const t = strings(lang);
  const given = [app.dir, ROOT, 'Almaty City Court', '2-1234/2021', 'usb', '(iphone -)', ...[...GOOD, ...malformedFiles()].map((path) => basename(path))];
  const visit = (screen: string): Promise<void> => onScreen(screen, given);
  await page.getByLabel('Language').selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('lang', lang);

  // The first screen: its three tabs.
  await page.getByRole('tab', { name: t('vault.unlockTitle') }).click();
  await expect(page.getByRole('tab', { name: t('vault.unlockTitle') })).toHaveAttribute('aria-selected', 'true');
  await visit('first-unlock');
  await page.getByRole('tab', { name: t('restore.title') }).click();
  await expect(page.getByLabel(t('restore.source'), { exact: true })).toBeVisible();
  await visit('first-restore');
  await page.getByRole('tab', { name: t('vault.createTitle') }).click();
  const vault = join(app.dir, `vault-${lang}`);
  await page.getByLabel(t('vault.folder')).fill(vault);
  await page.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(t('vault.confirmPassphrase')).fill(PASSPHRASE);
  await expect(page.getByRole('button', { name: t('vault.create') })).toBeEnabled();
  await visit('first-create');
  await page.getByRole('button', { name: t('vault.create') }).click();
  await expect(page.getByText(t('vault.created'), { exact: true })).toBeVisible();
  const fingerprint = ((await page.getByTestId('fingerprint').textContent()) ?? '').replace(/\s/g, '');
  await visit('vault-created');
  await page.getByRole('button', { name: t('vault.openVault') }).click();
  await expect(page.getByTestId('item-count')).toBeVisible();

  // The library with items, and one item's detail: metadata and the custody timeline.
  await app.dropFiles('.workspace', GOOD);
  const panel = page.getByRole('region', { name: t('import.panel') });
  await expect(panel.getByText(t('import.finished'), { exact: true })).toBeVisible({ timeout: 60_000 });
  await panel.getByRole('button', { name: t('common.close') }).click();
  await expect(page.getByTestId('item-count')).toHaveText(t('status.items', { count: GOOD.length, formatted: String(GOOD.length) }));
  await expect(page.locator('.cell img')).toHaveCount(GOOD.length);
  await visit('library');
  await page.getByRole('gridcell', { name: /Apple iPhone 4/ }).click();
  const detail = page.getByRole('complementary', { name: t('detail.title') });
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();
  await expect(detail.locator('[data-event-type="acquired"]')).toBeVisible();
  await visit('detail');

  // The dialogs over the library: tags for the selection, the import dialog; a search with a note.
  await page.getByRole('button', { name: t('organise.tag') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('tag-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: t('import.button'), exact: true }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await visit('import-dialog');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const search = page.getByRole('searchbox', { name: t('search.label') });
  await search.fill('(iphone -)');
  await search.press('Enter');
  await expect(page.locator('.note-warning')).toBeVisible();
  await visit('search-note');
  await search.fill('');
  await search.press('Enter');
  await page.getByRole('gridcell', { name: /Apple iPhone 4/ }).click();
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();

  // The export wizard, step by step, to the bundle verified as it is written.
  await page.keyboard.press('Control+a');
  await page.getByRole('button', { name: t('export.button') }).click();
  const wizard = page.getByRole('dialog', { name: t('export.title') });
  await expect(wizard.getByRole('list', { name: t('export.orderLabel') })).toBeVisible();
  await visit('export-order');
  await wizard.getByRole('button', { name: t('export.next') }).click();
  await wizard.getByLabel(t('export.fields.caseIdentifier')).fill('2-1234/2021');
  await wizard.getByLabel(t('export.fields.recipient')).fill('Almaty City Court');
  await visit('export-details');
  await wizard.getByRole('button', { name: t('export.next') }).click();
  await wizard.getByLabel(t('export.folder')).fill(app.dir);
  await wizard.getByLabel(t('export.name')).fill(`exhibits-${lang}`);
  await visit('export-destination');
  await wizard.getByRole('button', { name: t('export.next') }).click();
  await expect(wizard.getByTestId('export-summary')).toBeVisible();
  await visit('export-summary');
  await wizard.getByRole('button', { name: t('export.write') }).click();
  const written = wizard.getByRole('region', { name: t('verify.reportLabel') });
  await expect(written.getByText(t('verify.validLine', { count: GOOD.length }))).toBeVisible({ timeout: 60_000 });
  await visit('export-verified');
  await wizard.getByRole('button', { name: t('common.close') }).click();

  // The verify screen: the bundle passes with the sender's key; a copy with one byte changed fails.
  const zip = join(app.dir, `exhibits-${lang}.zip`);
  await page.getByRole('button', { name: t('nav.verify') }).click();
  await expect(page.getByRole('heading', { name: t('verify.title') })).toBeVisible();
  await page.getByLabel(t('verify.bundle')).fill(zip);
  await page.getByLabel(t('verify.key')).fill(fingerprint);
  await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
  const result = page.getByRole('region', { name: t('verify.reportLabel') });
  await expect(result.getByText(t('verify.validLine', { count: GOOD.length }))).toBeVisible({ timeout: 60_000 });
  await visit('verify-pass');
  const bytes = Buffer.from(await readFile(zip));
  const at = bytes.indexOf(Buffer.from('data/E0001_')) + 4000;
  bytes[at] = (bytes[at] ?? 0) ^ 0xff;
  const tampered = join(app.dir, `tampered-${lang}.zip`);
  await writeFile(tampered, bytes);
  await page.getByLabel(t('verify.bundle')).fill(tampered);
  await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
  await expect(result.locator('[data-status="FAIL"]').first()).toBeVisible({ timeout: 60_000 });
  await visit('verify-fail');
  // An engine error in a notice: a bundle that is not there, with the engine's report under Technical details.
  await page.getByLabel(t('verify.bundle')).fill(join(app.dir, 'no-such-bundle.zip'));
  await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible({ timeout: 60_000 });
  await visit('verify-error');

  // The import summary with the malformed files' problems, and one broken item's detail.
  await page.getByRole('button', { name: t('nav.library') }).click();
  await app.dropFiles('.workspace', malformedFiles());
  await expect(panel.getByText(t('import.finished'), { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByRole('region', { name: t('import.warnings') })).toBeVisible();
  await visit('import-summary');
  await panel.getByRole('button', { name: t('common.close') }).click();
  await page.getByRole('gridcell', { name: /jpeg_no_eoi/ }).click();
  await expect(detail.getByRole('heading', { name: 'jpeg_no_eoi.jpg' })).toBeVisible();
  await expect(detail.locator('#detail-problems')).toBeVisible();
  await visit('detail-problems');

  // Settings, and Copies with a folder replica copied to.
  await page.getByRole('button', { name: t('nav.settings'), exact: true }).click();
  await expect(page.getByRole('heading', { name: t('settings.title') })).toBeVisible();
  await visit('settings');
  const copies = page.getByTestId('copies-settings');
  await copies.getByLabel(t('copies.name'), { exact: true }).fill('usb');
  await copies.getByLabel(t('copies.folder'), { exact: true }).fill(join(app.dir, `usb-${lang}`));
  await copies.getByRole('button', { name: t('copies.add') }).click();
  const row = copies.getByTestId('replica').filter({ hasText: 'usb' });
  await row.getByRole('button', { name: t('copies.copyNow') }).click();
  await expect(copies.getByTestId('push-done')).toBeVisible({ timeout: 60_000 });
  await copies.scrollIntoViewIfNeeded();
  await expect(page.getByRole('region', { name: t('copies.settingsTitle') })).toBeVisible();
  await visit('copies');

  // The lock screen after a manual lock.
  await page.getByRole('button', { name: t('toolbar.lock') }).click();
  await expect(page.getByText(t('lock.user'))).toBeVisible();
  await visit('locked');
}
