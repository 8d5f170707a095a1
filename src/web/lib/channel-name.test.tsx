import { afterEach, describe, expect, it } from 'vitest';
import { testI18n } from '#web/test/i18n.js';
import { channelName } from './channel-name.js';

describe('channelName', () => {
  afterEach(() => {
    // Back to the English instance every other test renders with.
    testI18n('en', { global: true });
  });

  it('names brands the same in every language, and translates the names that are words', () => {
    expect([channelName('instagram'), channelName('email'), channelName('google_business')]).toEqual([
      'Instagram',
      'Email',
      'Google Business Profile',
    ]);
    testI18n('fr', { global: true });
    expect([channelName('instagram'), channelName('email'), channelName('google_business')]).toEqual([
      'Instagram',
      'E-mail',
      'Fiche d’établissement Google',
    ]);
  });
});
