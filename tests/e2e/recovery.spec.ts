// The recovery key in the window, in English, Russian and Kazakh, on the real engine:
// Settings → Recovery key says there is none, makes one and shows its 24 words once,
// writes the printable page (a real PDF) into the folder picked, and only lets the person
// go on after three of the words are typed back (a wrong one is said to be wrong); then,
// locked, "Forgot the passphrase?" with a mistyped word names that word, and with the
// words and a new passphrase the vault opens; the new passphrase is the one that works.
// Writes recovery-{settings,wrong-word}-{en,ru,kk}.png to test-results/screenshots.
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openNewVault, PASSPHRASE, screenshot } from './helpers';
import { strings } from './state-helpers';

const NEW_PASSPHRASE = 'velvet tundra lantern oboe 7';

/** Serious or critical WCAG 2.1 AA findings in the recovery key's own part of the screen (tests/e2e/accessibility.spec.ts checks the rest, in English). */
async function seriousViolations(page: Page, screen: string, selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'ru', 'kk'] as const) {
  test(`a recovery key made in Settings opens the locked vault with a new passphrase (${lang})`, async ({ app }) => {
    const { page } = app;
    const t = strings(lang);
    const { path } = await openNewVault(app);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: strings('en')('language.label') }).selectOption(lang);

    const settings = page.getByRole('region', { name: t('recovery.settingsTitle') });
    await expect(settings.getByTestId('recovery-status')).toHaveText(t('recovery.none'));
    await settings.getByRole('button', { name: t('recovery.create') }).click();
    await settings.getByRole('button', { name: t('recovery.make') }).click();

    const shown = settings.getByRole('region', { name: t('recovery.shownTitle') });
    const shownWords = shown.getByRole('list', { name: t('recovery.wordsHeading') }).locator('code');
    await expect(shownWords).toHaveCount(24, { timeout: 30_000 });
    const words = (await shownWords.allTextContents()).map((w) => w.trim());
    const [existsBefore = ''] = t('recovery.exists', { date: '\u0000' }).split('\u0000');
    await expect(settings.getByTestId('recovery-status')).toContainText(existsBefore);

    // The printable page, written by the engine into the folder picked.
    app.answerNextFolderDialog(app.dir);
    await shown.getByRole('button', { name: t('recovery.savePage') }).click();
    const pdf = join(app.dir, `tamga-recovery-key-${new Date().toISOString().slice(0, 10)}.pdf`);
    await expect(shown).toContainText(pdf);
    expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Done only once three of the words are typed back; a wrong one is said to be wrong.
    const done = shown.getByRole('button', { name: t('recovery.done') });
    await expect(done).toBeDisabled();
    const inputs = shown.locator('input[id^="recovery-confirm-"]');
    await expect(inputs).toHaveCount(3);
    const positions = (await inputs.evaluateAll((els) => els.map((el) => el.id))).map((id) => Number(id.replace('recovery-confirm-', '')));
    const first = positions[0] ?? 1;
    await inputs.nth(0).fill('zzzz');
    await expect(shown.getByText(t('recovery.confirmWrong', { position: String(first) }))).toBeVisible();
    for (const [i, position] of positions.entries()) await inputs.nth(i).fill(words[position - 1] ?? '');
    await expect(done).toBeEnabled();
    await shown.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, `recovery-settings-${lang}`);
    const found = await seriousViolations(page, 'recovery key shown', '.recovery-settings');
    await done.click();
    await expect(shown).toHaveCount(0);

    // Locked: "Forgot the passphrase?" with word 5 mistyped names word 5.
    await page.getByRole('button', { name: t('toolbar.lock') }).click();
    await page.getByRole('button', { name: t('recovery.forgot') }).click();
    const form = page.getByRole('form', { name: t('recovery.title') });
    await expect(form.getByLabel(t('vault.folder'))).toHaveValue(path);
    const typo = words.map((word, i) => (i === 4 ? 'qqqq' : word));
    await form.getByLabel(t('recovery.wordsLabel')).fill(typo.map((word, i) => `${i + 1}. ${word}`).join('\n'));
    await form.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(NEW_PASSPHRASE);
    await form.getByLabel(t('vault.confirmPassphrase')).fill(NEW_PASSPHRASE);
    await form.getByRole('button', { name: t('recovery.submit') }).click();
    await expect(form.getByTestId('recovery-problem')).toHaveText(t('recovery.problem.unknownWord', { position: '5', word: 'qqqq' }));
    await expect(form.getByRole('alert')).toContainText(t('errors.RECOVERY_KEY_MALFORMED'));
    await screenshot(page, `recovery-wrong-word-${lang}`);
    found.push(...(await seriousViolations(page, 'forgot the passphrase', '.gate-form')));
    expect(found).toEqual([]);

    // The words as written, and the new passphrase again (it is cleared after a failed try): the vault opens.
    await form.getByLabel(t('recovery.wordsLabel')).fill(words.join(' '));
    await form.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(NEW_PASSPHRASE);
    await form.getByLabel(t('vault.confirmPassphrase')).fill(NEW_PASSPHRASE);
    await form.getByRole('button', { name: t('recovery.submit') }).click();
    await expect(page.getByRole('heading', { name: t('library.emptyTitle') })).toBeVisible({ timeout: 30_000 });

    // From now on the new passphrase opens it, and the old one does not.
    await page.getByRole('button', { name: t('toolbar.lock') }).click();
    await page.getByLabel(t('vault.passphrase'), { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: t('vault.unlock'), exact: true }).click();
    await expect(page.getByRole('alert')).toContainText(t('errors.WRONG_PASSPHRASE'));
    await page.getByLabel(t('vault.passphrase'), { exact: true }).fill(NEW_PASSPHRASE);
    await page.getByRole('button', { name: t('vault.unlock'), exact: true }).click();
    await expect(page.getByRole('heading', { name: t('library.emptyTitle') })).toBeVisible({ timeout: 30_000 });
  });
}

