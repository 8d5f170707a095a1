import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  isCivilDate,
  localDate,
  localTime,
  monthWeeks,
  startOfDay,
  startOfMonth,
  startOfWeek,
  todayIn,
  weekday,
  zonedInstant,
} from './zoned-time.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A zone's two changes of 2026, with the instants worked out by hand from the published rules. */
interface DstZone {
  zone: string;
  spring: {
    date: string;
    /** The instant the clocks jump forward. */
    change: string;
    gapMinutes: number;
    /** The last minute before the gap, a time inside it, and where that time lands. */
    before: { time: string; instant: string };
    inGap: { time: string; instant: string; readsAs: string };
  };
  autumn: {
    date: string;
    /** The instant the clocks go back. */
    change: string;
    foldMinutes: number;
    /** A time that happens twice: its first occurrence (earlier offset) and its second. */
    inFold: { time: string; first: string; second: string };
  };
}

const DST_ZONES: DstZone[] = [
  {
    zone: 'America/New_York', // EST -05:00, EDT -04:00
    spring: {
      date: '2026-03-08',
      change: '2026-03-08T07:00:00.000Z',
      gapMinutes: 60,
      before: { time: '01:59', instant: '2026-03-08T06:59:00.000Z' },
      inGap: { time: '02:30', instant: '2026-03-08T07:30:00.000Z', readsAs: '03:30' },
    },
    autumn: {
      date: '2026-11-01',
      change: '2026-11-01T06:00:00.000Z',
      foldMinutes: 60,
      inFold: { time: '01:30', first: '2026-11-01T05:30:00.000Z', second: '2026-11-01T06:30:00.000Z' },
    },
  },
  {
    zone: 'Europe/Paris', // CET +01:00, CEST +02:00
    spring: {
      date: '2026-03-29',
      change: '2026-03-29T01:00:00.000Z',
      gapMinutes: 60,
      before: { time: '01:59', instant: '2026-03-29T00:59:00.000Z' },
      inGap: { time: '02:30', instant: '2026-03-29T01:30:00.000Z', readsAs: '03:30' },
    },
    autumn: {
      date: '2026-10-25',
      change: '2026-10-25T01:00:00.000Z',
      foldMinutes: 60,
      inFold: { time: '02:30', first: '2026-10-25T00:30:00.000Z', second: '2026-10-25T01:30:00.000Z' },
    },
  },
  {
    zone: 'Australia/Lord_Howe', // +10:30 in winter, +11:00 in summer: the clocks move half an hour
    spring: {
      date: '2026-10-04',
      change: '2026-10-03T15:30:00.000Z',
      gapMinutes: 30,
      before: { time: '01:59', instant: '2026-10-03T15:29:00.000Z' },
      inGap: { time: '02:15', instant: '2026-10-03T15:45:00.000Z', readsAs: '02:45' },
    },
    autumn: {
      date: '2026-04-05',
      change: '2026-04-04T15:00:00.000Z',
      foldMinutes: 30,
      inFold: { time: '01:45', first: '2026-04-04T14:45:00.000Z', second: '2026-04-04T15:15:00.000Z' },
    },
  },
];

/** `HH:MM` as minutes since midnight. */
function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
}

/** Every quarter of an hour from three hours before `iso` to three hours after. */
function quartersAround(iso: string): number[] {
  const centre = Date.parse(iso);
  return Array.from({ length: 25 }, (_, index) => centre - 3 * HOUR + index * 15 * MINUTE);
}

/** The instant `ms` read on the zone's wall clock and turned back into an instant. */
function roundTrip(ms: number, zone: string): number {
  const iso = new Date(ms).toISOString();
  return Date.parse(zonedInstant(localDate(iso, zone), localTime(iso, zone), zone));
}

/** How long `date` lasts in `zone`, in minutes. */
function dayLengthMinutes(date: string, zone: string): number {
  return (Date.parse(startOfDay(addDays(date, 1), zone)) - Date.parse(startOfDay(date, zone))) / MINUTE;
}

