// The verify screen's three states, in English and in Russian: a bundle by a key nobody
// confirmed is amber ("intact, sender not confirmed"), never a green PASS, with its
// fingerprint grouped and the way to confirm it; confirmed ("remember it as …"), the same
// bundle is a green PASS by the named known sender; a changed byte is a red FAIL. Then
// Settings → Known senders lists, refuses a malformed fingerprint, removes and adds.
// Writes verify-{unconfirmed,confirmed,tampered}-{en,ru}.png to test-results/screenshots, or to
// docs/screenshots when TAMGA_DOCS_SCREENSHOTS=1 (so that a test run never changes tracked files).
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNewVault } from './helpers';
import { ROOT } from './harness/paths';
import { strings } from './state-helpers';

const DOCS_SCREENSHOTS = process.env['TAMGA_DOCS_SCREENSHOTS'] === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const NAME = "Observers' vault";

async function docsScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`) });
}

const grouped = (hex: string): string => hex.match(/.{4}/g)?.join(' ') ?? hex;

for (const lang of ['en', 'ru'] as const) {
  test(`verify states and known senders (${lang})`, async ({ app }) => {
    const { page } = app;
    const t = strings(lang);
    const english = strings('en');
    await openNewVault(app);
    const { fingerprint } = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'helpers', 'write-signed-bundles.ts'), app.dir], { cwd: ROOT, encoding: 'utf8' })) as { fingerprint: string };
    await page.getByRole('button', { name: english('nav.settings') }).click();
    await page.getByRole('combobox', { name: english('language.label') }).selectOption(lang);

    // Unconfirmed: amber, no PASS anywhere, the fingerprint in groups, the way to confirm.
    await page.getByRole('button', { name: t('nav.verify') }).click();
    await page.getByLabel(t('verify.bundle')).fill(join(app.dir, 'genuine'));
    await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
    const result = page.getByRole('region', { name: t('verify.reportLabel') });
    await expect(result.locator('[data-verdict="intact-unconfirmed-signer"]')).toBeVisible({ timeout: 60_000 });
    await expect(result.locator('.verdict .badge-warning')).toHaveText(t('verify.unconfirmed'));
    await expect(result.getByText(t('verify.unconfirmedLine'))).toBeVisible();
    await expect(result.locator('[data-status="UNCONFIRMED"]')).toHaveCount(2);
    await expect(result.locator('[data-status="PASS"]')).toHaveCount(0);
    await expect(result.locator('.badge-safe')).toHaveCount(0);
    await expect(result.getByText(t('verify.pass'), { exact: true })).toHaveCount(0);
    await expect(result.getByTestId('fingerprint')).toHaveText(grouped(fingerprint));
    const remember = result.getByLabel(t('verify.remember.confirm'));
    await result.locator('.verdict').evaluate((verdict) => verdict.scrollIntoView({ block: 'start' }));
    await docsScreenshot(page, `verify-unconfirmed-${lang}`);

    // Confirmed from the report: remembered in the vault, checked again, green by name.
    await remember.fill(NAME);
    await result.getByRole('button', { name: t('verify.remember.save') }).click();
    await expect(page.getByText(t('verify.remember.saved', { name: NAME }))).toBeVisible();
    await expect(result.locator('[data-verdict="valid"]')).toBeVisible({ timeout: 60_000 });
    await expect(result.locator('.verdict')).toContainText(t('verify.validByLine', { name: NAME }));
    await expect(result.getByText(t('verify.trust.knownSender', { name: NAME }))).toBeVisible();
    await expect(result.locator('[data-status="PASS"]')).toHaveCount(2);
    await docsScreenshot(page, `verify-confirmed-${lang}`);

    // Tampered: one changed byte, by the same (now known) sender: red FAIL on that exhibit.
    await page.getByLabel(t('verify.bundle')).fill(join(app.dir, 'tampered'));
    await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
    await expect(result.locator('[data-verdict="invalid"]')).toBeVisible({ timeout: 60_000 });
    await expect(result.locator('[data-status="FAIL"]')).toHaveCount(1);
    await expect(result.locator('[data-status="FAIL"]')).toContainText(t('verify.problems.PAYLOAD_HASH_MISMATCH'));
    await docsScreenshot(page, `verify-tampered-${lang}`);

    // Settings → Known senders: listed; a malformed fingerprint cannot be added; remove, add.
    await page.getByRole('button', { name: t('nav.settings') }).click();
    const list = page.getByRole('list', { name: t('senders.listLabel') });
    await expect(list).toContainText(NAME);
    await expect(list).toContainText(grouped(fingerprint));
    await list.getByRole('button', { name: t('senders.remove', { name: NAME }) }).click();
    await expect(page.getByText(t('senders.empty'))).toBeVisible();
    await page.getByLabel(t('senders.name'), { exact: true }).fill('Бюро');
    await page.getByLabel(t('senders.fingerprint'), { exact: true }).fill(fingerprint.slice(1));
    await expect(page.getByText(t('senders.fingerprintInvalid'))).toBeVisible();
    await expect(page.getByRole('button', { name: t('senders.add') })).toBeDisabled();
    await page.getByLabel(t('senders.fingerprint'), { exact: true }).fill(grouped(fingerprint.toUpperCase()));
    await page.getByRole('button', { name: t('senders.add') }).click();
    await expect(list).toContainText('Бюро');

    // Removed and added again under another name: the verdict follows the store.
    await page.getByRole('button', { name: t('nav.verify') }).click();
    await page.getByLabel(t('verify.bundle')).fill(join(app.dir, 'genuine'));
    await page.getByRole('button', { name: t('verify.run'), exact: true }).click();
    await expect(result.locator('.verdict')).toContainText(t('verify.validByLine', { name: 'Бюро' }), { timeout: 60_000 });
  });
}
