import { createInstance, type i18n as I18n, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { I18N_OPTIONS } from '../lib/i18n/i18n.js';
import type { Language } from '../lib/i18n/languages.js';

// Every language's strings, loaded up front: a test renders at once, with no namespace to wait for.
const bundles = import.meta.glob<ResourceKey>('../locales/*/*.json', { import: 'default', eager: true });

function resources(): Record<string, Record<string, ResourceKey>> {
  const all: Record<string, Record<string, ResourceKey>> = {};
  for (const [file, strings] of Object.entries(bundles)) {
    const [, language = '', namespace = ''] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
    all[language] = { ...all[language], [namespace]: strings };
  }
  return all;
}

/**
 * An i18next instance in `language` with every string loaded. Render under
 * `<I18nextProvider i18n={testI18n('fr')}>` to see a screen in French; without a provider, screens use the
 * English instance that src/web/test/setup-i18n.ts registers for every component test.
 */
export function testI18n(language: Language, { global = false } = {}): I18n {
  const i18n = createInstance();
  if (global) i18n.use(initReactI18next);
  void i18n.init({ ...I18N_OPTIONS, lng: language, resources: resources(), initAsync: false });
  return i18n;
}
