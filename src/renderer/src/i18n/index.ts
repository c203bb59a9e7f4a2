/**
 * i18next for the window: English, Russian and Kazakh, complete (a unit test checks that
 * every file has the same keys as English, the same placeholders, the plural forms its
 * language needs and no empty values). The first language is the system's
 * when it is one of these, else English. React escapes every interpolated value, so
 * i18next's own escaping is off: a file name in a message is still only ever text.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import ru from './locales/ru.json';
import kk from './locales/kk.json';

export const LANGUAGES = ['en', 'ru', 'kk'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's table; `satisfies` makes a language without one fail to compile. */
const TABLES = { en, ru, kk } satisfies Record<Language, object>;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The system's preferred language, if Tamga speaks it. */
export function systemLanguage(preferred: readonly string[] = navigator.languages): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LANGUAGES.map((lng) => [lng, { translation: TABLES[lng] }])),
    lng: systemLanguage(),
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  const sync = (lng: string): void => document.documentElement.setAttribute('lang', lng);
  sync(i18next.language);
  i18next.on('languageChanged', sync);
  return i18next;
}

/**
 * The locale for dates and numbers: the system's own when it speaks the window's
 * language (en-GB writes "22 Nov 2026", en-US "Nov 22, 2026"), else the language itself.
 */
export function formatLocale(language: string, preferred: readonly string[] = navigator.languages): string {
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}
