import { describe, expect, it } from 'vitest';
import { fillPeriods, overviewRange } from './overview-range.js';

const NOW = new Date('2026-03-31T22:00:00Z');

describe('overviewRange', () => {
  it('reads the range from the URL, putting a reversed one the right way round', () => {
    expect(overviewRange(new URLSearchParams('from=2026-03-01&to=2026-03-10'), NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(overviewRange(new URLSearchParams('from=2026-03-10&to=2026-03-01'), NOW)).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
  });

  it('falls back to the last 30 UTC days, today included', () => {
    expect(overviewRange(new URLSearchParams('from=yesterday'), NOW)).toEqual({
      from: '2026-03-02',
      to: '2026-03-31',
    });
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
