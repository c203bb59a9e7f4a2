// Lock during an import, in English, Russian and Kazakh: Lock asks (Finish first / Stop
// now); Stop now shows the first screen within a second, with nothing of the vault left
// (no status bar saying "Unlocked" beside a locked screen); after unlocking, the window says
// exactly what was stopped ("Import stopped: N of 120 files archived; M not imported"),
// lists the files not imported, and Import again imports exactly those (all new: no file
// was half-archived, none is imported twice).
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { LANGS, openVaultIn, photoCard, screenshotsOf, strings, unlockIn } from './state-helpers';

const FILES = 120;

for (const lang of LANGS) {
  test(`lock mid-import: asked, locked at once, told after unlock, imported again (${lang})`, async ({ app }) => {
    test.setTimeout(240_000);
    const { page } = app;
    const t = strings(lang);
    const vault = await openVaultIn(app, lang);
    const card = join(app.dir, 'card');
    const paths = await photoCard(card, FILES);

    await page.getByRole('button', { name: t('import.button'), exact: true }).first().click();
    const dialog = page.getByRole('dialog', { name: t('import.dialogTitle') });
    await dialog.getByLabel(t('import.typePath')).fill(card);
    await dialog.getByRole('button', { name: t('import.start'), exact: true }).click();
    // A few files in, as a person pressing Lock mid-import.
    await expect.poll(() => app.events.some((e) => e.type === 'importProgress' && e.progress.filesDone >= 3), { timeout: 60_000 }).toBe(true);

    // A lock cuts off thumbnail reads still under way (the grid fills while importing); the
    // engine answers them 404 (VAULT_LOCKED), which the browser logs, as in vault.spec.ts.
    // Anything else in the console still fails the test.
    app.ignoreErrors(/status of 404/);
    await page.getByRole('button', { name: t('toolbar.lock') }).click();
    const ask = page.getByTestId('lock-dialog');
    await expect(ask).toContainText(t('lockAsk.title'));
    await expect(ask.getByRole('button', { name: t('lockAsk.finishFirst') })).toBeVisible();
    await screenshotsOf(page, 'lock-ask-import', lang);

    // Timed in the page, from the click to the first screen being in the document: what the
    // person sees, without the test harness's own round trips (which carry every engine event).
    await page.evaluate(() => {
      const timing = { clicked: 0, gate: 0 };
      (window as unknown as { __lockTiming: typeof timing }).__lockTiming = timing;
      window.addEventListener('click', () => (timing.clicked = performance.now()), { capture: true, once: true });
      new MutationObserver((_records, observer) => {
        if (timing.clicked > 0 && document.querySelector('main.gate') !== null) {
          timing.gate = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await ask.getByRole('button', { name: t('lockAsk.stopNow') }).click();
    await expect(page.getByRole('tab', { name: t('vault.unlockTitle') })).toBeVisible();
    const timing = await page.evaluate(() => (window as unknown as { __lockTiming: { clicked: number; gate: number } }).__lockTiming);
    expect(timing.gate, 'the first screen was seen').toBeGreaterThan(0);
    expect(timing.gate - timing.clicked, 'the first screen within a second of Stop now').toBeLessThan(1000);
    // Status bar and content agree: nothing says unlocked, no library is left.
    await expect(page.getByText(t('status.unlocked'), { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('item-count')).toHaveCount(0);
    await expect(page.locator('.workspace')).toHaveCount(0);

    await unlockIn(page, vault, lang);
    const listed = await app.engine.callEngine('listItems', undefined);
    const archived = listed.ok ? (listed.value as unknown[]).length : -1;
    expect(archived).toBeGreaterThanOrEqual(3);
    expect(archived).toBeLessThan(FILES);
    const missing = FILES - archived;
    const notice = page.getByTestId('stopped-by-lock');
    await expect(notice.getByTestId('stopped-import-line')).toHaveText(
      `${t('lockStopped.importLine', { archived, total: FILES, missing, count: FILES })} ${t('lockStopped.reasons.user')}`,
    );
    const list = notice.getByRole('list', { name: t('lockStopped.notImported', { count: missing }) });
    await expect(list.getByRole('listitem')).toHaveCount(missing);
    // The last file of the card was not begun: it is listed by its path.
    await expect(list.getByText(paths.at(-1) ?? 'missing', { exact: true })).toBeVisible();
    await screenshotsOf(page, 'lock-stopped-import', lang);

    await notice.getByRole('button', { name: t('lockStopped.importAgain', { count: missing, formatted: missing }) }).click();
    const panel = page.getByRole('region', { name: t('import.panel') });
    await expect(panel.getByText(t('import.finished'))).toBeVisible({ timeout: 120_000 });
    await expect(panel.getByText(t('import.newItems', { count: missing }), { exact: true })).toBeVisible();
    await expect(panel.getByText(t('import.duplicates', { count: 0 }), { exact: true })).toBeVisible();
    await panel.getByRole('button', { name: t('common.close') }).click();
    await expect(page.getByTestId('item-count')).toHaveText(t('status.items', { count: FILES, formatted: FILES }));
  });
}
