import { describe, expect, it } from 'vitest';
import { fillDays, rangeOfLastDays } from './usage-range.js';

describe('rangeOfLastDays', () => {
  it('ends today in UTC and counts today in', () => {
    expect(rangeOfLastDays(7, new Date('2026-03-10T23:30:00Z'))).toEqual({
      from: '2026-03-04',
      to: '2026-03-10',
    });
    expect(rangeOfLastDays(30, new Date('2026-03-01T00:00:00Z'))).toEqual({
      from: '2026-01-31',
      to: '2026-03-01',
    });
  });
});

describe('fillDays', () => {
  it('lists every day of the range, with zeros where nothing happened', () => {
    const used = {
      day: '2026-03-02',
      calls: 3,
      prompt_tokens: 10,
      completion_tokens: 20,
      cost_micro_usd: 42,
      errors: 1,
    };
    const days = fillDays('2026-03-01', '2026-03-03', [used]);
    expect(days.map((day) => day.day)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(days[1]).toBe(used);
    expect(days[0]).toMatchObject({ calls: 0, cost_micro_usd: 0 });
  });

  it('crosses month ends and daylight-saving changes', () => {
    expect(fillDays('2026-03-28', '2026-04-01', [])).toHaveLength(5);
  });
});
