import { isLanguage, LANGUAGES, type Language, pickLanguage } from '#shared/languages.js';

export { isLanguage, LANGUAGES, type Language, pickLanguage };

/** Each language in itself, so a reader finds theirs whatever language the screen is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'mcc.language';

/** The person's choice on this browser, if they made one. */
export function getLanguagePreference(): Language | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : undefined;
  } catch {
    // Storage can be blocked (private modes, policies): the browser's languages decide instead.
    return undefined;
  }
}

export function setLanguagePreference(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across reloads, but applied for this visit.
  }
}

/** The person's choice, else the first of the browser's languages we have, else English. */
export function initialLanguage(): Language {
  return getLanguagePreference() ?? pickLanguage(navigator.languages ?? [navigator.language]) ?? 'en';
}
