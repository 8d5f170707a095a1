import { describe, expect, it } from 'vitest';
import type { PlannedItem } from '#shared/ai-tasks.schema.js';
import { allowedDates, checkPlan } from './plan-sanity.js';

const window = () => ({ start: 8 * 60, end: 20 * 60 });
const item = (overrides: Partial<PlannedItem> = {}): PlannedItem => ({
  date: '2026-12-10',
  time: '09:00',
  channel: 'instagram',
  format: 'post',
  pillar: 'Product',
  title: 'Rye is back',
  brief: 'Show the new loaf',
  ...overrides,
});
const bounds = { first: '2026-12-07', last: '2026-12-20' };

describe('checkPlan', () => {
  it('clamps dates into the plan and says so', () => {
    const result = checkPlan(
      [item({ date: '2026-12-01' }), item({ date: '2027-01-05', title: 'Late' })],
      bounds,
      window,
    );
    expect(result.items.map((planned) => planned.date)).toEqual(['2026-12-07', '2026-12-20']);
    expect(result.adjustments.map((note) => note.message)).toEqual([
      '"Rye is back" (instagram): moved from 2026-12-01 to 2026-12-07, the first day of the plan',
      '"Late" (instagram): moved from 2027-01-05 to 2026-12-20, the last day of the plan',
    ]);
  });

  it('keeps to the campaign where it narrows the plan, and ignores a campaign outside it', () => {
    const campaign = { ...bounds, within: { from: '2026-12-09', to: '2026-12-12' } };
    const result = checkPlan([item({ date: '2026-12-15' })], campaign, window);
    expect(result.items[0]?.date).toBe('2026-12-12');
    expect(result.adjustments[0]?.message).toMatch(/last day of the campaign/);
    expect(allowedDates({ ...bounds, within: { from: '2027-02-01' } })).toEqual({
      ...bounds,
      narrowed: false,
    });
  });

  it('moves times into the posting window and says so', () => {
    const result = checkPlan(
      [item({ time: '03:15' }), item({ time: '23:50', title: 'Night' })],
      bounds,
      window,
    );
    expect(result.items.map((planned) => planned.time)).toEqual(['08:00', '20:00']);
    expect(result.adjustments[0]).toEqual({
      field: 'items',
      code: 'time_moved',
      message:
        '"Rye is back" (instagram) on 2026-12-10: moved from 03:15 to 08:00, inside the posting window 08:00–20:00',
    });
  });

  it('flags repeated titles and briefs, and nothing in a clean plan', () => {
    const result = checkPlan(
      [item(), item({ title: ' rye IS back ', brief: 'Other' }), item({ title: 'Third', brief: 'Other' })],
      bounds,
      window,
    );
    expect(result.flags).toEqual([
      'items: every item needs its own title; these repeat: "Rye is back" (2 times).',
      'items: every item needs its own brief; these repeat: "Other" (2 times).',
    ]);
    expect(result.warnings.map((note) => note.code)).toEqual(['repeated_title', 'repeated_brief']);
    const clean = checkPlan([item(), item({ title: 'Other', brief: 'Else' })], bounds, window);
    expect(clean).toMatchObject({ adjustments: [], flags: [], warnings: [] });
  });
});
