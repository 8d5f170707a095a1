/** The languages the interface is translated into; English is complete by definition and the fallback. */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in itself, so a reader finds theirs whatever language the screen is in. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

const STORAGE_KEY = 'mcc.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language among BCP 47 tags, by their language subtag (`fr-CA` reads French).
 *
 * @example pickLanguage(['de-DE', 'fr-CA', 'en']) // 'fr'
 */
export function pickLanguage(tags: readonly string[]): Language | undefined {
  for (const tag of tags) {
    const language = tag.split('-')[0]?.toLowerCase();
    if (isLanguage(language)) return language;
  }
  return undefined;
}

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
