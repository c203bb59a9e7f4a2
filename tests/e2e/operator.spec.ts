// Who operates the vault, in English, Russian and Kazakh: the create form asks for the
// operator (saying it is their own statement, signed by the vault key, not an identity
// check) and refuses a name with a middle dot; the status bar then shows who is at the
// keyboard, and an imported item's custody timeline names the operator before the tool.
// Settings changes the operator: the status bar follows, and so do later events.
// An exported bundle's verification and exhibit list name the operator of each act.
// Writes operator-{create,timeline,settings,verify}-{en,ru,kk}.png and operator-exhibit-list-en.png to test-results/screenshots, or to
// docs/screenshots when TAMGA_DOCS_SCREENSHOTS=1 (so that a test run never changes tracked files).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { PASSPHRASE } from './helpers';
import { REAL } from './harness/fixture-files';
import { ROOT } from './harness/paths';
import { strings, type Lang } from './state-helpers';

const DOCS_SCREENSHOTS = process.env['TAMGA_DOCS_SCREENSHOTS'] === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');
const PHOTO = join(REAL, 'mei', 'Apple iPhone 4.jpg');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function docsScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(DOCS_SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`) });
}

const OPERATORS: Record<Lang, { name: string; role: string; organisation: string }> = {
  en: { name: 'Aigerim Sultanova', role: 'observer', organisation: 'Kazakhstan International Bureau for Human Rights' },
  ru: { name: 'Айгерим Султанова', role: 'наблюдатель', organisation: 'Казахстанское международное бюро по правам человека' },
  kk: { name: 'Айгерім Сұлтанова', role: 'бақылаушы', organisation: 'Адам құқықтары жөніндегі Қазақстан халықаралық бюросы' },
};

for (const lang of ['en', 'ru', 'kk'] as const) {
  test(`the operator at create, in the status bar and on the custody timeline (${lang})`, async ({ app }) => {
    const { page } = app;
    const t = strings(lang);
    const who = OPERATORS[lang];
    const stated = `${who.name} (${who.role}, ${who.organisation})`;
    await page.getByRole('combobox', { name: strings('en')('language.label') }).selectOption(lang);

    // The create form asks who operates the vault, and says what that record is.
    await page.getByRole('tab', { name: t('vault.createTitle') }).click();
    const form = page.getByRole('form', { name: t('vault.createTitle') });
    const operator = form.getByRole('group', { name: t('operator.title') });
    await expect(operator).toContainText(t('operator.intro'));
    await expect(operator).toContainText(t('operator.statement'));
    await form.getByLabel(t('vault.folder')).fill(join(app.dir, 'vault'));
    await form.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(PASSPHRASE);
    await form.getByLabel(t('vault.confirmPassphrase')).fill(PASSPHRASE);
    // A middle dot would make the custody actor ambiguous: refused before anything is sent.
    await operator.getByLabel(t('operator.name'), { exact: true }).fill(`${who.name} · tamga-app 9.9.9`);
    await expect(operator.getByText(t('operator.problem.separator'))).toBeVisible();
    await expect(form.getByRole('button', { name: t('vault.create') })).toBeDisabled();
    await operator.getByLabel(t('operator.name'), { exact: true }).fill(who.name);
    await operator.getByLabel(t('operator.role'), { exact: true }).fill(who.role);
    await operator.getByLabel(t('operator.organisation'), { exact: true }).fill(who.organisation);
    await operator.getByLabel(t('operator.contact'), { exact: true }).fill('+7 701 000 00 00');
    await operator.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await docsScreenshot(page, `operator-create-${lang}`);
    await form.getByRole('button', { name: t('vault.create') }).click();
    await page.getByRole('button', { name: t('vault.openVault') }).click();
    await expect(page.getByRole('heading', { name: t('library.emptyTitle') })).toBeVisible();

    // Who is at the keyboard, in the status bar, with what it is on hover.
    const status = page.getByTestId('status-operator');
    await expect(status).toHaveText(t('operator.status', { name: who.name }));
    await expect(status).toHaveAttribute('title', t('operator.statusTitle', { operator: stated }));

    // An imported item's custody timeline: the operator's statement, then the tool.
    await app.dropFiles('.workspace', [PHOTO]);
    const panel = page.getByRole('region', { name: t('import.panel') });
    await expect(panel.getByText(t('import.finished'))).toBeVisible({ timeout: 60_000 });
    await panel.getByRole('button', { name: t('common.close') }).click();
    await page.getByRole('gridcell', { name: /Apple iPhone 4\.jpg/ }).click();
    const detail = page.getByRole('complementary', { name: t('detail.title') });
    const timeline = detail.getByRole('list', { name: t('detail.custody') });
    const acquired = timeline.locator('[data-event-type="acquired"]');
    // One sentence in the window's language: the act, the operator's statement, the program, the time with its offset.
    const sentence = t('custody.sentence.byOperator', { act: t('custody.sentence.acquired', { path: PHOTO }), operator: stated, tool: t('custody.sentence.tool', { version: VERSION }), when: 'WHEN' });
    const [before = '', after = ''] = sentence.split('WHEN');
    const quote = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await expect(acquired.getByTestId('event-sentence')).toHaveText(new RegExp(`^${quote(before)}.+ [+-]\\d{2}:\\d{2}${quote(after)}$`));
    // The hashes shortened, each Copy button's name beginning with its visible word (axe: label-content-name-mismatch).
    await expect(acquired.getByRole('button', { name: t('custody.sentence.copyValue', { name: 'SHA-256' }) })).toContainText(t('common.copy'));
    expect(t('custody.sentence.copyValue', { name: 'SHA-256' }).startsWith(t('common.copy'))).toBe(true);
    expect(t('custody.sentence.copyEventHash').startsWith(t('common.copy'))).toBe(true);
    await expect(acquired.getByText(t('custody.sentence.raw'))).toBeVisible();
    await expect(timeline).not.toContainText('sourcePath', { useInnerText: true });
    await acquired.evaluate((el) => {
      // The detail pane scrolls to the event; the window itself stays put.
      el.scrollIntoView({ block: 'center' });
      window.scrollTo(0, 0);
    });
    await docsScreenshot(page, `operator-timeline-${lang}`);

    // Settings: shown as recorded; changed, the status bar follows.
    await page.getByRole('button', { name: t('nav.settings') }).click();
    const settings = page.getByRole('region', { name: t('operator.settingsTitle') });
    await expect(settings.getByTestId('operator-current')).toHaveText(stated);
    await settings.getByLabel(t('operator.role'), { exact: true }).fill('');
    await settings.getByLabel(t('operator.organisation'), { exact: true }).fill('');
    await settings.getByLabel(t('operator.contact'), { exact: true }).fill('');
    await settings.getByLabel(t('operator.name'), { exact: true }).fill('Daniyar Bekov');
    await settings.getByRole('button', { name: t('operator.save') }).click();
    await expect(settings.getByRole('status')).toHaveText(t('operator.saved', { name: 'Daniyar Bekov' }));
    await expect(status).toHaveText(t('operator.status', { name: 'Daniyar Bekov' }));
    await settings.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollTo(0, 0);
    });
    await docsScreenshot(page, `operator-settings-${lang}`);
    await settings.getByRole('button', { name: t('operator.clear') }).click();
    await expect(settings.getByRole('status')).toHaveText(t('operator.cleared'));
    await expect(status).toHaveText(t('operator.statusNone'));
    await expect(settings.getByTestId('operator-current')).toHaveText(t('operator.none'));
  });
}

for (const lang of ['en', 'ru', 'kk'] as const) {
  test(`a bundle exported by an operator: its verification names who did each act, as stated (${lang})`, async ({ app }) => {
    const { page } = app;
    const t = strings(lang);
    const who = OPERATORS[lang];
    await page.getByRole('combobox', { name: strings('en')('language.label') }).selectOption(lang);
    await page.getByRole('tab', { name: t('vault.createTitle') }).click();
    const form = page.getByRole('form', { name: t('vault.createTitle') });
    await form.getByLabel(t('vault.folder')).fill(join(app.dir, 'vault'));
    await form.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(PASSPHRASE);
    await form.getByLabel(t('vault.confirmPassphrase')).fill(PASSPHRASE);
    await form.getByLabel(t('operator.name'), { exact: true }).fill(who.name);
    await form.getByLabel(t('operator.role'), { exact: true }).fill(who.role);
    await form.getByRole('button', { name: t('vault.create') }).click();
    await page.getByRole('button', { name: t('vault.openVault') }).click();
    await app.dropFiles('.workspace', [PHOTO]);
    const panel = page.getByRole('region', { name: t('import.panel') });
    await expect(panel.getByText(t('import.finished'))).toBeVisible({ timeout: 60_000 });
    await panel.getByRole('button', { name: t('common.close') }).click();
    await page.getByRole('gridcell', { name: /Apple iPhone 4\.jpg/ }).click();
    await page.getByRole('button', { name: t('export.button') }).click();
    const wizard = page.getByRole('dialog', { name: t('export.title') });
    await wizard.getByRole('button', { name: t('export.next') }).click();
    await wizard.getByRole('button', { name: t('export.next') }).click();
    await wizard.getByLabel(t('export.folder')).fill(app.dir);
    await wizard.getByLabel(t('export.name')).fill('exhibits');
    // The last step says what leaves the vault in plaintext before anything is written.
    await wizard.getByRole('button', { name: t('export.next') }).click();
    await expect(wizard.getByTestId('export-summary')).toBeVisible();
    await wizard.getByRole('button', { name: t('export.write') }).click();
    const report = wizard.getByRole('region', { name: t('verify.reportLabel') });
    await expect(report.locator('[data-status="PASS"]')).toHaveCount(1, { timeout: 60_000 });
    const acts = `${who.name} (${who.role}) — ${t('custody.types.acquired')}`;
    await expect(report.getByTestId('exhibit-operators')).toHaveText(t('verify.operatorsLine', { operators: acts }));
    await report.getByTestId('exhibit-operators').scrollIntoViewIfNeeded();
    await docsScreenshot(page, `operator-verify-${lang}`);

    // The exhibit list a clerk prints names the operator beside each act (it is written in English).
    const opened = join(app.dir, 'opened');
    execFileSync('unzip', ['-q', join(app.dir, 'exhibits.zip'), '-d', opened]);
    const list = readdirSync(opened, { recursive: true, encoding: 'utf8' }).find((p) => p.endsWith('exhibit-list.html'));
    if (list === undefined) throw new Error('the bundle holds no exhibit-list.html');
    await page.goto(pathToFileURL(join(opened, list)).href);
    await expect(page.getByText(who.name).first()).toBeVisible();
    await page.getByText(who.name).first().scrollIntoViewIfNeeded();
    if (lang === 'en') await docsScreenshot(page, 'operator-exhibit-list-en');
  });
}
