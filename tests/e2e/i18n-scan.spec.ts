// No English reaches a Russian or a Kazakh screen: every main screen (screen-tour.ts),
// visited in that language, has its text nodes and spoken attributes scanned for English
// (english-text.ts: data such as file names, hashes and raw records is marked as such and
// skipped). The screens the tour reaches in each language are counted, so a tour that
// stopped early cannot pass.
import { expect, test } from './fixtures';
import { englishOnScreen, type EnglishFound } from './english-text';
import { tour } from './screen-tour';

for (const lang of ['ru', 'kk'] as const) {
  test(`no English text on any main screen in ${lang}`, async ({ app }) => {
    test.setTimeout(300_000);
    const found: Array<EnglishFound & { screen: string }> = [];
    const screens: string[] = [];
    await tour(app, lang, async (screen, data) => {
      screens.push(screen);
      for (const english of await englishOnScreen(app.page, data)) found.push({ screen, ...english });
    });
    expect(screens).toHaveLength(22);
    expect(found.map((f) => `${f.screen}: ${f.where}: ${f.text}`)).toEqual([]);
  });
}
