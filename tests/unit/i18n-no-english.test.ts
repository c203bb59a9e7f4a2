// The Russian and Kazakh locale files say nothing in English: every value, placeholders
// and data-shaped text (paths, file names, search keywords) taken out, holds no Latin word
// but the names and technical terms that stay Latin in every language
// (tests/helpers/english-words.ts, the same judge as the e2e scan of the window). A few
// keys must show Latin the reader types or sees on the keyboard; they are listed with why.
import { describe, expect, it } from 'vitest';
import { englishWords } from '../helpers/english-words';
import { loadLocale } from '../helpers/locale-tables';

/** Keys whose Latin is what the reader types or presses, each with the words it may hold. */
const LATIN_ON_PURPOSE: Readonly<Record<string, readonly string[]>> = {
  // The key's name as printed on the keyboard.
  'errors.WRONG_PASSPHRASE': ['Caps', 'Lock'],
  // The RFC 3161 field's name, which a TSA's own error pages use.
  'errors.TIMESTAMP_NONCE_MISMATCH': ['nonce'],
  // Examples of weak passwords, as typed.
  'strength.warnings.simpleRepeat': ['aaa'],
  'strength.warnings.extendedRepeat': ['abcabcabc'],
  'strength.warnings.sequences': ['abc'],
  // A command line to type.
  'timestamps.sentBundles': ['tamga', 'timestamp', 'VAULT', 'addendum', 'out', 'DIR'],
  // The word S3 providers' consoles show for the address.
  'copies.s3Endpoint': ['endpoint'],
};

describe.each(['ru', 'kk'])('%s.json', (lng) => {
  it('holds no English word', () => {
    const found: string[] = [];
    for (const [key, value] of loadLocale(lng)) {
      const words = englishWords(value).filter((w) => !(LATIN_ON_PURPOSE[key] ?? []).includes(w));
      if (words.length > 0) found.push(`${key}: ${words.join(' ')}`);
    }
    expect(found).toEqual([]);
  });
});

describe('the English judge', () => {
  it('finds English and lets data, names and acronyms through', () => {
    expect(englishWords('Нажмите Save, чтобы сохранить')).toEqual(['Save']);
    expect(englishWords('Импортирован из /card/DCIM/IMG_0001.JPG в Tamga 0.2.0')).toEqual([]);
    expect(englishWords('Скопировано в «usb»: now', ['usb'])).toEqual(['now']);
    expect(englishWords('например usb-office, tag:оплата, E0002')).toEqual([]);
    expect(englishWords('Предпросмотр Apple iPhone 4.jpg', ['Apple iPhone 4.jpg'])).toEqual([]);
    expect(englishWords('PASS')).toEqual(['PASS']);
  });
});
