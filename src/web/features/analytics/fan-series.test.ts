import { describe, expect, it } from 'vitest';
import type { Totals } from '#shared/analytics.schema.js';
import { fanSeries } from './fan-series.js';

const zero: Totals = {
  impressions: 0,
  reach: 0,
  engagements: 0,
  clicks: 0,
  conversions: 0,
  spend_minor: 0,
  ctr: null,
  engagement_rate: null,
  cvr: null,
  cpa_minor: null,
};
const bands = { p5: 10, p25: 20, p50: 40, p75: 60, p95: 100 };

describe('fanSeries', () => {
  it('spreads the forecast evenly over the campaign, reaching the totals on its last day', () => {
    const points = fanSeries('2026-03-01', '2026-03-04', bands, [], 'clicks', 0);
    expect(points.map((point) => point.day)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    expect(points[0]).toMatchObject({ p5: 2.5, p50: 10, p95: 25, actual: null });
    expect(points[3]).toMatchObject({ p5: 10, p25: 20, p50: 40, p75: 60, p95: 100 });
  });

  it('sums actuals day by day up to today, skipping days without results', () => {
    const daily = [
      { ...zero, period: '2026-03-01', clicks: 5, spend_minor: 100 },
      { ...zero, period: '2026-03-03', clicks: 7, spend_minor: 50 },
    ];
    const clicks = fanSeries('2026-03-01', '2026-03-04', bands, daily, 'clicks', 3);
    expect(clicks.map((point) => point.actual)).toEqual([5, 5, 12, null]);
    const spend = fanSeries('2026-03-01', '2026-03-04', bands, daily, 'spend', 4);
    expect(spend.map((point) => point.actual)).toEqual([100, 100, 150, 150]);
  });

  it('treats a missing band (no forecast of that metric) as zero', () => {
    const points = fanSeries('2026-03-01', '2026-03-01', { ...bands, p5: null }, [], 'clicks', 1);
    expect(points[0]?.p5).toBe(0);
  });
});
