// Screenshots of every main screen (screen-tour.ts: its heading or region asserted first)
// in English, Russian and Kazakh, 1024 and 1280 pixels wide, light and dark: the viewport
// only, `<screen>-<lang>-<width>-<scheme>.png`. Into test-results/screenshots; with
// TAMGA_DOCS_SCREENSHOTS=1 into docs/screenshots, where the README's pictures live.
import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { ROOT } from './harness/paths';
import { SCREENSHOTS } from './helpers';
import { tour } from './screen-tour';
import { LANGS } from './state-helpers';

const DIR = process.env['TAMGA_DOCS_SCREENSHOTS'] === '1' ? join(ROOT, 'docs', 'screenshots') : SCREENSHOTS;

for (const lang of LANGS) {
  test(`every main screen in ${lang}, at 1024 and 1280, light and dark`, async ({ app }) => {
    test.setTimeout(300_000);
    const { page } = app;
    await mkdir(DIR, { recursive: true });
    const shot: string[] = [];
    await tour(app, lang, async (screen) => {
      for (const width of [1024, 1280]) {
        for (const scheme of ['light', 'dark'] as const) {
          await page.setViewportSize({ width, height: 800 });
          await page.emulateMedia({ colorScheme: scheme });
          const name = `${screen}-${lang}-${width}-${scheme}`;
          await page.screenshot({ path: join(DIR, `${name}.png`) });
          shot.push(name);
        }
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.emulateMedia({ colorScheme: 'light' });
    });
    expect(shot).toHaveLength(18 * 4);
  });
}
