import { useTranslation } from 'react-i18next';
import { isLanguage, type Language, setLanguagePreference } from './languages.js';

/** The interface's language, and a way to change it that this browser remembers. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  const change = (language: Language) => {
    setLanguagePreference(language);
    void i18n.changeLanguage(language);
  };
  return [current, change];
}
