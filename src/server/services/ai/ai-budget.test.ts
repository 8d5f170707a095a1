import { describe, expect, it } from 'vitest';
import { budgetMonthOf, monthStartOf } from './ai-budget.js';

describe('the budget month', () => {
  it('starts at midnight in the workspace’s zone', () => {
    expect(monthStartOf(new Date('2026-12-01T02:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(monthStartOf(new Date('2026-12-01T02:00:00Z'), 'Asia/Tokyo').toISOString()).toBe(
      '2026-11-30T15:00:00.000Z',
    );
  });

  it('is named by the workspace’s calendar month, east and west of UTC', () => {
    // 2 a.m. UTC on 1 December: already December in Tokyo, still November in New York.
    const now = new Date('2026-12-01T02:00:00Z');
    expect(budgetMonthOf(now, 'Asia/Tokyo')).toBe('2026-12');
    expect(budgetMonthOf(now, 'America/New_York')).toBe('2026-11');
    expect(budgetMonthOf(now, 'UTC')).toBe('2026-12');
  });
});
