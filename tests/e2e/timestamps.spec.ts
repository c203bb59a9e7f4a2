// Trusted time in the window, in English, Russian and Kazakh, with real RFC 3161 servers on
// loopback (OpenSSL's TSA, tests/helpers/tsa-server.ts; the engine runs in this process, so
// it reaches them): a bundle exported with no server saved leaves a hint that leads to
// Settings; Settings refuses an ftp:// address with its reason and saves a server that
// answers and one that is down; the status bar says "1 seal waiting for a timestamp",
// offers nothing while offline, and "Get timestamps now" reports per server (stamped 1;
// the one down could not be reached, nothing recorded); once the down server is removed
// the line is gone.
// Writes timestamps-{settings,waiting,report}-{en,ru,kk}.png to test-results/screenshots, or to
// docs/screenshots when TAMGA_DOCS_SCREENSHOTS=1 (so that a test run never changes tracked files).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createTestPki, refusedUrl, type TestPki, type TestTsa } from '../helpers/tsa-server';
import { expect, test } from './fixtures';
import { importByDrop, openNewVault } from './helpers';
import { REAL } from './harness/fixture-files';
import type { Harness } from './harness/harness';
import { ROOT } from './harness/paths';
import { strings } from './state-helpers';

const SCREENSHOTS = process.env['TAMGA_DOCS_SCREENSHOTS'] === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const PHOTO = join(REAL, 'orientation', 'Landscape_3.jpg');

async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

let pki: TestPki;
let tsa: TestTsa;
let downUrl: string;

test.beforeAll(async () => {
  pki = await createTestPki();
  tsa = await pki.startTsa({ key: 'ec', name: 'Tamga Test TSA' });
  downUrl = await refusedUrl();
});

test.afterAll(async () => {
  await pki.dispose();
});

/** Imports one photo and exports it as a sealed folder through the wizard (in English, before the language changes). */
async function exportOneBundle(app: Harness): Promise<void> {
  const { page } = app;
  await (await importByDrop(app, [PHOTO])).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('gridcell').first().click();
  await page.getByRole('button', { name: 'Export…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Export a sealed bundle' });
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByLabel('Folder to write into').fill(app.dir);
  await wizard.getByLabel('Name of the bundle').fill('exhibits');
  // The last step says what leaves the vault in plaintext before anything is written.
  await wizard.getByRole('button', { name: 'Next' }).click();
  await expect(wizard.getByTestId('export-summary')).toBeVisible();
  await wizard.getByRole('button', { name: 'Write the bundle' }).click();
  await expect(wizard.getByRole('region', { name: 'Verification result' }).locator('[data-status="PASS"]')).toHaveCount(1, { timeout: 60_000 });
  await wizard.getByRole('button', { name: 'Close' }).click();
}

