// English and Russian are both complete: the same keys (plural forms aside, which each
// language has its own of), no empty values, the same {{placeholders}}, and every plural
// with the forms its language needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/child-process';

type Tree = { [key: string]: string | Tree };

const load = (lng: string): Tree => JSON.parse(readFileSync(join(ROOT, 'src', 'renderer', 'src', 'i18n', 'locales', `${lng}.json`), 'utf8')) as Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (key: string): string => key.replace(PLURAL, '');
const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

const en = flatten(load('en'));
const ru = flatten(load('ru'));

describe('translations', () => {
  it('have the same keys in English and Russian', () => {
    expect([...new Set([...ru.keys()].map(base))].sort()).toEqual([...new Set([...en.keys()].map(base))].sort());
  });

  it('have no empty values', () => {
    for (const [lng, table] of [['en', en], ['ru', ru]] as const) {
      const empty = [...table].filter(([, value]) => value.trim() === '').map(([key]) => `${lng}:${key}`);
      expect(empty).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const byBase = (table: Map<string, string>): Map<string, string> => {
      const out = new Map<string, string>();
      for (const [key, value] of table) out.set(base(key), JSON.stringify([...new Set([...(JSON.parse(out.get(base(key)) ?? '[]') as string[]), ...placeholders(value)])].sort()));
      return out;
    };
    const enPlaces = byBase(en);
    const mismatched = [...byBase(ru)].filter(([key, places]) => enPlaces.get(key) !== places).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('give every plural the forms its language uses', () => {
    const forms = (table: Map<string, string>, key: string): string[] => ['one', 'few', 'many', 'other'].filter((f) => table.has(`${key}_${f}`));
    for (const key of new Set([...en.keys()].filter((k) => PLURAL.test(k)).map(base))) {
      expect(forms(en, key), `en ${key}`).toEqual(['one', 'other']);
      expect(forms(ru, key), `ru ${key}`).toEqual(['one', 'few', 'many', 'other']);
    }
  });
});
