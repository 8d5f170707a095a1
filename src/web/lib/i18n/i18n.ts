import { createInstance, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from './languages.js';

// One chunk per language and namespace (src/web/locales/<language>/<namespace>.json), fetched when a screen
// that uses the namespace first renders in that language: a French reader never downloads English, and the
// sign-in page downloads only `common` and `auth`.
const bundles = import.meta.glob<ResourceKey>('../../locales/*/*.json', { import: 'default' });

/** i18next's backend contract, over the bundles above. */
const lazyBundles = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, done: (error: unknown, data: ResourceKey | false) => void) {
    const load = bundles[`../../locales/${language}/${namespace}.json`];
    if (!load) {
      done(new Error(`No ${language} strings for the namespace ${namespace}`), false);
      return;
    }
    load().then(
      (data) => done(null, data),
      (error: unknown) => done(error, false),
    );
  },
};

/** Options every instance shares, in the app and in tests. */
export const I18N_OPTIONS = {
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  defaultNS: 'common',
  ns: ['common'],
  // React escapes what it renders; escaping here too would show `&amp;` in names with an ampersand.
  interpolation: { escapeValue: false },
} as const;

/**
 * Starts the interface's translations in `language` and keeps `<html lang>` in step with it, so screen
 * readers pronounce the text in the right language. Resolves once the `common` strings are loaded.
 */
export async function startI18n(language: Language): Promise<I18n> {
  const i18n = createInstance();
  i18n.on('languageChanged', (current) => {
    document.documentElement.lang = isLanguage(current) ? current : 'en';
  });
  await i18n
    .use(lazyBundles)
    .use(initReactI18next)
    .init({ ...I18N_OPTIONS, lng: language });
  return i18n;
}
