// Every language of the window is complete, checked against English: the same keys (each
// plural in the forms its own language's Intl.PluralRules asks for, nothing left over), no
// empty values, the same {{placeholders}}. The languages are the files in locales/, and
// they must be the ones the window offers. To list what a language still lacks:
//   node --import tsx tests/helpers/missing-translations.ts kk
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';
import { baseKey, gaps, loadLocale, localeFiles, pluralForms } from '../helpers/locale-tables';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '');

/** The placeholders each key uses, across all its plural forms. */
function placeholdersByKey(table: Map<string, string>): Map<string, string> {
  const sets = new Map<string, Set<string>>();
  for (const [key, value] of table) {
    const set = sets.get(baseKey(key)) ?? new Set<string>();
    for (const name of placeholders(value)) set.add(name);
    sets.set(baseKey(key), set);
  }
  return new Map([...sets].map(([key, set]) => [key, [...set].sort().join(',')]));
}

/** The languages the window offers, as i18n/index.ts declares them (a renderer file the Node tests cannot import). */
function offered(): string[] {
  const source = readFileSync(join(ROOT, 'src', 'renderer', 'src', 'i18n', 'index.ts'), 'utf8');
  const list = /export const LANGUAGES = \[([^\]]*)\] as const;/.exec(source)?.[1] ?? '';
  return [...list.matchAll(/'([a-z]+)'/g)].map((m) => m[1] ?? '');
}

/** Every key the window's code names as a literal, t('a.b'), with the file it is in. */
function keysInCode(dir = join(ROOT, 'src', 'renderer', 'src')): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...keysInCode(path));
    else if (/\.tsx?$/.test(entry.name)) for (const m of readFileSync(path, 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)) found.push([entry.name, m[1] ?? '']);
  }
  return found;
}

const en = loadLocale('en');
const others = localeFiles().filter((lng) => lng !== 'en');

describe('translations', () => {
  it('are the languages the window offers, and more than English', () => {
    expect(offered()).toContain('en');
    expect(localeFiles()).toEqual(['en', ...offered().filter((lng) => lng !== 'en').sort()]);
    expect(others).toContain('ru');
    expect(others).toContain('kk');
  });

  it('hold every key the window names in its code (a missing one would show the key itself)', () => {
    const used = keysInCode();
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter(([, key]) => !en.has(key) && !en.has(`${key}_one`) && !en.has(`${key}_other`));
    expect(missing).toEqual([]);
  });

  it('use English plural forms in en.json', () => {
    expect(pluralForms('en')).toEqual(['one', 'other']);
    expect(gaps(en, en, 'en')).toEqual({ missing: [], extra: [] });
  });

  it.each(others)('%s has every key of English, in its own plural forms, and nothing else', (lng) => {
    expect(gaps(en, loadLocale(lng), lng)).toEqual({ missing: [], extra: [] });
  });

  it.each(localeFiles())('%s has no empty values', (lng) => {
    expect([...loadLocale(lng)].filter(([, value]) => value.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(others)('%s uses the same placeholders as English', (lng) => {
    const expected = placeholdersByKey(en);
    const mismatched = [...placeholdersByKey(loadLocale(lng))].filter(([key, names]) => expected.has(key) && expected.get(key) !== names).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('asks Russian for four plural forms and Kazakh for two', () => {
    expect(pluralForms('ru')).toEqual(['one', 'few', 'many', 'other']);
    expect(pluralForms('kk')).toEqual(['one', 'other']);
  });

  it.each(others)('%s resolves through i18next: plurals and placeholders filled, never the English text', async (lng) => {
    const resources = Object.fromEntries(localeFiles().map((l) => [l, { translation: Object.fromEntries(loadLocale(l)) }]));
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, fallbackLng: 'en', keySeparator: false, interpolation: { escapeValue: false } });
    const table = loadLocale(lng);
    for (const count of [1, 2, 5, 21]) {
      const text = i18n.t('import.newItems', { count });
      expect(text).toContain(String(count));
      expect(text).not.toContain('{{');
      expect(text).not.toBe(i18n.t('import.newItems', { count, lng: 'en' }));
      const form = new Intl.PluralRules(lng).select(count);
      expect(text).toBe((table.get(`import.newItems_${form}`) ?? '').replace('{{count}}', String(count)));
    }
  });
});
