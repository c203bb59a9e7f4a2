// Unsaved descriptions are never lost unasked. A draft survives clicking another item,
// searching and going to Settings (the status bar counts it); Lock asks (Save and lock /
// Discard and lock / Stay unlocked) and Save and lock saves it before the keys go. An
// automatic lock saves nothing on its own: after unlocking, the window says which item's
// unsaved description was discarded. The Lock question in English, Russian and Kazakh.
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { importByDrop } from './helpers';
import { REAL } from './harness/fixture-files';
import { LANGS, openVaultIn, screenshotsOf, seriousViolations, strings, switchLanguage, unlockIn, type Lang } from './state-helpers';

const A = join(REAL, 'mei', 'Apple iPhone 4.jpg');
const B = join(REAL, 'mei', 'Canon EOS 7D.jpg');
const TEXT = 'Ballot box carried out of polling station 12 at 19:40';

test('a draft survives an item switch, Lock asks, Save and lock saves it; an auto-lock says it discarded one', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  const en = strings('en');
  const vault = await openVaultIn(app, 'en');
  await (await importByDrop(app, [A, B])).getByRole('button', { name: en('common.close') }).click();
  const detail = page.getByRole('complementary', { name: en('detail.title') });
  const description = detail.getByRole('textbox', { name: en('organise.fields.description'), exact: true });
  const cell = (name: RegExp) => page.getByRole('gridcell', { name });

  await cell(/Apple iPhone 4/).click();
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();
  await description.fill(TEXT);
  await expect(detail.getByTestId('draft-note')).toHaveText(en('drafts.unsavedHere'));

  // Another item, then back: the draft is there, still unsaved, and the status bar says so.
  await cell(/Canon EOS 7D/).click();
  await expect(detail.getByRole('heading', { name: 'Canon EOS 7D.jpg' })).toBeVisible();
  await expect(description).toHaveValue('');
  await expect(page.getByTestId('status-drafts')).toHaveText(en('drafts.status', { count: 1 }));
  await cell(/Apple iPhone 4/).click();
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();
  await expect(description).toHaveValue(TEXT);
  await expect(detail.getByTestId('draft-note')).toBeVisible();

  // The Lock question in each language (the draft outlives going to Settings and back).
  let lang: Lang = 'en';
  for (const next of LANGS) {
    if (next !== lang) await switchLanguage(page, lang, next);
    lang = next;
    const t = strings(lang);
    await expect(page.getByTestId('status-drafts')).toHaveText(t('drafts.status', { count: 1 }));
    await page.getByRole('button', { name: t('toolbar.lock') }).click();
    const ask = page.getByTestId('lock-dialog');
    await expect(ask).toContainText(t('lockAsk.drafts', { count: 1 }));
    await expect(ask.getByText('Apple iPhone 4.jpg')).toBeVisible();
    await screenshotsOf(page, 'lock-ask-drafts', lang);
    if (lang === 'en') expect(await seriousViolations(page)).toEqual([]);
    // Stay unlocked keeps the vault and the draft as they were.
    await ask.getByRole('button', { name: t('lockAsk.stayUnlocked') }).click();
    await expect(page.getByTestId('lock-dialog')).toHaveCount(0);
    await expect(page.getByTestId('item-count')).toBeVisible();
  }
  // Back in English for the rest, the question asked again.
  await switchLanguage(page, 'kk', 'en');
  await page.getByRole('button', { name: en('toolbar.lock') }).click();
  await page.getByTestId('lock-dialog').getByRole('button', { name: en('lockAsk.saveAndLock') }).click();
  await expect(page.getByRole('tab', { name: en('vault.unlockTitle') })).toBeVisible();

  // Saved before the keys went: after unlocking it is the item's description, with its custody event.
  await unlockIn(page, vault, 'en');
  await expect(page.getByTestId('stopped-by-lock')).toHaveCount(0);
  await cell(/Apple iPhone 4/).click();
  await expect(detail.getByRole('heading', { name: 'Apple iPhone 4.jpg' })).toBeVisible();
  await expect(description).toHaveValue(TEXT);
  await expect(detail.getByTestId('draft-note')).toHaveCount(0);
  await expect(detail.locator('[data-event-type="described"]')).toHaveCount(1);

  // An automatic lock with a draft: nothing saved unasked, and the next unlock says so.
  await cell(/Canon EOS 7D/).click();
  await expect(detail.getByRole('heading', { name: 'Canon EOS 7D.jpg' })).toBeVisible();
  await description.fill('A draft the idle lock discards');
  app.idleFor(24 * 60 * 60);
  await expect(page.getByText(en('lock.idle'))).toBeVisible();
  await unlockIn(page, vault, 'en');
  await expect(page.getByTestId('discarded-drafts')).toHaveText(en('lockStopped.draftsNamed', { count: 1, names: 'Canon EOS 7D.jpg' }));
  await screenshotsOf(page, 'lock-discarded-draft', 'en');
  expect(await seriousViolations(page)).toEqual([]);
  await cell(/Canon EOS 7D/).click();
  await expect(detail.getByRole('heading', { name: 'Canon EOS 7D.jpg' })).toBeVisible();
  await expect(description).toHaveValue('');
  await page.getByTestId('stopped-by-lock').getByRole('button', { name: en('common.close') }).click();
  await expect(page.getByTestId('stopped-by-lock')).toHaveCount(0);
});
