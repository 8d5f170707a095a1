import { describe, expect, it } from 'vitest';
import type { CampaignReport } from '#shared/analytics.schema.js';
import { dueWeek } from './weekly-digest.service.js';
import { type DigestFacts, describeDigest } from './weekly-digest-text.js';

const NONE = { impressions: 0, reach: 0, engagements: 0, clicks: 0, conversions: 0, spend_minor: 0 };

const facts = (overrides: Partial<DigestFacts> = {}): DigestFacts => ({
  businessId: 'b1',
  timeZone: 'Europe/Paris',
  week: '2026-03-02',
  upcoming: [],
  upcomingCount: 0,
  lastWeek: NONE,
  campaigns: [],
  ...overrides,
});

const report = (fields: Partial<CampaignReport>): CampaignReport =>
  ({
    campaign_id: 'c1',
    name: 'Spring launch',
    start_date: '2026-02-20',
    end_date: '2026-03-21',
    days_elapsed: 11,
    days_total: 30,
    simulation: null,
    actual: { ...NONE, ctr: null, engagement_rate: null, cvr: null, cpa_minor: null },
    daily: [],
    expected_to_date: {},
    kpis: [],
    ...fields,
  }) as CampaignReport;

describe('the weekly digest', () => {
  it('is due on Monday from 08:00 in the workspace’s time zone, and names that Monday', () => {
    // 07:30 UTC is 08:30 in Paris (winter) but 07:30 in London.
    const monday = new Date('2026-03-02T07:30:00.000Z');
    expect(dueWeek(monday, 'Europe/Paris')).toBe('2026-03-02');
    expect(dueWeek(monday, 'Europe/London')).toBeUndefined();
    expect(dueWeek(new Date('2026-03-02T23:00:00.000Z'), 'UTC')).toBe('2026-03-02');
    // Monday late evening in New York is already Tuesday in UTC: still due, for New York's Monday.
    expect(dueWeek(new Date('2026-03-03T03:00:00.000Z'), 'America/New_York')).toBe('2026-03-02');
    expect(dueWeek(new Date('2026-03-03T09:00:00.000Z'), 'UTC')).toBeUndefined();
    expect(dueWeek(new Date('2026-03-01T09:00:00.000Z'), 'UTC')).toBeUndefined();
  });

  it('lists what goes out on the workspace’s clock and counts the rest', () => {
    const upcoming = Array.from({ length: 5 }, (_, index) => ({
      title: index === 0 ? '' : `Post ${index}`,
      body: 'Easter buns\nare back',
      channel: 'instagram' as const,
      scheduled_at: `2026-03-0${3 + index}T08:15:00.000Z`,
    }));
    const text = describeDigest(facts({ upcoming, upcomingCount: 7 }));
    expect(text.title).toBe('The week ahead: 7 posts go out');
    expect(text.link).toBe('/w/b1/calendar');
    expect(text.body.split('\n')).toEqual([
      '7 posts go out this week:',
      '• Tue 09:15 · instagram · Easter buns',
      '• Wed 09:15 · instagram · Post 1',
      '• Thu 09:15 · instagram · Post 2',
      '• Fri 09:15 · instagram · Post 3',
      '• Sat 09:15 · instagram · Post 4',
      '…and 2 more.',
      'No results were recorded last week.',
    ]);
  });

  it('reports last week’s results and each active campaign against its forecast so far', () => {
    const text = describeDigest(
      facts({
        upcomingCount: 1,
        upcoming: [{ title: 'One', body: '', channel: 'x', scheduled_at: '2026-03-04T12:00:00.000Z' }],
        lastWeek: { ...NONE, impressions: 12_345, engagements: 678, clicks: 90, conversions: 4 },
        campaigns: [
          report({
            simulation: {
              id: 's1',
              created_at: '2026-02-19T00:00:00.000Z',
              trials: 10_000,
              seed: 1,
              changed_since: [],
            },
            actual: {
              ...NONE,
              clicks: 120,
              conversions: 3,
              ctr: null,
              engagement_rate: null,
              cvr: null,
              cpa_minor: null,
            },
            expected_to_date: {
              clicks: { p5: 50, p25: 80, p50: 100.4, p75: 130, p95: 170 },
              conversions: { p5: 1, p25: 3, p50: 5, p75: 7, p95: 9 },
            },
            kpis: [
              {
                metric: 'clicks',
                target: 300,
                forecast_metric: 'clicks',
                actual: 120,
                projected: 290,
                probability: 0.6,
                status: 'on_track',
              },
            ],
          }),
          report({ name: 'Summer', days_elapsed: 2, days_total: 10 }),
        ],
      }),
    );
    expect(text.title).toBe('The week ahead: 1 post goes out');
    expect(text.body.split('\n').slice(2)).toEqual([
      'Last week: 12,345 impressions, 678 engagements, 90 clicks, 4 conversions.',
      'Spring launch (day 11 of 30): 120 clicks against 100 forecast by now; 3 conversions against 5 forecast by now; KPIs: clicks on track.',
      'Summer (day 2 of 10): no forecast yet.',
    ]);
  });

  it('says so when nothing is scheduled', () => {
    const text = describeDigest(facts());
    expect(text.title).toBe('The week ahead: nothing scheduled yet');
    expect(text.body).toContain('Nothing is scheduled for this week yet.');
  });
});