for (const lang of ['en', 'ru', 'kk'] as const) {
  test(`timestamp servers in Settings, the waiting seals in the status bar, and getting timestamps (${lang})`, async ({ app }) => {
    const { page } = app;
    const t = strings(lang);
    await openNewVault(app);
    const line = page.getByTestId('status-timestamps');
    // No seal yet: nothing is said.
    await expect(line).toHaveCount(0);
    await exportOneBundle(app);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: strings('en')('language.label') }).selectOption(lang);

    // No server saved: a quiet hint that leads to Settings.
    await expect(line).toContainText(t('timestamps.noServers_one', { formatted: '1' }));
    await page.getByRole('button', { name: t('nav.library') }).click();
    await line.getByRole('button', { name: t('timestamps.addServer') }).click();

    const settings = page.getByRole('region', { name: t('timestamps.settingsTitle') });
    await expect(settings).toContainText(t('timestamps.privacy'));
    await expect(settings).toContainText(t('timestamps.advice'));
    await expect(settings).toContainText(t('timestamps.eidas'));
    await expect(settings.getByRole('list', { name: t('timestamps.suggestionsLabel') })).toContainText('http://timestamp.digicert.com');
    await expect(settings.getByTestId('timestamp-servers-empty')).toHaveText(t('timestamps.none'));

    // An address that is not http or https is refused before anything is sent, with its reason.
    const address = settings.getByLabel(t('timestamps.address'), { exact: true });
    const add = settings.getByRole('button', { name: t('timestamps.add'), exact: true });
    await address.fill('ftp://freetsa.org/tsr');
    await expect(settings.getByTestId('timestamp-url-hint')).toHaveText(t('timestamps.problem.scheme'));
    await expect(add).toBeDisabled();
    const saved = settings.getByRole('list', { name: t('timestamps.listLabel') });
    await address.fill(downUrl);
    await add.click();
    await expect(saved.locator('li')).toHaveCount(1);
    await expect(address).toHaveValue('');
    await address.fill(tsa.url);
    await add.click();
    await expect(saved.locator('li')).toHaveText([downUrl, tsa.url].map((url) => new RegExp(url.replace(/[.?]/g, '\\$&'))));
    // The one that answers goes first.
    await saved.getByRole('button', { name: t('timestamps.moveUp', { server: tsa.url }) }).click();
    await expect(saved.locator('li').first()).toContainText(tsa.url);
    await address.fill(tsa.url);
    await expect(settings.getByTestId('timestamp-url-hint')).toHaveText(t('timestamps.problem.duplicate'));
    await address.fill('');
    await settings.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollTo(0, 0);
    });
    await screenshot(page, `timestamps-settings-${lang}`);

    // Offline, nothing is offered and nothing is sent; online, "Get timestamps now".
    await page.getByRole('button', { name: t('nav.library') }).click();
    const waiting = t('timestamps.waiting_one', { formatted: '1' });
    await page.context().setOffline(true);
    await expect(line).toHaveText(`${waiting} — ${t('timestamps.offline')}`);
    await page.context().setOffline(false);
    await expect(line).toContainText(waiting);
    const getNow = line.getByRole('button', { name: t('timestamps.getNow') });
    await expect(getNow).toBeVisible();
    await screenshot(page, `timestamps-waiting-${lang}`);
    const before = tsa.requests();
    await getNow.click();

    // Per server, in plain words: stamped by the one up; the one down recorded nothing.
    const report = page.getByRole('region', { name: t('timestamps.reportTitle') });
    const outcomes = report.getByTestId('timestamp-outcome');
    await expect(outcomes.nth(0)).toContainText(t('timestamps.stamped_one', { server: tsa.url, formatted: '1' }), { timeout: 30_000 });
    // …and, after the seal, the custody log as it then was (its size: a number of events).
    const [logBefore = '', logAfter = ''] = t('timestamps.logStamped', { server: tsa.url, formatted: 'NUMBER' }).split('NUMBER');
    const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(outcomes.nth(0)).toContainText(new RegExp(`${literal(logBefore)}\\d+${literal(logAfter)}`));
    await expect(outcomes.nth(1)).toHaveText(t('timestamps.unreachable', { server: downUrl }));
    await expect(report).toContainText(t('timestamps.total_one', { stamped: '1', formatted: '1' }));
    expect(tsa.requests()).toBe(before + 2); // the seal, then a checkpoint of the log
    // The seal still lacks the down server's timestamp, so it still waits for it.
    await expect(line).toContainText(waiting);
    await screenshot(page, `timestamps-report-${lang}`);
    await report.getByRole('button', { name: t('common.close') }).click();
    await expect(report).toHaveCount(0);

    // Without the server that is down, the seal has every timestamp it waits for: the line is gone.
    await page.getByRole('button', { name: t('nav.settings') }).click();
    await saved.getByRole('button', { name: t('timestamps.remove', { server: downUrl }) }).click();
    await expect(saved.locator('li')).toHaveCount(1);
    await expect(line).toHaveCount(0);
    expect(app.events.some((e) => e.type === 'vaultLocked')).toBe(false);
  });
}
