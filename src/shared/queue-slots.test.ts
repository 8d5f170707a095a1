import { describe, expect, it } from 'vitest';
import { CHANNEL_RULES } from './channel-rules.js';
import { defaultSlots, nextFreeSlot } from './queue-slots.js';

const mondayNine = [{ weekday: 1, time: '09:00' }];

describe('nextFreeSlot', () => {
  it('keeps 09:00 on the wall clock across the spring change, and is strictly after the clock', () => {
    // Monday 23 March 2026, 09:00 in Paris (CET) is exactly now: the next one is a week later, in CEST.
    const next = nextFreeSlot({
      slots: mondayNine,
      timeZone: 'Europe/Paris',
      after: new Date('2026-03-23T08:00:00.000Z'),
      taken: new Set(),
      horizonDays: 90,
    });
    expect(next).toBe('2026-03-30T07:00:00.000Z');
  });

  it('skips a slot another item holds', () => {
    const next = nextFreeSlot({
      slots: mondayNine,
      timeZone: 'Europe/Paris',
      after: new Date('2026-03-23T08:00:00.000Z'),
      taken: new Set(['2026-03-30T07:00:00.000Z']),
      horizonDays: 90,
    });
    expect(next).toBe('2026-04-06T07:00:00.000Z');
  });

  it('moves a slot in the skipped hour later by the gap, and gives two slots landing together one instant', () => {
    // New York springs forward at 02:00 on Sunday 8 March 2026: 02:30 does not exist and reads as 03:30 EDT.
    const slots = [
      { weekday: 7, time: '02:30' },
      { weekday: 7, time: '03:30' },
      { weekday: 7, time: '04:00' },
    ];
    const after = new Date('2026-03-07T12:00:00.000Z');
    const first = nextFreeSlot({
      slots,
      timeZone: 'America/New_York',
      after,
      taken: new Set(),
      horizonDays: 90,
    });
    expect(first).toBe('2026-03-08T07:30:00.000Z');
    const second = nextFreeSlot({
      slots,
      timeZone: 'America/New_York',
      after,
      taken: new Set([first as string]),
      horizonDays: 90,
    });
    expect(second).toBe('2026-03-08T08:00:00.000Z');
  });

  it('takes the first of a repeated hour when the clocks go back', () => {
    // 01:30 happens twice in New York on Sunday 1 November 2026; the first is EDT (UTC−4).
    const next = nextFreeSlot({
      slots: [{ weekday: 7, time: '01:30' }],
      timeZone: 'America/New_York',
      after: new Date('2026-10-31T12:00:00.000Z'),
      taken: new Set(),
      horizonDays: 90,
    });
    expect(next).toBe('2026-11-01T05:30:00.000Z');
  });

  it('answers null when nothing is free within the horizon, or there are no slots', () => {
    const after = new Date('2026-03-23T08:00:00.000Z');
    const taken = new Set(['2026-03-30T07:00:00.000Z', '2026-04-06T07:00:00.000Z']);
    expect(
      nextFreeSlot({ slots: mondayNine, timeZone: 'Europe/Paris', after, taken, horizonDays: 14 }),
    ).toBeNull();
    expect(nextFreeSlot({ slots: [], timeZone: 'Europe/Paris', after, taken, horizonDays: 90 })).toBeNull();
  });
});

describe('defaultSlots', () => {
  it("offers the network's recommended days at its recommended times", () => {
    const slots = defaultSlots('linkedin');
    const rule = CHANNEL_RULES.linkedin;
    expect(slots).toHaveLength(rule.postingDays.length * rule.postingTimes.length);
    expect(slots[0]).toEqual({ weekday: rule.postingDays[0], time: rule.postingTimes[0] });
  });
});
