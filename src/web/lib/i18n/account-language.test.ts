// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import { clearSession, storeSession } from '../auth/session-store.js';
import { followAccountLanguage } from './account-language.js';
import { getLanguagePreference, setLanguagePreference } from './languages.js';

const session = (language: Session['user']['language']): Session => ({
  access_token: 'token',
  token_type: 'Bearer',
  expires_in: 900,
  user: {
    id: '01a251a0-cc4e-7547-894b-32bd51e3b77c',
    email: 'amelie@example.com',
    name: 'Amélie',
    language,
    created_at: '2026-12-07T10:00:00.000Z',
    updated_at: '2026-12-07T10:00:00.000Z',
  },
});

describe('followAccountLanguage', () => {
  let stop: () => void;
  const i18n = { resolvedLanguage: 'en', changeLanguage: vi.fn(async () => undefined as never) };
  beforeEach(() => {
    localStorage.clear();
    clearSession();
    i18n.changeLanguage.mockClear();
    stop = followAccountLanguage(i18n);
  });
  afterEach(() => stop());

  it('switches a browser without a choice to the account’s language, and remembers it', () => {
    storeSession(session('fr'));
    expect(i18n.changeLanguage).toHaveBeenCalledWith('fr');
    expect(getLanguagePreference()).toBe('fr');
  });

  it('leaves a choice made on this browser, and an account without a language, alone', () => {
    storeSession(session(null));
    setLanguagePreference('en');
    storeSession(session('fr'));
    expect(i18n.changeLanguage).not.toHaveBeenCalled();
    expect(getLanguagePreference()).toBe('en');
  });
});
