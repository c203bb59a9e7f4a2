/**
 * Steps the "state that never lies" specs share (lock, drafts, selection, export summary):
 * the window's own strings in each language (from its locale files, so a Russian or Kazakh
 * screen is checked against its own text), a vault created and unlocked through the forms
 * in that language, a card of distinct real photos, and the screenshots of a screen at
 * 1024 and 1280 pixels wide in the light and the dark theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import type { Harness } from './harness/harness';
import { REAL } from './harness/fixture-files';
import { ROOT } from './harness/paths';
import { PASSPHRASE, screenshot } from './helpers';

export type Lang = 'en' | 'ru' | 'kk';
export const LANGS: readonly Lang[] = ['en', 'ru', 'kk'];

export type Strings = (key: string, values?: Record<string, string | number>) => string;

/** The window's string for a key in `lang`, {{values}} filled; a key with `count` takes its plural form as i18next does. */
export function strings(lang: Lang): Strings {
  const tree = JSON.parse(readFileSync(join(ROOT, 'src', 'renderer', 'src', 'i18n', 'locales', `${lang}.json`), 'utf8')) as unknown;
  const find = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  return (key, values = {}) => {
    let found = find(key);
    if (found === undefined && typeof values['count'] === 'number') found = find(`${key}_${new Intl.PluralRules(lang).select(values['count'])}`);
    if (typeof found !== 'string') throw new Error(`no string ${key} in ${lang}.json`);
    return found.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
  };
}

/** Creates a vault through the create form in `lang` (chosen on the first screen) and opens it. */
export async function openVaultIn(app: Harness, lang: Lang): Promise<string> {
  const { page } = app;
  const t = strings(lang);
  await page.getByLabel('Language').selectOption(lang);
  const path = join(app.dir, `vault-${lang}`);
  await page.getByRole('tab', { name: t('vault.createTitle') }).click();
  await page.getByLabel(t('vault.folder')).fill(path);
  await page.getByLabel(t('vault.newPassphrase'), { exact: true }).fill(PASSPHRASE);
  await page.getByLabel(t('vault.confirmPassphrase')).fill(PASSPHRASE);
  await page.getByRole('button', { name: t('vault.create') }).click();
  await page.getByRole('button', { name: t('vault.openVault') }).click();
  await expect(page.getByTestId('item-count')).toBeVisible();
  return path;
}

/** Unlocks `path` through the unlock form (the first screen, in `lang`). */
export async function unlockIn(page: Page, path: string, lang: Lang): Promise<void> {
  const t = strings(lang);
  await page.getByRole('tab', { name: t('vault.unlockTitle') }).click();
  await page.getByLabel(t('vault.folder')).fill(path);
  await page.getByLabel(t('vault.passphrase'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: t('vault.unlock'), exact: true }).click();
  await expect(page.getByTestId('item-count')).toBeVisible();
}

/** Switches the unlocked window to `lang` in Settings and goes back to the library. */
export async function switchLanguage(page: Page, from: Lang, to: Lang): Promise<void> {
  await page.getByRole('button', { name: strings(from)('nav.settings') }).click();
  await page.getByRole('combobox', { name: strings(from)('language.label') }).selectOption(to);
  await page.getByRole('button', { name: strings(to)('nav.library') }).click();
}

/**
 * `count` distinct photos in a new folder: a real 8-megapixel iPhone JPEG, each copy with
 * different trailing bytes (so none is a duplicate), large enough that an import of a
 * hundred takes a while to thumbnail.
 */
export async function photoCard(dir: string, count: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const source = await readFile(join(REAL, 'mei', 'Apple iPhone 5.jpg'));
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(dir, `IMG_${String(i + 1).padStart(4, '0')}.JPG`);
    await writeFile(path, Buffer.concat([source, randomBytes(64)]));
    paths.push(path);
  }
  return paths;
}

/** Screenshots of what is on screen now, at 1024 and 1280 wide, light and dark: `<name>-<lang>-<width>-<scheme>.png`. */
export async function screenshotsOf(page: Page, name: string, lang: Lang): Promise<void> {
  for (const width of [1024, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `${name}-${lang}-${width}-${scheme}`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
}

/** axe's serious and critical WCAG 2.1 A/AA findings on the page as it is now (as accessibility.spec.ts scans). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
