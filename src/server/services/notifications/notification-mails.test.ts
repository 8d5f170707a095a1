import { describe, expect, it } from 'vitest';
import type { NotificationRow } from '#server/db/schema.js';
import type { LANGUAGES } from '#shared/languages.js';
import { NOTIFICATION_KINDS, type NotificationFacts } from '#shared/notifications.schema.js';
import { NOTIFICATION_MAIL_TEXTS } from './notification-mail-texts.js';
import { notificationMail } from './notification-mails.js';

/** Facts of every kind but the digest, as the server stores them. */
const FACTS: NotificationFacts[] = [
  { kind: 'review_requested', actor: 'Ada', item: 'Spring sale', channel: 'instagram' },
  { kind: 'content_sent_back', actor: null, item: 'Spring sale', comment: null },
  { kind: 'content_sent_back', actor: 'Ada', item: 'Spring sale', comment: 'Mention the price' },
  { kind: 'content_approved', actor: 'Ada', item: 'Spring sale' },
  { kind: 'publish_failed', item: 'Spring sale', reason: 'Mastodon refused it (HTTP 422)' },
  { kind: 'inbox_attention', customer: '@grace', urgent: true, negative: true, excerpt: 'Where is it?' },
  { kind: 'inbox_attention', customer: '@grace', urgent: false, negative: true, excerpt: 'Cold buns' },
  { kind: 'ai_budget', threshold: 80, spent_micro_usd: 40_000_000, limit_micro_usd: 50_000_000 },
  { kind: 'ai_budget', threshold: 100, spent_micro_usd: 50_500_000, limit_micro_usd: 50_000_000 },
  { kind: 'job_died', job_name: 'content.publish', error: 'No answer within 10000 ms' },
  { kind: 'comment_mention', actor: 'Ada', item: 'Spring sale', excerpt: '@ben can you look?' },
  {
    kind: 'weekly_digest',
    upcoming_count: 0,
    upcoming: [],
    last_week: { impressions: 0, engagements: 0, clicks: 0, conversions: 0 },
    campaigns: [],
  },
  {
    kind: 'weekly_digest',
    upcoming_count: 7,
    upcoming: [
      { label: 'Spring sale', channel: 'instagram', scheduled_at: '2026-12-08T08:30:00.000Z' },
      { label: 'Draft idea', channel: 'linkedin', scheduled_at: null },
      { label: 'Newsletter', channel: 'email', scheduled_at: '2026-12-10T16:00:00.000Z' },
    ],
    last_week: { impressions: 12_500, engagements: 310, clicks: 42, conversions: 3 },
    campaigns: [
      {
        name: 'Easter',
        days_elapsed: 5,
        days_total: 31,
        forecast: [{ metric: 'clicks', actual: 120, expected: 100 }],
        kpis: [
          { metric: 'clicks', status: 'on_track' },
          { metric: 'orders', status: 'behind' },
        ],
      },
      { name: 'Winter', days_elapsed: 1, days_total: 10, forecast: null, kpis: [] },
    ],
  },
];

const PARIS = { timeZone: 'Europe/Paris' };

const row = (
  facts: NotificationFacts | null,
): Pick<NotificationRow, 'kind' | 'title' | 'body' | 'link' | 'facts'> => ({
  kind: facts?.kind ?? 'content_approved',
  title: 'Ada approved “Spring sale”',
  body: 'It can be scheduled now.',
  link: '/w/b/content/c',
  facts: facts ? JSON.stringify(facts) : null,
});
const mailIn = (language: (typeof LANGUAGES)[number], facts: NotificationFacts | null) =>
  notificationMail(
    row(facts),
    {
      to: 'ada@example.com',
      language,
      workspace: 'Acme',
      timeZone: 'Europe/Paris',
      unsubscribeToken: 'token-0123456789',
    },
    { baseUrl: 'https://mcc.example.com' },
  );

describe('notification emails', () => {
  it('say every kind in French from its facts, with French typography, and frame it in French', () => {
    for (const facts of FACTS) {
      const words = NOTIFICATION_MAIL_TEXTS.fr.words(facts, PARIS);
      expect(words, facts.kind).toBeDefined();
      for (const text of [words?.title ?? '', words?.body ?? '']) {
        expect(text.trim(), facts.kind).not.toBe('');
        expect(text, text).not.toMatch(/ [:;!?»]|« |“|”/);
      }
    }
    for (const kind of NOTIFICATION_KINDS) {
      expect(NOTIFICATION_MAIL_TEXTS.fr.action[kind]).not.toBe(NOTIFICATION_MAIL_TEXTS.en.action[kind]);
      expect(NOTIFICATION_MAIL_TEXTS.fr.kind[kind]).not.toBe(NOTIFICATION_MAIL_TEXTS.en.kind[kind]);
    }
    expect(NOTIFICATION_MAIL_TEXTS.fr.words(FACTS[7] as NotificationFacts, PARIS)).toEqual({
      title: 'Le budget IA mensuel est consommé à 80\u00a0%',
      body: '40,00\u00a0$US sur 50,00\u00a0$US ce mois-ci. Les fonctions d’IA s’arrêtent à 100\u00a0%\u00a0; un propriétaire ou un administrateur peut relever le budget.',
    });
  });

  it('says a digest in French on the workspace’s clock, with French numbers and plural forms', () => {
    expect(NOTIFICATION_MAIL_TEXTS.fr.words(FACTS.at(-1) as NotificationFacts, PARIS)).toEqual({
      title: 'La semaine à venir\u00a0: 7 publications programmées',
      body: [
        '7 publications partent cette semaine\u00a0:',
        '• mar. 09:30 · Instagram · Spring sale',
        '• non programmée · LinkedIn · Draft idea',
        '• jeu. 17:00 · E-mail · Newsletter',
        '…et 4 autres.',
        'La semaine dernière\u00a0: 12\u202f500 impressions, 310 interactions, 42 clics, 3 conversions.',
        'Easter (jour 5 sur 31)\u00a0: 120 clics contre 100 prévus à ce stade\u00a0; KPI\u00a0: clics (en bonne voie), orders (en retard).',
        'Winter (jour 1 sur 10)\u00a0: pas encore de prévision.',
      ].join('\n'),
    });
  });

  it('writes a French reader’s email in French, and falls back to the stored English as a whole', () => {
    const french = mailIn('fr', FACTS[3] as NotificationFacts);
    expect(french.subject).toBe('Ada a approuvé «\u00a0Spring sale\u00a0» · Acme');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.text).toContain('Ouvrir la publication\u00a0: https://mcc.example.com/w/b/content/c');

    // No facts (a row written before they were kept), or an English reader: English, frame and all.
    for (const english of [mailIn('fr', null), mailIn('en', FACTS[3] as NotificationFacts)]) {
      expect(english.subject).toBe('Ada approved “Spring sale” · Acme');
      expect(english.html).toContain('<html lang="en">');
      expect(english.text).toContain('Open the post: https://');
    }
  });
});
