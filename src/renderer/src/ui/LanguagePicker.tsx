/** The window's language: a native select, so every platform's keyboard and screen reader knows it. */
import { useId, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n';

/** Each language named in itself, so a person who cannot read the current one still finds theirs. */
const NAMES: Record<(typeof LANGUAGES)[number], string> = { en: 'English', ru: 'Русский', kk: 'Қазақша' };

export function LanguagePicker(): JSX.Element {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={i18n.resolvedLanguage ?? 'en'} onChange={(e) => isLanguage(e.target.value) && void i18n.changeLanguage(e.target.value)}>
        {LANGUAGES.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {NAMES[lng]}
          </option>
        ))}
      </select>
    </div>
  );
}
