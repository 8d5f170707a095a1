import type { i18n as I18n } from 'i18next';
import type { Language } from '#shared/languages.js';
import { getSessionState, subscribeToSession } from '../auth/session-store.js';
import { getLanguagePreference, setLanguagePreference } from './languages.js';

/**
 * A signed-in account's language applies on a browser that has no choice of its own (a new device, a
 * cleared browser): the person chose it elsewhere, and their emails are written in it. It is remembered
 * here, so the next visit's first screen is already in it. A choice made on this browser wins.
 */
export function followAccountLanguage(i18n: Pick<I18n, 'changeLanguage' | 'resolvedLanguage'>): () => void {
  const adopt = () => {
    const session = getSessionState();
    if (session.status !== 'authenticated') return;
    const language: Language | null = session.user.language;
    if (!language || getLanguagePreference()) return;
    setLanguagePreference(language);
    if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language);
  };
  adopt();
  return subscribeToSession(adopt);
}
