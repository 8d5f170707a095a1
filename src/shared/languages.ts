/**
 * The languages the interface and the emails are written in. English is complete by definition and the
 * fallback; a language joins once the web app's strings (src/web/locales) and the emails' are translated.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
// No zod here: the web app reads this list before its first screen, and zod stays out of that bundle.

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
