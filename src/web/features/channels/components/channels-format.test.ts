import { describe, expect, it } from 'vitest';
import { formatDate } from '#web/lib/format-date.js';
import { testI18n } from '#web/test/i18n.js';
import { describeSync, describeTokenExpiry, instanceHost } from './channels-format.js';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const t = testI18n('en').getFixedT('en', 'channels');

describe('describeTokenExpiry', () => {
  it('says a token without expiry does not expire', () => {
    expect(describeTokenExpiry({ token_expires_at: null }, NOW, t)).toBe('Token does not expire');
  });

  it('tells a coming expiry from a past one', () => {
    const later = '2026-04-01T00:00:00.000Z';
    const earlier = '2026-03-01T00:00:00.000Z';
    expect(describeTokenExpiry({ token_expires_at: later }, NOW, t)).toBe(
      `Token expires ${formatDate(later)}`,
    );
    expect(describeTokenExpiry({ token_expires_at: earlier }, NOW, t)).toBe(
      `Token expired ${formatDate(earlier)}`,
    );
  });
});

describe('describeSync', () => {
  it('counts posts and messages, singular and plural', () => {
    expect(describeSync({ posts_measured: 1, messages_received: 0, problems: [] }, '@a@b.social', t)).toBe(
      'Results of 1 post and 0 new messages read from @a@b.social',
    );
    expect(describeSync({ posts_measured: 3, messages_received: 1, problems: [] }, '@a@b.social', t)).toBe(
      'Results of 3 posts and 1 new message read from @a@b.social',
    );
  });

  it('counts in French too', () => {
    const fr = testI18n('fr').getFixedT('fr', 'channels');
    expect(describeSync({ posts_measured: 0, messages_received: 2, problems: [] }, '@a@b.social', fr)).toBe(
      'Lu sur @a@b.social\u00a0: résultats de 0 publication et 2 nouveaux messages',
    );
  });
});

describe('instanceHost', () => {
  it('shows the host of an address, and the text itself when it is not one', () => {
    expect(instanceHost('https://mastodon.social')).toBe('mastodon.social');
    expect(instanceHost('not an address')).toBe('not an address');
  });
});
