/**
 * Lists what each translation lacks compared with en.json, for whoever translates next:
 *
 *   node --import tsx tests/helpers/missing-translations.ts        (every language)
 *   node --import tsx tests/helpers/missing-translations.ts kk     (one)
 *
 * Prints `kk: missing import.newKey — English text` and `kk: extra old.key` lines, and
 * exits 1 when anything is listed (0 when every language is complete).
 */
import { baseKey, gaps, isPlural, loadLocale, localeFiles } from './locale-tables';

const en = loadLocale('en');
const asked = process.argv.slice(2);
const languages = asked.length > 0 ? asked : localeFiles().filter((lng) => lng !== 'en');
let listed = 0;
for (const lng of languages) {
  const { missing, extra } = gaps(en, loadLocale(lng), lng);
  for (const key of missing) console.log(`${lng}: missing ${key} — ${en.get(key) ?? (isPlural(key) ? en.get(`${baseKey(key)}_other`) : undefined) ?? ''}`);
  for (const key of extra) console.log(`${lng}: extra ${key}`);
  listed += missing.length + extra.length;
}
if (listed === 0) console.log(`complete: ${languages.join(', ')}`);
process.exitCode = listed === 0 ? 0 : 1;
