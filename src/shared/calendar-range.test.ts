import { describe, expect, it } from 'vitest';
import { campaignRequest, dayCount, planDays, requestedDays } from './calendar-range.js';

describe('calendar ranges', () => {
  const fourWeeks = requestedDays('2026-12-04', 4);

  it('covers whole weeks from the start date', () => {
    expect(fourWeeks).toEqual({ first: '2026-12-04', last: '2026-12-31' });
    expect(dayCount(fourWeeks)).toBe(28);
  });

  it('narrows to a campaign where they overlap, and has no days when they do not', () => {
    expect(planDays(fourWeeks, { from: '2026-12-07', to: '2026-12-24' })).toEqual({
      first: '2026-12-07',
      last: '2026-12-24',
      narrowed: true,
    });
    expect(planDays(fourWeeks, { from: '2026-11-01', to: '2027-01-31' })).toEqual({
      ...fourWeeks,
      narrowed: false,
    });
    expect(planDays(fourWeeks)).toEqual({ ...fourWeeks, narrowed: false });
    expect(planDays(fourWeeks, { from: '2027-01-04', to: '2027-01-31' })).toBeNull();
    expect(planDays(fourWeeks, { from: '2026-11-01', to: '2026-12-03' })).toBeNull();
  });

  it('asks for a campaign from its first day (or today, once started) to its last', () => {
    const campaign = { start_date: '2026-12-07', end_date: '2026-12-24' };
    expect(campaignRequest(campaign, '2026-12-03')).toEqual({ start_date: '2026-12-07', weeks: 3 });
    expect(campaignRequest(campaign, '2026-12-20')).toEqual({ start_date: '2026-12-20', weeks: 1 });
    expect(campaignRequest({ start_date: '2026-01-01', end_date: '2026-12-31' }, '2025-12-01')).toEqual({
      start_date: '2026-01-01',
      weeks: 12,
    });
    // Over already: one week from today, which the form then warns about.
    expect(campaignRequest(campaign, '2027-01-10')).toEqual({ start_date: '2027-01-10', weeks: 1 });
  });
});
