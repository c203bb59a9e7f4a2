/**
 * English that reaches a Russian or Kazakh screen: the text a person reads or hears, in
 * text nodes and in the attributes screen readers speak (aria-label, title, placeholder,
 * alt), with every <details> opened first so technical details are read too. Not English:
 * what is not words but data, marked as such in the window — <pre>, <code>, <kbd>,
 * <samp>, anything inside `translate="no"` (file names, hashes, camera makes and models:
 * evidence, never translated) or inside an element whose `lang` is not the page's (the
 * language picker names each language in itself). Hidden elements are skipped. Inside a
 * sentence, data is taken out and the words left are judged by englishWords
 * (tests/helpers/english-words.ts).
 */
import type { Page } from '@playwright/test';
import { englishWords } from '../helpers/english-words';

export interface EnglishFound {
  /** The text (or attribute value) as found. */
  readonly text: string;
  /** Where: the element's tag with its test id, class or role, and the attribute if it was one. */
  readonly where: string;
}

/** Every visible text and spoken attribute on the page that is not marked as data. */
async function readableTexts(page: Page): Promise<EnglishFound[]> {
  return page.evaluate(() => {
    const lang = document.documentElement.lang;
    for (const details of document.querySelectorAll('details')) details.open = true;
    const data = (el: Element): boolean =>
      el.closest('pre, code, kbd, samp, script, style, [translate="no"]') !== null || (el.closest('[lang]')?.getAttribute('lang') ?? lang) !== lang;
    const visible = (el: Element): boolean => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    const describe = (el: Element, attribute?: string): string => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('role') ?? (typeof el.className === 'string' && el.className !== '' ? el.className : '');
      return `${el.tagName.toLowerCase()}${id === '' ? '' : `[${id}]`}${attribute === undefined ? '' : ` @${attribute}`}`;
    };
    const found: Array<{ text: string; where: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (el !== null && text !== '' && !data(el) && visible(el)) found.push({ text, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (data(el) || !visible(el)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const text = el.getAttribute(attribute)?.trim() ?? '';
        if (text !== '') found.push({ text, where: describe(el, attribute) });
      }
    }
    return found;
  });
}

/** Every run of English on the page as it is now; [] when there is none. `data`: the values the test gave (file names, typed text). */
export async function englishOnScreen(page: Page, data: readonly string[] = []): Promise<EnglishFound[]> {
  return (await readableTexts(page)).filter((found) => englishWords(found.text, data).length > 0);
}
