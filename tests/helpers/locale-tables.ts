/**
 * The window's translation files as flat tables (`"import.newItems_one" → text`), and what a
 * language still lacks compared with English: the i18n unit test and the
 * missing-translations script share these, so both say the same thing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './child-process';

type Tree = { [key: string]: string | Tree };

export const LOCALES_DIR = join(ROOT, 'src', 'renderer', 'src', 'i18n', 'locales');

/** Every language with a file, English first. */
export function localeFiles(): string[] {
  const languages = readdirSync(LOCALES_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length));
  return ['en', ...languages.filter((lng) => lng !== 'en').sort()];
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

export function loadLocale(lng: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES_DIR, `${lng}.json`), 'utf8')) as Tree);
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const CATEGORY_ORDER = ['zero', 'one', 'two', 'few', 'many', 'other'];

export const isPlural = (key: string): boolean => PLURAL.test(key);
export const baseKey = (key: string): string => key.replace(PLURAL, '');

/** The plural suffixes i18next looks up for this language: Intl.PluralRules' categories. */
export function pluralForms(lng: string): string[] {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories as readonly string[];
  return CATEGORY_ORDER.filter((c) => categories.includes(c));
}

/**
 * The keys `lng` must have: English's, with each plural spelled out in the forms `lng` uses
 * (English's `items_one`/`items_other` become `items_one`/`items_few`/`items_many`/`items_other`
 * for Russian).
 */
export function requiredKeys(en: Map<string, string>, lng: string): string[] {
  const out = new Set<string>();
  for (const key of en.keys()) {
    if (isPlural(key)) for (const form of pluralForms(lng)) out.add(`${baseKey(key)}_${form}`);
    else out.add(key);
  }
  return [...out];
}

export interface Gaps {
  /** Required but absent or empty: to be translated. */
  readonly missing: string[];
  /** Present but not required: stale keys English no longer has, or plural forms the language does not use. */
  readonly extra: string[];
}

export function gaps(en: Map<string, string>, table: Map<string, string>, lng: string): Gaps {
  const required = requiredKeys(en, lng);
  const wanted = new Set(required);
  return {
    missing: required.filter((key) => (table.get(key) ?? '').trim() === ''),
    extra: [...table.keys()].filter((key) => !wanted.has(key)),
  };
}
