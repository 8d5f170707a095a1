import { describe, expect, it } from 'vitest';
import { fillPeriods, overviewRange } from './overview-range.js';

const NOW = new Date('2026-03-31T22:00:00Z');

describe('overviewRange', () => {
  it('reads the range from the URL, putting a reversed one the right way round', () => {
    expect(overviewRange(new URLSearchParams('from=2026-03-01&to=2026-03-10'), 'UTC', NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(overviewRange(new URLSearchParams('from=2026-03-10&to=2026-03-01'), 'UTC', NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
  });

  it('falls back to the workspace’s last 30 days, today included', () => {
    expect(overviewRange(new URLSearchParams('from=yesterday'), 'UTC', NOW)).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
  });

  it('counts the workspace’s days, not UTC’s: at 23:30 UTC it is already tomorrow in Paris', () => {
    const lateEvening = new Date('2026-12-06T23:30:00Z');
    expect(overviewRange(new URLSearchParams(), 'Europe/Paris', lateEvening)).toEqual({
      from: '2026-11-08',
      to: '2026-12-07',
    });
    // West of UTC the workspace's day is still yesterday's a little after midnight UTC.
    const justAfterMidnight = new Date('2026-12-07T00:30:00Z');
    expect(overviewRange(new URLSearchParams(), 'America/New_York', justAfterMidnight).to).toBe('2026-12-06');
  });
});

describe('fillPeriods', () => {
  const row = (period: string, clicks: number) => ({
    period,
    impressions: 0,
    reach: 0,
    engagements: 0,
    clicks,
    conversions: 0,
    spend_minor: 0,
    ctr: null,
    engagement_rate: null,
    cvr: null,
    cpa_minor: null,
  });

  it('lists every day of the range, with zeros on days without results', () => {
    const days = fillPeriods('2026-03-01', '2026-03-03', 'day', [row('2026-03-02', 5)]);
    expect(days.map((day) => [day.period, day.clicks])).toEqual([
      ['2026-03-01', 0],
      ['2026-03-02', 5],
      ['2026-03-03', 0],
    ]);
  });

  it('lists every ISO week touching the range, each by its Monday', () => {
    // 2026-03-04 is a Wednesday; its week starts on Monday 2 March.
    const weeks = fillPeriods('2026-03-04', '2026-03-16', 'week', [row('2026-03-09', 7)]);
    expect(weeks.map((week) => [week.period, week.clicks])).toEqual([
      ['2026-03-02', 0],
      ['2026-03-09', 7],
      ['2026-03-16', 0],
    ]);
  });
});
