import { describe, expect, it } from 'vitest';
import {
  type PlanCalendarOutput,
  planCalendarInputSchema,
  planCalendarOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { channelRule } from '#shared/channels.js';
import { weekdayOf } from '../offline/calendar-slots.js';
import { allocateByShare, interleave } from '../offline/pillars.js';
import { sampleContext } from '../offline/sample-business.js';
import { planCalendarTask } from './plan-calendar.task.js';

const context = sampleContext();
const base = planCalendarInputSchema.parse({
  start_date: '2026-12-03', // a Thursday: weeks need not start on Monday
  weeks: 3,
  channels: ['instagram', 'x', 'email', 'tiktok', 'linkedin'],
  cadence: { x: 4 },
});

function counts<T>(values: readonly T[]): Map<T, number> {
  const map = new Map<T, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

describe('planCalendar offline', () => {
  const plan = planCalendarTask.offline(base, context);

  it('validates, is deterministic and needs no fixing', () => {
    expect(planCalendarOutputSchema.safeParse(plan).success).toBe(true);
    expect(planCalendarTask.offline(base, context)).toEqual(plan);
    const finalized = planCalendarTask.finalize(plan, base, context);
    expect(finalized.problems).toEqual([]);
    expect(finalized.output).toMatchObject({ items: plan.items, strategy: plan.strategy, adjustments: [] });
  });

  it('plans cadence × weeks items per channel, the given cadence or the recommended one', () => {
    const perChannel = counts(plan.items.map((item) => item.channel));
    expect(perChannel.get('x')).toBe(4 * 3);
    expect(perChannel.get('instagram')).toBe(channelRule('instagram').cadencePerWeek * 3);
    expect(plan.strategy.cadence).toContainEqual({ channel: 'x', per_week: 4 });
  });

  it('proposes 3–5 pillars with shares summing to 1, each within one item of its share', () => {
    const { pillars } = plan.strategy;
    expect(pillars.length).toBeGreaterThanOrEqual(3);
    expect(pillars.length).toBeLessThanOrEqual(5);
    expect(pillars.reduce((sum, pillar) => sum + pillar.share, 0)).toBeCloseTo(1, 10);
    const perPillar = counts(plan.items.map((item) => item.pillar));
    for (const pillar of pillars) {
      expect(Math.abs((perPillar.get(pillar.name) ?? 0) - pillar.share * plan.items.length)).toBeLessThan(1);
    }
  });

  it('keeps items inside the range, at good times, without collisions, in suitable formats', () => {
    const slots = plan.items.map((item) => `${item.channel} ${item.date} ${item.time}`);
    expect(new Set(slots).size).toBe(slots.length);
    for (const item of plan.items) {
      expect(item.date >= '2026-12-03' && item.date <= '2026-12-23').toBe(true);
      const rule = channelRule(item.channel);
      expect(rule.postingTimes).toContain(item.time);
      expect(rule.postingDays).toContain(weekdayOf(item.date));
    }
    const formats = (channel: string) =>
      new Set(plan.items.filter((i) => i.channel === channel).map((i) => i.format));
    expect(formats('email')).toEqual(new Set(['email']));
    expect(formats('tiktok')).toEqual(new Set(['reel_script']));
    expect([...formats('x')].every((format) => format === 'post' || format === 'thread')).toBe(true);
  });

  it('names products and audiences and explains its assumptions', () => {
    expect(plan.items.some((item) => /Rye sourdough|Office breakfast box/.test(item.title))).toBe(true);
    expect(plan.items.some((item) => /busy parents|office managers/.test(item.brief))).toBe(true);
    expect(plan.strategy.reasoning).toMatch(/Hootsuite/);
    expect(plan.strategy.reasoning).toMatch(/Sprout Social/);
    expect(plan.strategy.reasoning).toContain('Europe/London');
  });

  it('uses the pillars it is given, with equal shares', () => {
    const given = planCalendarTask.offline({ ...base, pillars: ['Recipes', 'Team', 'Offers'] }, context);
    expect(given.strategy.pillars.map((pillar) => pillar.name)).toEqual(['Recipes', 'Team', 'Offers']);
    const perPillar = counts(given.items.map((item) => item.pillar));
    const exact = given.items.length / 3;
    for (const count of perPillar.values()) expect(Math.abs(count - exact)).toBeLessThan(1);
  });

  it.each(CHANNEL_IDS)('handles %s at the highest cadence without collisions', (channel) => {
    const busy = planCalendarTask.offline(
      { ...base, channels: [channel], cadence: { [channel]: 21 }, weeks: 1 },
      context,
    );
    expect(busy.items).toHaveLength(21);
    expect(new Set(busy.items.map((item) => `${item.date} ${item.time}`)).size).toBe(21);
  });
});

describe('pillar allocation', () => {
  it('plans a campaign on the campaign’s days only, keeping the weekly cadence there, and tells the model so', () => {
    const forCampaign = { ...base, within: { from: '2026-12-07', to: '2026-12-16' } };
    const narrowed = planCalendarTask.offline(forCampaign, context);
    const dates = narrowed.items.map((item) => item.date);
    expect(dates.every((date) => date >= '2026-12-07' && date <= '2026-12-16')).toBe(true);
    // Ten days of a 4-a-week channel: 4 in the first week from the 7th, up to 3 of the next 3 days.
    const xCount = narrowed.items.filter((item) => item.channel === 'x').length;
    expect(xCount).toBeGreaterThanOrEqual(4);
    expect(xCount).toBeLessThanOrEqual(7);
    const finalized = planCalendarTask.finalize(narrowed, forCampaign, context);
    expect(finalized.output.adjustments).toEqual([
      {
        field: 'items',
        code: 'range_narrowed',
        message:
          "Planned 2026-12-07 to 2026-12-16 only, the campaign's dates (asked for 2026-12-03 to 2026-12-23)",
      },
    ]);
    const prompt = planCalendarTask.prompt(forCampaign, context).at(-1)?.content;
    expect(prompt).toContain('use only dates from 2026-12-07 to 2026-12-16');
    expect(planCalendarTask.prompt(base, context).at(-1)?.content).not.toContain('use only dates');
  });

  it('allocates by largest remainder and interleaves', () => {
    expect(allocateByShare(10, [0.35, 0.25, 0.2, 0.2])).toEqual([4, 2, 2, 2]);
    expect(allocateByShare(7, [1 / 3, 1 / 3, 1 / 3]).reduce((a, b) => a + b)).toBe(7);
    expect(interleave([2, 1])).toEqual([0, 1, 0]);
  });
});

describe('planCalendar finalize', () => {
  const plan = planCalendarTask.offline(base, context);
  const first = plan.items[0];
  if (!first) throw new Error('the plan has items');

  it('shifts a colliding item by 30 minutes and normalises shares', () => {
    const collided: PlanCalendarOutput = {
      strategy: { ...plan.strategy, pillars: plan.strategy.pillars.map((p) => ({ ...p, share: 0.5 })) },
      items: [first, { ...first, title: 'Clash' }],
    };
    const { output, problems } = planCalendarTask.finalize(collided, base, context);
    expect(problems).toEqual([]);
    expect(output.items.map((item) => item.time)).toEqual([first.time, shiftedBy30(first.time)]);
    expect(output.strategy.pillars.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 10);
  });

  it('clamps dates outside the range, drops and reports items on channels not asked for', () => {
    const stray: PlanCalendarOutput = {
      ...plan,
      items: [first, { ...first, date: '2027-02-01', title: 'Late' }, { ...first, channel: 'sms' }],
    };
    const { output, problems } = planCalendarTask.finalize(stray, base, context);
    expect(output.items.map((item) => item.date)).toEqual([first.date, '2026-12-23']);
    expect(problems).toEqual([
      'Plan only for instagram, x, email, tiktok, linkedin; 1 item(s) use other channels.',
    ]);
    expect(output.adjustments?.map((note) => note.code)).toEqual(['date_clamped']);
  });

  it('keeps to the campaign’s dates and the posting window, moving what falls outside', () => {
    const late: PlanCalendarOutput = { ...plan, items: [{ ...first, date: '2026-12-20', time: '03:15' }] };
    const within = { ...base, within: { from: '2026-12-05', to: '2026-12-10' } };
    const { output } = planCalendarTask.finalize(late, within, context);
    expect(output.items[0]).toMatchObject({ date: '2026-12-10', time: '08:00' });
    expect(output.adjustments?.map((note) => note.code)).toEqual([
      'range_narrowed',
      'date_clamped',
      'time_moved',
    ]);
  });

  it('asks once for new titles when a plan repeats them, and keeps the flag as a warning', () => {
    const repeated: PlanCalendarOutput = {
      ...plan,
      items: [first, { ...first, date: addOneDay(first.date) }],
    };
    const finalized = planCalendarTask.finalize(repeated, base, context);
    expect(finalized.problems).toEqual([]);
    expect(finalized.flags?.join(' ')).toMatch(/every item needs its own title/);
    expect(finalized.output.warnings?.map((note) => note.code)).toContain('repeated_title');
  });
});

function addOneDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function shiftedBy30(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + 30;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}
