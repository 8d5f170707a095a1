/** Choices for a workspace's time zone and locale, built from what this browser knows. */

const COMMON_LOCALES = [
  'en',
  'en-US',
  'en-GB',
  'en-AU',
  'en-CA',
  'fr',
  'fr-CA',
  'de',
  'es',
  'es-MX',
  'it',
  'pt',
  'pt-BR',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'tr',
  'ja',
  'ko',
  'zh-CN',
  'zh-TW',
  'hi',
  'ar',
  'he',
];

/** The browser's own time zone, which is the right default for almost everyone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The browser's language if it is a plain BCP 47 tag the API accepts, else English. */
export function browserLocale(): string {
  const language = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language) ? language : 'en';
}

/** Every IANA zone, with `UTC` and the current value guaranteed to be present. */
export function timeZoneOptions(current?: string): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}

/**
 * Common locales with readable names in the reader's language (`fr-CA` → "Canadian French (fr-CA)" in
 * English), plus the current value.
 */
export function localeOptions(current?: string, language = 'en'): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language, 'en'], { type: 'language' });
  const tags = new Set([...COMMON_LOCALES, browserLocale()]);
  if (current) tags.add(current);
  return [...tags].map((tag) => {
    let name: string | undefined;
    try {
      name = names.of(tag);
    } catch {
      name = undefined;
    }
    return { value: tag, label: name && name !== tag ? `${name} (${tag})` : tag };
  });
}
