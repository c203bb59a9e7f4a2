// The selection across a search change, and what an export says before it writes, in
// English, Russian and Kazakh. Two items selected, then a search that shows one of them:
// "2 selected, 1 not in these results"; a search that shows none: "… 2 not in these
// results" over zero results. Export then lists exactly the two it will seal, each marked
// as not in the results, and its last step before writing says what leaves the vault in
// plaintext: both originals unencrypted, 1 with a GPS position, 1 description, the notes
// never. The bundle written is verified.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { importByDrop } from './helpers';
import { REAL } from './harness/fixture-files';
import { LANGS, openVaultIn, screenshotsOf, seriousViolations, strings, switchLanguage, type Lang, type Strings } from './state-helpers';

const WITH_GPS = join(REAL, 'mei', 'Apple iPhone 4.jpg');
const NO_GPS = join(REAL, 'mei', 'Canon EOS 7D.jpg');

async function search(page: Page, t: Strings, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: t('search.label') });
  await box.fill(query);
  await box.press('Enter');
}

/** Describes one item and writes a note on another, through the detail pane. */
async function describe(page: Page, t: Strings, name: string, field: 'description' | 'notes', text: string): Promise<void> {
  const detail = page.getByRole('complementary', { name: t('detail.title') });
  await page.getByRole('gridcell', { name: new RegExp(name.replace(/\./g, '\\.')) }).click();
  // The pane shows the item clicked (until then, what is typed is the previous item's draft).
  await expect(detail.getByRole('heading', { name })).toBeVisible();
  await detail.getByRole('textbox', { name: t(`organise.fields.${field}`), exact: true }).fill(text);
  await detail.getByRole('button', { name: t('organise.save'), exact: true }).click();
  // Exact: until the save returns, "Not saved yet" and the "Save" + "Discard" row both contain "saved".
  await expect(detail.getByText(t('organise.saved'), { exact: true })).toBeVisible();
  await expect(detail.getByTestId('draft-note')).toHaveCount(0);
}

/** Text before and after a placeholder whose value the test does not compute (a size formatted by the window). */
function around(text: string): [string, string] {
  const [before = '', after = ''] = text.split('\u0000');
  return [before, after];
}

test('a selection outside the results is counted, Export lists what it seals and says what leaves the vault', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const en = strings('en');
  await openVaultIn(app, 'en');
  await (await importByDrop(app, [WITH_GPS, NO_GPS])).getByRole('button', { name: en('common.close') }).click();
  await describe(page, en, 'Apple iPhone 4.jpg', 'description', 'Receipt handed to the observer');
  await describe(page, en, 'Canon EOS 7D.jpg', 'notes', 'Witness: A. S., phone +7 701 000 0000');

  let lang: Lang = 'en';
  for (const next of LANGS) {
    if (next !== lang) await switchLanguage(page, lang, next);
    lang = next;
    const t = strings(lang);
    const selection = page.getByTestId('selection-count');

    await search(page, t, '');
    await page.getByRole('gridcell', { name: /Apple iPhone 4/ }).click();
    await page.getByRole('gridcell', { name: /Canon EOS 7D/ }).click({ modifiers: ['Control'] });
    await expect(selection).toHaveText(t('library.selected', { count: 2, formatted: 2 }));

    // A search that shows one of the two: the other is counted, not forgotten.
    await search(page, t, 'Canon');
    await expect(page.getByRole('gridcell')).toHaveCount(1);
    await expect(selection).toHaveText(t('library.selectedOutside', { count: 2, formatted: 2, outside: 1 }));
    await screenshotsOf(page, 'selection-outside', lang);
    if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);

    // A search that shows none: still "2 selected", both outside, over zero results.
    await search(page, t, 'nothing-matches-this');
    await expect(page.getByText(t('search.noResults'))).toBeVisible();
    await expect(selection).toHaveText(t('library.selectedOutside', { count: 2, formatted: 2, outside: 2 }));

    await page.getByRole('button', { name: t('export.button') }).click();
    const wizard = page.getByRole('dialog', { name: t('export.title') });
    await expect(wizard.getByTestId('export-will-seal')).toHaveText(t('exportSummary.willSealOutside', { count: 2, outside: 2 }));
    const order = wizard.getByRole('list', { name: t('export.orderLabel') });
    await expect(order.locator('.exhibit-name')).toHaveText(['Apple iPhone 4.jpg', 'Canon EOS 7D.jpg']);
    await expect(order.getByText(t('exportSummary.notInResults'))).toHaveCount(2);
    await screenshotsOf(page, 'export-will-seal', lang);

    await wizard.getByRole('button', { name: t('export.next') }).click();
    await wizard.getByRole('button', { name: t('export.next') }).click();
    await wizard.getByLabel(t('export.folder')).fill(app.dir);
    await wizard.getByLabel(t('export.name')).fill(`bundle-${lang}`);
    await wizard.getByRole('button', { name: t('export.next') }).click();

    const summary = wizard.getByTestId('export-summary');
    const fact = (key: string) => summary.locator(`[data-fact="${key}"]`);
    const [before, after] = around(t('exportSummary.originalsZip', { count: 2, formatted: 2, size: '\u0000' }));
    await expect(fact('originals')).toContainText(before);
    await expect(fact('originals')).toContainText(after);
    await expect(fact('gps')).toHaveText(t('exportSummary.gps', { count: 1, formatted: 1, total: 2 }));
    await expect(fact('texts')).toHaveText(t('exportSummary.texts', { titles: 0, descriptions: 1, places: 0, tags: 0 }));
    await expect(fact('sources')).toHaveText(t('exportSummary.sources', { count: 2, formatted: 2 }));
    await expect(fact('private')).toHaveText(t('exportSummary.never', { notes: 1, descriptions: 0 }));
    await expect(summary.getByTestId('export-summary-exhibits').locator('code')).toHaveText(['Apple iPhone 4.jpg', 'Canon EOS 7D.jpg']);
    // Nothing is written before the button on this step.
    await screenshotsOf(page, 'export-summary', lang);
    if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);
    if (lang !== 'kk') {
      await wizard.getByRole('button', { name: t('common.cancel') }).click();
      await expect(wizard).toHaveCount(0);
      continue;
    }
    await wizard.getByRole('button', { name: t('export.write') }).click();
    const report = wizard.getByRole('region', { name: t('verify.reportLabel') });
    await expect(report.locator('[data-status="PASS"]')).toHaveCount(2, { timeout: 60_000 });
    await expect(report.locator('[data-status="PASS"]').first()).toContainText('Apple iPhone 4.jpg');
  }
});
