/**
 * English that reaches a Russian or Kazakh screen: the text a person reads or hears, in
 * text nodes and in the attributes screen readers speak (aria-label, title, placeholder,
 * alt), with every <details> opened first so technical details are read too. Not English:
 * what is not words but data, marked as such in the window — <pre>, <code>, <kbd>,
 * <samp>, anything inside `translate="no"` (file names, paths, hashes, camera makes and
 * models, tags and titles the user typed: evidence, never translated) or inside an element
 * whose `lang` is not the page's (the language picker names each language in itself).
 * Hidden elements are skipped. Inside a sentence, data is taken out before the words are
 * read: the values the test itself gave (file names, what it typed), and whatever has the
 * shape of a path, a URL, a file name, an identifier (usb-office, vault-ru) or a search
 * keyword (tag:, type:video). A Latin word left is English unless it is a name or a
 * technical acronym that stays Latin in every language (ALLOWED).
 */
import type { Page } from '@playwright/test';

/** Latin that stays Latin on a Russian or Kazakh screen: the program's name, format and standard names. */
export const ALLOWED = [
  'Tamga',
  'EXIF',
  'XMP',
  'IPTC',
  'GPS',
  'UTC',
  'GMT',
  'SHA',
  'MD5',
  'JPEG',
  'PNG',
  'HEIC',
  'HEIF',
  'TIFF',
  'MP4',
  'MOV',
  'QuickTime',
  'ISO',
  'TSA',
  'RFC',
  'S3',
  'PDF',
  'CSV',
  'JSON',
  'HTML',
  'ZIP',
  'zip',
  'URL',
  'USB',
  'ExifTool',
  'ffmpeg',
  'Ed25519',
  'BagIt',
  'scrypt',
  'Ctrl',
  'Shift',
  'Enter',
  'Esc',
  'Zip',
  'http',
  'https',
  'eIDAS',
  'MiB',
  'Photoshop',
  'Lightroom',
  'digiKam',
  // The names of the structures a file reader reports on, as their standards spell them.
  'IFD',
  'IFD0',
  'SOF',
  'IHDR',
  'IEND',
  'Orientation',
  'moov',
  'mvhd',
  'meta',
  'keys',
  'iinf',
  'iloc',
  'infe',
  'ispe',
  'pitm',
  'stsd',
];

export interface EnglishFound {
  /** The text (or attribute value) as found. */
  readonly text: string;
  /** Where: the element's tag with its test id, class or role, and the attribute if it was one. */
  readonly where: string;
}

/** Every run of English on the page as it is now; [] when there is none. `data`: the values the test gave (file names, typed text). */
export async function englishOnScreen(page: Page, data: readonly string[] = []): Promise<EnglishFound[]> {
  return page.evaluate(
    ({ allowed, given }) => {
    const allow = new Set(allowed);
    const longestFirst = [...given].filter((d) => d !== '').sort((a, b) => b.length - a.length);
    const DATA_SHAPES = [
      /\S*[/\\]\S*/g, // paths, URLs, MIME types
      /\S+@\S+/g, // addresses
      /[\w.-]*\w\.[A-Za-z0-9]{1,5}\b/g, // file names: vault.json, README.txt
      /\b[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+\b/g, // identifiers: usb-office, vault-ru, with-gps
      /\b[a-z]+:\S*/g, // search keywords: tag:…, type:video
      /\bE\d{4,}\b/g, // exhibit numbers: E0001
    ];
    const withoutData = (text: string): string => {
      let rest = text;
      // The test's own values first (a file name may hold spaces), each only as a whole: "usb" is taken out of "«usb»", not out of "usb-office".
      for (const value of longestFirst) rest = rest.replace(new RegExp(`(?<![\\w-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g'), ' ');
      for (const shape of DATA_SHAPES) rest = rest.replace(shape, ' ');
      return rest;
    };
    const lang = document.documentElement.lang;
    for (const details of document.querySelectorAll('details')) details.open = true;
    const data = (el: Element): boolean =>
      el.closest('pre, code, kbd, samp, script, style, [translate="no"]') !== null || (el.closest('[lang]')?.getAttribute('lang') ?? lang) !== lang;
    const visible = (el: Element): boolean => el.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    // A word of two or more Latin letters (with inner apostrophes and hyphens), not a number or a unit after one.
    const english = (text: string): boolean => [...withoutData(text).matchAll(/[A-Za-z][A-Za-z0-9'’]*[A-Za-z0-9]/g)].some((m) => !allow.has(m[0]));
    const describe = (el: Element, attribute?: string): string => {
      const id = el.getAttribute('data-testid') ?? el.getAttribute('role') ?? (typeof el.className === 'string' && el.className !== '' ? el.className : '');
      return `${el.tagName.toLowerCase()}${id === '' ? '' : `[${id}]`}${attribute === undefined ? '' : ` @${attribute}`}`;
    };
    const found: Array<{ text: string; where: string }> = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = (node.textContent ?? '').trim();
      if (el === null || text === '' || data(el) || !visible(el) || !english(text)) continue;
      found.push({ text, where: describe(el) });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (data(el) || !visible(el)) continue;
      for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const text = el.getAttribute(attribute)?.trim() ?? '';
        if (text !== '' && english(text)) found.push({ text, where: describe(el, attribute) });
      }
    }
    return found;
    },
    { allowed: ALLOWED, given: data },
  );
}