describe.each(DST_ZONES)('zoned time in $zone', ({ zone, spring, autumn }) => {
  it('round-trips ordinary times, local to instant and back', () => {
    for (const [date, time] of [
      ['2026-01-15', '09:00'],
      ['2026-07-15', '18:45'],
      [addDays(spring.date, -1), '02:30'],
      [addDays(autumn.date, 1), '01:45'],
    ] as const) {
      const instant = zonedInstant(date, time, zone);
      expect(localDate(instant, zone)).toBe(date);
      expect(localTime(instant, zone)).toBe(time);
    }
  });

  it('moves a time in the spring gap later by the length of the gap', () => {
    expect(zonedInstant(spring.date, spring.before.time, zone)).toBe(spring.before.instant);
    expect(zonedInstant(spring.date, spring.inGap.time, zone)).toBe(spring.inGap.instant);
    expect(localDate(spring.inGap.instant, zone)).toBe(spring.date);
    expect(localTime(spring.inGap.instant, zone)).toBe(spring.inGap.readsAs);
    expect(minutesOf(spring.inGap.readsAs) - minutesOf(spring.inGap.time)).toBe(spring.gapMinutes);
  });

  it('round-trips every instant around the spring change', () => {
    for (const ms of quartersAround(spring.change)) expect(roundTrip(ms, zone)).toBe(ms);
  });

  it('reads a time repeated in the autumn at its first occurrence, the earlier offset', () => {
    const { time, first, second } = autumn.inFold;
    expect(zonedInstant(autumn.date, time, zone)).toBe(first);
    expect(Date.parse(second) - Date.parse(first)).toBe(autumn.foldMinutes * MINUTE);
    for (const instant of [first, second]) {
      expect(localDate(instant, zone)).toBe(autumn.date);
      expect(localTime(instant, zone)).toBe(time);
    }
  });

  it('round-trips every instant around the autumn change but the second pass through the fold', () => {
    const change = Date.parse(autumn.change);
    for (const ms of quartersAround(autumn.change)) {
      const secondPass = ms >= change && ms < change + autumn.foldMinutes * MINUTE;
      expect(roundTrip(ms, zone)).toBe(secondPass ? ms - autumn.foldMinutes * MINUTE : ms);
    }
  });

  it('puts day boundaries at local midnight, so the change days are shorter and longer', () => {
    expect(dayLengthMinutes(addDays(spring.date, -1), zone)).toBe(24 * 60);
    expect(dayLengthMinutes(spring.date, zone)).toBe(24 * 60 - spring.gapMinutes);
    expect(dayLengthMinutes(autumn.date, zone)).toBe(24 * 60 + autumn.foldMinutes);
    expect(localTime(startOfDay(spring.date, zone), zone)).toBe('00:00');
    expect(startOfDay(spring.date, zone)).toBe(zonedInstant(spring.date, '00:00', zone));
  });

  it('keeps the wall-clock time when an item moves across either change', () => {
    for (const change of [spring.date, autumn.date]) {
      const before = zonedInstant(addDays(change, -1), '09:00', zone);
      const moved = zonedInstant(addDays(localDate(before, zone), 2), localTime(before, zone), zone);
      expect(localDate(moved, zone)).toBe(addDays(change, 1));
      expect(localTime(moved, zone)).toBe('09:00');
    }
  });
});

describe('zoned time in Asia/Kathmandu (+05:45, no daylight saving)', () => {
  const zone = 'Asia/Kathmandu';

  it('converts ordinary times both ways at a quarter-hour offset', () => {
    expect(zonedInstant('2026-01-15', '09:00', zone)).toBe('2026-01-15T03:15:00.000Z');
    expect(zonedInstant('2026-03-01', '05:30', zone)).toBe('2026-02-28T23:45:00.000Z');
    expect(localDate('2026-05-31T18:14:00Z', zone)).toBe('2026-05-31');
    expect(localDate('2026-05-31T18:15:00Z', zone)).toBe('2026-06-01');
    expect(localTime('2026-05-31T18:15:00Z', zone)).toBe('00:00');
    expect(startOfDay('2026-06-01', zone)).toBe('2026-05-31T18:15:00.000Z');
  });

  it('keeps +05:45 all year: every day of 2026 lasts 24 hours and noon is 06:15 UTC', () => {
    for (let date = '2026-01-01'; date < '2027-01-01'; date = addDays(date, 1)) {
      expect(dayLengthMinutes(date, zone)).toBe(24 * 60);
    }
    for (let first = '2026-01-01'; first < '2027-01-01'; first = addMonths(first, 1)) {
      expect(zonedInstant(first, '12:00', zone)).toBe(`${first}T06:15:00.000Z`);
    }
  });
});

describe('calendar arithmetic on dates', () => {
  it('tells dates that exist from ones that only look like dates', () => {
    expect(isCivilDate('2028-02-29')).toBe(true);
    for (const value of ['2026-02-29', '2026-13-01', '2026-3-8', '2026-03-08T00:00', '']) {
      expect(isCivilDate(value)).toBe(false);
    }
  });

  it('reads today in the zone, not in UTC', () => {
    expect(todayIn('Asia/Tokyo', new Date('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
    expect(todayIn('America/New_York', new Date('2026-03-01T03:30:00Z'))).toBe('2026-02-28');
  });

  it('moves dates by days, months and weeks across month, year and daylight-saving boundaries', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-01');
    expect(startOfMonth('2026-10-25')).toBe('2026-10-01');
  });

  it('starts weeks on Monday', () => {
    expect(weekday('2026-03-08')).toBe(7);
    expect(weekday('2026-03-09')).toBe(1);
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02');
    expect(startOfWeek('2026-03-09')).toBe('2026-03-09');
    expect(startOfWeek('2026-01-01')).toBe('2025-12-29');
  });

  it('lays a month out in whole Monday-to-Sunday weeks', () => {
    const weeks = monthWeeks('2026-03-15');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(weeks.flat()).toContain('2026-03-29');
    expect(monthWeeks('2027-02-01')).toHaveLength(4);
  });
});
