// The window's sentence for each verify problem: its own words for the problems people
// meet and for every problem of a bundle's structure, in every language; the engine's sentence
// (which names the file) only for a code this version does not know.
// An intact custody log that contradicts the bundle is not called edited or broken.
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { operatorsLine, problemSentence } from '../../../src/renderer/src/features/verify/verdict-words';
import { VERIFY_PROBLEM_CODES } from '../../../src/shared/bundle';
import en from '../../../src/renderer/src/i18n/locales/en.json';
import kk from '../../../src/renderer/src/i18n/locales/kk.json';
import ru from '../../../src/renderer/src/i18n/locales/ru.json';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en }, ru: { translation: ru }, kk: { translation: kk } }, interpolation: { escapeValue: false } });

const FALLBACK = 'the engine sentence';

describe("the window's words for verify problems", () => {
  it('has its own sentence, in English, Russian and Kazakh, for every readable copy that contradicts the sealed data, and for the custody log', () => {
    const crossChecks = ['EXHIBITS_CSV_MISMATCH', 'EXHIBITS_JSON_INVALID', 'REPORT_HTML_MISMATCH', 'REPORT_PDF_MISMATCH', 'README_VERIFY_MISMATCH', 'EXHIBIT_FACT_MISMATCH', 'SIGNER_ID_MISMATCH', 'LOG_CHECKPOINT_INVALID', 'LOG_PROOFS_INVALID', 'LOG_PROOF_MISMATCH', 'LOG_PROOF_MISSING', 'LOG_FORK'];
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

  it("says every problem of the bundle's structure in its own words, and gives the engine's sentence only for a code it does not know", () => {
    expect(problemSentence(i18n.getFixedT('ru'), 'MANIFEST_LINE_INVALID', FALLBACK)).toBe('Строка списка хэшей пакета не читается.');
    expect(problemSentence(i18n.getFixedT('kk'), 'ZIP_BOMB', FALLBACK)).toMatch(/zip-бомбаға ұқсайды/);
    expect(problemSentence(i18n.getFixedT('ru'), 'A_CODE_FROM_A_NEWER_TAMGA', FALLBACK)).toBe(FALLBACK);
  });
});

describe('who did each act, in the verify report', () => {
  const groups = [
    { operator: 'Aigerim Sultanova (observer)', acts: [{ type: 'acquired', count: 1 }, { type: 'tagged', count: 2 }] },
    { operator: null, acts: [{ type: 'a-type-from-a-newer-tamga', count: 1 }] },
  ];
  it('names each operator as stated, with the acts in the window\'s words', () => {
    expect(operatorsLine(i18n.getFixedT('en'), groups, 0)).toBe('Aigerim Sultanova (observer) — Acquired, Tagged ×2; no operator stated — a-type-from-a-newer-tamga');
    expect(operatorsLine(i18n.getFixedT('ru'), groups, 3)).toMatch(/^Aigerim Sultanova \(observer\) — .+; оператор не указан — a-type-from-a-newer-tamga; событий не показано: 3$/);
    const line = i18n.getFixedT('kk')('verify.operatorsLine', { operators: operatorsLine(i18n.getFixedT('kk'), groups, 0) });
    expect(line).toContain('жеке басын тексеру емес');
    expect(line).toContain('оператор көрсетілмеген');
  });
});
