import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationFacts, NotificationKind } from '#shared/notifications.schema.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { testI18n } from '#web/test/i18n.js';
import { notificationWords } from './notification-text.js';

/** One notification's facts of every kind, with every optional part present. */
const FACTS = {
  review_requested: { kind: 'review_requested', actor: 'Ada', item: 'Spring sale', channel: 'linkedin' },
  content_sent_back: {
    kind: 'content_sent_back',
    actor: 'Ada',
    item: 'Spring sale',
    comment: 'Add the price',
  },
  content_approved: { kind: 'content_approved', actor: 'Ada', item: 'Spring sale' },
  publish_failed: {
    kind: 'publish_failed',
    item: 'Spring sale',
    reason: 'No publishing connector is set up for facebook: add one in the workspace settings',
  },
  inbox_attention: {
    kind: 'inbox_attention',
    customer: 'Noor',
    urgent: true,
    negative: true,
    excerpt: 'Refund!',
  },
  ai_budget: { kind: 'ai_budget', threshold: 80, spent_micro_usd: 12_400_000, limit_micro_usd: 15_500_000 },
  job_died: { kind: 'job_died', job_name: 'content.publish', error: 'Error: socket hang up' },
  weekly_digest: {
    kind: 'weekly_digest',
    upcoming_count: 7,
    upcoming: [
      { label: 'Tuesday loaves', channel: 'google_business', scheduled_at: '2026-03-03T09:30:00.000Z' },
    ],
    last_week: { impressions: 12_400, engagements: 310, clicks: 95, conversions: 4 },
    campaigns: [
      {
        name: 'Spring launch',
        days_elapsed: 5,
        days_total: 31,
        forecast: [{ metric: 'clicks', actual: 120, expected: 100 }],
        kpis: [{ metric: 'clicks', status: 'on_track' }],
      },
    ],
  },
  comment_mention: { kind: 'comment_mention', actor: 'Ada', item: 'Spring sale', excerpt: '@Edie look' },
} satisfies { [K in NotificationKind]: Extract<NotificationFacts, { kind: K }> };

function wordsIn(language: 'en' | 'fr', facts: NotificationFacts) {
  const i18n = testI18n(language);
  return notificationWords(
    { title: 'Stored title', body: 'Stored body', facts },
    i18n.getFixedT(language, 'notifications'),
    i18n.getFixedT(language, 'common'),
  );
}

describe('notificationWords', () => {
  afterEach(() => setWorkspaceRegion(undefined));

  it.each(Object.values(FACTS))('says a $kind notification in English and in French', (facts) => {
    const english = wordsIn('en', facts);
    const french = wordsIn('fr', facts);
    for (const words of [english, french]) {
      for (const text of [words.title, words.body]) {
        // A missing key shows as its path, a missing value as its placeholder.
        expect(text).not.toMatch(/facts\.|\{\{|^$/);
      }
    }
    expect(french.title).not.toBe(english.title);
    expect(french.body).not.toBe(english.body);
  });

  it('says what the server wrote in English, from the facts alone', () => {
    expect(wordsIn('en', FACTS.review_requested)).toEqual({
      title: 'Ada asked for a review of “Spring sale”',
      body: 'A post for LinkedIn waits for approval.',
    });
    expect(wordsIn('en', { ...FACTS.content_approved, actor: null }).title).toBe(
      'Someone approved “Spring sale”',
    );
    expect(wordsIn('en', FACTS.inbox_attention).title).toBe('Urgent and negative message from Noor');
  });

  it('writes French with its spacing, money and numbers as the workspace does, and a reason translated', () => {
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    expect(wordsIn('fr', FACTS.content_sent_back)).toEqual({
      title: 'Ada a renvoyé «\u00a0Spring sale\u00a0»',
      body: '«\u00a0Add the price\u00a0»',
    });
    const budget = wordsIn('fr', FACTS.ai_budget);
    expect(budget.title).toBe('Le budget IA mensuel est consommé à 80\u00a0%');
    expect(budget.body).toMatch(/^12,40\u00a0\$US sur 15,50\u00a0\$US ce mois-ci\./);
    expect(wordsIn('fr', FACTS.publish_failed).body).toBe(
      'Aucun connecteur de publication n’est configuré pour Facebook\u00a0: ajoutez-en un dans les paramètres de l’espace de travail. Programmez-la de nouveau, ou remettez-la en brouillon.',
    );
    const digest = wordsIn('fr', FACTS.weekly_digest);
    expect(digest.title).toBe('La semaine à venir\u00a0: 7 publications programmées');
    expect(digest.body.split('\n')).toEqual([
      '7 publications partent cette semaine\u00a0:',
      '• mar. 10:30 · Google Business Profile · Tuesday loaves',
      '…et 6 autres.',
      'La semaine dernière\u00a0: 12\u202f400 impressions, 310 interactions, 95 clics, 4 conversions.',
      'Spring launch (jour 5 sur 31)\u00a0: 120 clics contre 100 prévus à ce stade\u00a0; KPI\u00a0: clics (en bonne voie).',
    ]);
  });

  it('shows a notification kept without facts as it was written', () => {
    const i18n = testI18n('fr');
    const words = notificationWords(
      { title: 'Ada approved “Old post”', body: 'It can be scheduled now.', facts: null },
      i18n.getFixedT('fr', 'notifications'),
      i18n.getFixedT('fr', 'common'),
    );
    expect(words).toEqual({ title: 'Ada approved “Old post”', body: 'It can be scheduled now.' });
  });
});
