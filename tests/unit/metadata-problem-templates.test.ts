// Every metadata problem the file readers write for the fixtures (the malformed files and
// the real camera and phone files) is one of the window's templates (en.json
// metadataProblem.template), so it reaches a Russian or Kazakh screen translated: the
// template is found, and filled with the values found it gives back the very sentence.
// (That ru and kk hold them all, with no English, is checked with every other key:
// i18n-resources.test.ts and i18n-no-english.test.ts.)
import { describe, expect, it } from 'vitest';
import { matchTemplate } from '../../src/shared/sentence-template';
import { extractFile, filesUnder, MALFORMED, REAL } from '../helpers/metadata-fixtures';
import { loadLocale } from '../helpers/locale-tables';

const PREFIX = 'metadataProblem.template.';
const en = loadLocale('en');
const templates = Object.fromEntries([...en].filter(([key]) => key.startsWith(PREFIX)).map(([key, value]) => [key.slice(PREFIX.length), value]));

function filled(key: string, values: Readonly<Record<string, string | number>>): string {
  const template = templates[key] ?? templates[`${key}_${values['count'] === 1 ? 'one' : 'other'}`] ?? '';
  return template.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(values[name] ?? ''));
}

describe('metadata problem templates', () => {
  it('cover every problem written for the fixtures, value for value', async () => {
    const sentences = new Set<string>();
    for (const file of [...filesUnder(MALFORMED), ...filesUnder(REAL)]) {
      for (const problem of (await extractFile(file)).metadata.problems) sentences.add(problem);
    }
    expect(sentences.size).toBeGreaterThan(60);
    const unmatched = [...sentences].filter((s) => matchTemplate(s, templates) === null);
    expect(unmatched).toEqual([]);
    for (const sentence of sentences) {
      const matched = matchTemplate(sentence, templates);
      if (matched !== null && !matched.key.startsWith('furtherNotListed')) expect(filled(matched.key, matched.values)).toBe(sentence);
    }
  }, 60_000);

  it('take the specific template before the general one, and leave an unknown sentence unmatched', () => {
    expect(matchTemplate('The EXIF GPS latitude reference is missing, not N or S; no position recorded.', templates)?.key).toBe('gpsLatRefMissing');
    expect(matchTemplate('The EXIF GPS latitude reference is "X", not N or S; no position recorded.', templates)).toEqual({ key: 'gpsLatRef', values: { value: '"X"' } });
    expect(matchTemplate("Box 'moov' at byte 28 claims 9 bytes but only 4 are left in the file; read as cut short.", templates)?.key).toBe('boxCutInFile');
    expect(matchTemplate("Box 'trak' at byte 36 claims 9 bytes but only 4 are left in 'moov' at byte 28; read as cut short.", templates)).toEqual({
      key: 'boxCutInParent',
      values: { box: "'trak'", at: '36', size: '9', left: '4', parent: "'moov'", parentAt: '28' },
    });
    expect(matchTemplate('41 further problems were not listed.', templates)).toEqual({ key: 'furtherNotListed', values: { count: 41 } });
    expect(matchTemplate('Something no reader writes.', templates)).toBeNull();
  });
});
