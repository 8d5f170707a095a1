import { describe, expect, it } from 'vitest';
import { testI18n } from '#web/test/i18n.js';
import { describeChannels, sentence } from './publishing-format.js';

describe('publishing wording', () => {
  it('names a connector for every channel, or its channels', () => {
    const english = testI18n('en').getFixedT('en', 'publishing');
    expect(describeChannels(null, english)).toBe('All channels');
    expect(describeChannels(null, testI18n('fr').getFixedT('fr', 'publishing'))).toBe('Tous les canaux');
    expect(describeChannels(['instagram', 'linkedin'], english)).toBe('Instagram, LinkedIn');
  });

  it('ends a server message as a sentence, once', () => {
    expect(sentence('The receiver answered HTTP 422')).toBe('The receiver answered HTTP 422.');
    expect(sentence('Refused.')).toBe('Refused.');
  });
});
