// The window's sentence for each verify problem: its own words for the problems people
// meet, in every language, and the engine's sentence (which names the file) for the rest.
// An intact custody log that contradicts the bundle is not called edited or broken.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { problemSentence } from '../../../src/renderer/src/features/verify/verdict-words';
import { VERIFY_PROBLEM_CODES } from '../../../src/shared/bundle';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import kk from '../../../src/renderer/src/i18n/locales/kk.json';
import ru from '../../../src/renderer/src/i18n/locales/ru.json';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } }, interpolation: { escapeValue: false } });

const FALLBACK = 'the engine sentence';

describe("the window's words for verify problems", () => {
  it('has its own sentence, in English, Russian and Kazakh, for every readable copy that contradicts the sealed data', () => {
    const crossChecks = ['EXHIBITS_CSV_MISMATCH', 'EXHIBITS_JSON_INVALID', 'REPORT_HTML_MISMATCH', 'REPORT_PDF_MISMATCH', 'README_VERIFY_MISMATCH', 'EXHIBIT_FACT_MISMATCH', 'SIGNER_ID_MISMATCH'];
    for (const code of crossChecks) {
      expect(VERIFY_PROBLEM_CODES).toContain(code);
      const sentences = ['en', 'ru', 'kk'].map((lng) => problemSentence(i18n.getFixedT(lng), code, FALLBACK));
      for (const s of sentences) expect(s).not.toBe(FALLBACK);
      expect(new Set(sentences).size).toBe(3);
    }
  });

  it('never calls an intact custody log that contradicts the bundle edited or broken', () => {
    const t = i18n.getFixedT('en');
    expect(problemSentence(t, 'EXHIBIT_FACT_MISMATCH', FALLBACK)).toBe("The exhibit's custody log and the rest of the bundle disagree about the file.");
    expect(problemSentence(t, 'CUSTODY_BAD_SIGNATURE', FALLBACK)).toBe("The exhibit's custody log was edited or is broken.");
  });

  it("gives the engine's sentence for a problem without words of its own", () => {
    expect(problemSentence(i18n.getFixedT('ru'), 'MANIFEST_LINE_INVALID', FALLBACK)).toBe(FALLBACK);
  });
});