test('a recovery key handed out as 2-of-3 shares: one share is not enough and says so, two pasted open the vault', async ({ app }) => {
  const { page } = app;
  const t = strings('en');
  await openNewVault(app);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('region', { name: t('recovery.settingsTitle') });
  await settings.getByRole('button', { name: t('recovery.create') }).click();
  await settings.getByText(t('recovery.split')).click();
  await settings.getByLabel(t('recovery.n')).fill('3');
  await settings.getByLabel(t('recovery.k')).fill('2');
  await settings.getByRole('button', { name: t('recovery.make') }).click();
  const shown = settings.getByRole('region', { name: t('recovery.shownTitle') });
  const codes = shown.locator('.recovery-shares code');
  await expect(codes).toHaveCount(3, { timeout: 30_000 });
  const shares = await codes.allTextContents();
  expect(shares.every((share) => /^([0-9A-Z]{5} ){15}[0-9A-Z]{5}$/.test(share))).toBe(true);
  await expect(shown.getByText(t('recovery.shareHeading', { number: '2', n: '3', k: '2' }))).toBeVisible();
  // No words to type back: the person says every share was kept.
  const done = shown.getByRole('button', { name: t('recovery.done') });
  await expect(done).toBeDisabled();
  await shown.getByText(t('recovery.confirmShares')).click();
  await done.click();
  const [sharesBefore = ''] = t('recovery.existsShares', { date: '\u0000' }).split('\u0000');
  await expect(settings.getByTestId('recovery-status')).toContainText(sharesBefore);
  await expect(settings.getByTestId('recovery-status')).toContainText('any 2 of 3 open the vault');

  await page.getByRole('button', { name: t('toolbar.lock') }).click();
  await page.getByRole('button', { name: t('recovery.forgot') }).click();
  const form = page.getByRole('form', { name: t('recovery.title') });
  await form.getByRole('radio', { name: t('recovery.withShares') }).check();
  const fill = async (text: string): Promise<void> => {
    await form.getByLabel(t('recovery.sharesLabel')).fill(text);
    await form.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(NEW_PASSPHRASE);
    await form.getByLabel(t('vault.confirmPassphrase')).fill(NEW_PASSPHRASE);
    await form.getByRole('button', { name: t('recovery.submit') }).click();
  };
  await fill(shares[1] ?? '');
  await expect(form.getByTestId('recovery-problem')).toHaveText(t('recovery.problem.notEnough', { k: '2', n: '3', given: '1' }));
  await screenshot(page, 'recovery-shares-too-few-en');
  await fill(`${shares[2] ?? ''}\n${(shares[0] ?? '').toLowerCase().replaceAll(' ', '-')}`);
  await expect(page.getByRole('heading', { name: t('library.emptyTitle') })).toBeVisible({ timeout: 30_000 });
});
