import { describe, expect, it } from 'vitest';
import { latestReading, oldestDuePublication, resultsDue } from './results-schedule.js';

const P = new Date('2031-03-03T10:20:00.000Z');
const after = (ms: number) => new Date(P.getTime() + ms);
const H = 3_600_000;
const D = 24 * H;

describe('latestReading', () => {
  it('is hourly for seven days, then daily until thirty, then stays on the thirtieth day', () => {
    expect(latestReading(P, after(59 * 60_000))).toBeNull();
    expect(latestReading(P, after(H))).toEqual(after(H));
    expect(latestReading(P, after(2 * H + 59 * 60_000))).toEqual(after(2 * H));
    expect(latestReading(P, after(7 * D))).toEqual(after(7 * D));
    expect(latestReading(P, after(7 * D + 23 * H))).toEqual(after(7 * D));
    expect(latestReading(P, after(8 * D))).toEqual(after(8 * D));
    expect(latestReading(P, after(30 * D))).toEqual(after(30 * D));
    expect(latestReading(P, after(45 * D))).toEqual(after(30 * D));
  });
});

describe('resultsDue', () => {
  it('reads each reading time once, catching up a missed one', () => {
    expect(resultsDue(P, null, after(30 * 60_000))).toBe(false);
    expect(resultsDue(P, null, after(H))).toBe(true);
    expect(resultsDue(P, after(H), after(H + 30 * 60_000))).toBe(false);
    expect(resultsDue(P, after(H), after(2 * H))).toBe(true);
    // A run five hours late reads once for the readings it missed.
    expect(resultsDue(P, after(2 * H), after(7 * H + 10 * 60_000))).toBe(true);
    expect(resultsDue(P, after(7 * H + 10 * 60_000), after(7 * H + 50 * 60_000))).toBe(false);
  });

  it('is daily after seven days and stops after thirty', () => {
    expect(resultsDue(P, after(7 * D), after(7 * D + H))).toBe(false);
    expect(resultsDue(P, after(7 * D), after(8 * D))).toBe(true);
    expect(resultsDue(P, after(29 * D), after(30 * D))).toBe(true);
    expect(resultsDue(P, after(30 * D), after(30 * D + H))).toBe(false);
    expect(resultsDue(P, after(30 * D), after(40 * D))).toBe(false);
    // The last reading, missed by a stopped server, is taken within a day, never later.
    expect(resultsDue(P, after(29 * D), after(30 * D + 20 * H))).toBe(true);
    expect(resultsDue(P, after(29 * D), after(31 * D + H))).toBe(false);
    expect(oldestDuePublication(after(31 * D)).getTime()).toBe(P.getTime());
  });
});
