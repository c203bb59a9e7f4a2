// Every reason the thumbnail code gives for a missing or placeholder preview (stored with
// the item, shown under its picture) is one of the window's templates (en.json
// previewReason.template), so it is said in Russian and Kazakh: the sentences are read from
// the thumbnail sources themselves, so a new or reworded one fails here until it has a
// template, and the two with values give them back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { matchTemplate } from '../../src/shared/sentence-template';
import { ROOT } from '../helpers/child-process';
import { loadLocale } from '../helpers/locale-tables';

const PREFIX = 'previewReason.template.';
const templates = Object.fromEntries([...loadLocale('en')].filter(([key]) => key.startsWith(PREFIX)).map(([key, value]) => [key.slice(PREFIX.length), value]));
const DIR = join(ROOT, 'src', 'main', 'engine', 'thumbnails');

/** The plain sentences the thumbnail code writes: string literals that begin with a capital and end with a full stop. */
function writtenReasons(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.ts'))) {
    for (const m of readFileSync(join(DIR, name), 'utf8').matchAll(/'([A-Z][^'\n]*\.)'/g)) found.add(m[1] ?? '');
  }
  return [...found];
}

describe('preview reason templates', () => {
  it('cover every reason the thumbnail code writes', () => {
    const reasons = writtenReasons();
    expect(reasons.length).toBeGreaterThan(15);
    expect(reasons.filter((r) => matchTemplate(r, templates) === null)).toEqual([]);
  });

  it('give back the values of the two with values', () => {
    expect(matchTemplate('The file is too large for a preview (812 MiB; the limit is 512 MiB).', templates)).toEqual({ key: 'fileTooLarge', values: { size: '812 MiB', limit: '512 MiB' } });
    expect(matchTemplate('The image is larger than Tamga makes previews for (40000 × 30000 pixels).', templates)).toEqual({ key: 'imageTooLarge', values: { width: '40000', height: '30000' } });
  });
});
