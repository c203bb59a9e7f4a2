// An axe scan of each main screen: no serious or critical violations (WCAG 2.1 A and AA
// rules, in the light theme and the dark one).
import AxeBuilder from '@axe-core/playwright';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createVault, importByDrop, screenshot } from './helpers';
import { REAL } from './harness/fixture-files';

async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`main screens have no serious accessibility violations (${scheme})`, async ({ app }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    const found: string[] = [];
    found.push(...(await seriousViolations(page, 'unlock')));
    await page.getByRole('tab', { name: 'Create a vault' }).click();
    found.push(...(await seriousViolations(page, 'create')));
    await createVault(app);
    found.push(...(await seriousViolations(page, 'created')));
    await page.getByRole('button', { name: 'Open the vault' }).click();
    found.push(...(await seriousViolations(page, 'empty library')));
    const panel = await importByDrop(app, [join(REAL, 'mei', 'Apple iPhone 4.jpg'), join(REAL, 'mei', 'with-gps.mov')]);
    found.push(...(await seriousViolations(page, 'import summary')));
    await panel.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('gridcell').first().click();
    await expect(page.getByRole('complementary', { name: 'Item details' }).getByRole('heading', { level: 2 })).toBeVisible();
    found.push(...(await seriousViolations(page, 'library and detail')));
    if (scheme === 'dark') await screenshot(page, '25-library-dark');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    found.push(...(await seriousViolations(page, 'import dialog')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export…' }).click();
    found.push(...(await seriousViolations(page, 'export wizard')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Verify a bundle' }).click();
    found.push(...(await seriousViolations(page, 'verify')));
    await page.getByRole('button', { name: 'Settings' }).click();
    found.push(...(await seriousViolations(page, 'settings')));
    expect(found).toEqual([]);
  });
}
