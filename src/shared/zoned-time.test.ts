import { describe, expect, it } from 'vitest';
import { offsetMs, zonedTimeToUtc } from './zoned-time.js';

describe('zonedTimeToUtc', () => {
  it('converts ordinary times in several zones', () => {
    expect(zonedTimeToUtc('2026-07-01', '09:30', 'Europe/London')).toBe('2026-07-01T08:30:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '09:30', 'Europe/London')).toBe('2026-01-15T09:30:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '18:00', 'America/New_York')).toBe('2026-01-15T23:00:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '08:00', 'Asia/Kolkata')).toBe('2026-01-15T02:30:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '00:15', 'Pacific/Auckland')).toBe('2026-01-14T11:15:00.000Z');
    expect(zonedTimeToUtc('2026-01-15', '12:00', 'UTC')).toBe('2026-01-15T12:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward by the gap', () => {
    // London skips 01:00–02:00 on 2026-03-29.
    expect(zonedTimeToUtc('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '02:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
    // New York skips 02:00–03:00 on 2026-03-08.
    expect(zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
  });

  it('takes the first of a time that happens twice in the autumn', () => {
    // London repeats 01:00–02:00 on 2026-10-25: first at BST (UTC+1).
    expect(zonedTimeToUtc('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '03:00', 'Europe/London')).toBe('2026-10-25T03:00:00.000Z');
  });

  it('reports offsets', () => {
    expect(offsetMs(Date.UTC(2026, 6, 1), 'Europe/Paris')).toBe(2 * 3_600_000);
    expect(offsetMs(Date.UTC(2026, 0, 1), 'America/Los_Angeles')).toBe(-8 * 3_600_000);
  });
});
