import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  localDate,
  localTime,
  monthWeeks,
  startOfWeek,
  todayIn,
  zonedInstant,
} from './zoned-time.js';

describe('zoned time', () => {
  it('reads instants as local dates and times', () => {
    expect(localDate('2026-03-01T23:30:00Z', 'Europe/Paris')).toBe('2026-03-02');
    expect(localTime('2026-03-01T23:30:00Z', 'Europe/Paris')).toBe('00:30');
    expect(localDate('2026-03-01T03:30:00Z', 'America/New_York')).toBe('2026-02-28');
    expect(todayIn('Asia/Tokyo', new Date('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
  });

  it('turns local wall-clock times into instants, on either side of a daylight-saving change', () => {
    expect(zonedInstant('2026-03-27', '09:00', 'Europe/Paris')).toBe('2026-03-27T08:00:00.000Z');
    expect(zonedInstant('2026-03-30', '09:00', 'Europe/Paris')).toBe('2026-03-30T07:00:00.000Z');
    expect(zonedInstant('2026-11-02', '09:00', 'America/New_York')).toBe('2026-11-02T14:00:00.000Z');
    expect(zonedInstant('2026-01-10', '23:45', 'UTC')).toBe('2026-01-10T23:45:00.000Z');
  });

  it('keeps the local time when an item moves across the change', () => {
    const before = '2026-03-28T08:00:00.000Z'; // 09:00 in Paris, winter time
    const moved = zonedInstant(
      addDays(localDate(before, 'Europe/Paris'), 2),
      localTime(before, 'Europe/Paris'),
      'Europe/Paris',
    );
    expect(moved).toBe('2026-03-30T07:00:00.000Z');
    expect(localTime(moved, 'Europe/Paris')).toBe('09:00');
  });

  it('reads a time skipped by spring-forward with the earlier offset', () => {
    expect(localTime(zonedInstant('2026-03-29', '02:30', 'Europe/Paris'), 'Europe/Paris')).toBe('03:30');
  });

  it('does calendar arithmetic on dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(startOfWeek('2026-03-01')).toBe('2026-02-23');
    expect(startOfWeek('2026-03-02')).toBe('2026-03-02');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', -1)).toBe('2025-12-01');
  });

  it('lays a month out in whole Monday-to-Sunday weeks', () => {
    const weeks = monthWeeks('2026-03-15');
    expect(weeks).toHaveLength(6);
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(monthWeeks('2027-02-01')).toHaveLength(4);
  });
});
