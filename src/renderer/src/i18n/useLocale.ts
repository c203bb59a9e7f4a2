/** The locale to format dates and numbers with, following the window's language. */
import { useTranslation } from 'react-i18next';
import { formatLocale } from './index';

export function useLocale(): string {
  const { i18n } = useTranslation();
  return formatLocale(i18n.resolvedLanguage ?? i18n.language);
}
