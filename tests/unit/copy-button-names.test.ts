// A Copy button's accessible name (its aria-label) must hold the word it shows, in every
// language: a screen-reader user says "Копировать" to voice control, and axe's
// label-content-name-mismatch flagged the Russian "Скопировать …" beside a visible "Копировать".
import { describe, expect, it } from 'vitest';
import { loadLocale, localeFiles } from '../helpers/locale-tables';

/** The aria-labels CopyButton is given (src/renderer/src/ui/CopyButton.tsx and its callers). */
const COPY_LABELS = ['vault.copyFingerprint', 'detail.copyHash'];

const words = (text: string): string[] => text.toLocaleLowerCase().split(/[\s\p{P}]+/u).filter((w) => w !== '');

describe('Copy buttons', () => {
  it.each(localeFiles())('name the word they show (%s)', (language) => {
    const table = loadLocale(language);
    const shown = table.get('common.copy') ?? '';
    expect(shown).not.toBe('');
    for (const key of COPY_LABELS) expect(words(table.get(key) ?? ''), `${language} ${key}`).toEqual(expect.arrayContaining(words(shown)));
  });
});
