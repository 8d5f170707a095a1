import { describe, expect, it } from 'vitest';
import { campaignStanding, formatKpiValue, waitedFor } from './attention-format.js';

describe('waitedFor', () => {
  it('says the largest whole unit, in the workspace’s language', () => {
    expect(waitedFor('2026-12-05T09:00:00Z', '2026-12-07T10:00:00Z', 'en')).toBe('2 days');
    expect(waitedFor('2026-12-07T09:00:00Z', '2026-12-07T10:30:00Z', 'en')).toBe('1 hour');
    expect(waitedFor('2026-12-07T10:29:00Z', '2026-12-07T10:30:00Z', 'en')).toBe('1 minute');
    expect(waitedFor('2026-12-05T09:00:00Z', '2026-12-07T10:00:00Z', 'pt-PT')).toBe('2 dias');
  });

  it('never says a negative wait when the clocks disagree', () => {
    expect(waitedFor('2026-12-07T10:31:00Z', '2026-12-07T10:30:00Z', 'en')).toBe('0 minutes');
  });
});

describe('campaignStanding', () => {
  it('is the most worrying KPI status, and nothing without KPIs', () => {
    const kpis = (...statuses: ('met' | 'on_track' | 'at_risk' | 'behind' | 'not_started')[]) => ({
      kpis: statuses.map((status) => ({
        metric: 'clicks',
        forecast_metric: 'clicks' as const,
        target: 1,
        actual: null,
        probability: null,
        status,
      })),
    });
    expect(campaignStanding(kpis('met', 'at_risk', 'on_track'))).toBe('at_risk');
    expect(campaignStanding(kpis('on_track', 'behind'))).toBe('behind');
    expect(campaignStanding(kpis('not_started'))).toBe('not_started');
    expect(campaignStanding(kpis())).toBeNull();
  });
});

describe('formatKpiValue', () => {
  it('reads costs as money in the campaign’s currency and minor units, counts as numbers', () => {
    expect(formatKpiValue('cpa', 1250, 'JPY', 'en')).toBe('¥1,250');
    expect(formatKpiValue('spend', 1250, 'EUR', 'en-GB')).toBe('€12.50');
    expect(formatKpiValue('conversions', 1250, 'EUR', 'en-GB')).toBe('1,250');
    expect(formatKpiValue(null, 3, 'EUR', 'en')).toBe('3');
  });
});
