import { describe, expect, it } from 'vitest';
import { latestReading, oldestDuePublication, resultsDue } from './results-schedule.js';

const P = new Date('2031-03-03T10:20:00.000Z');
const atAge = (ms: number) => new Date(P.getTime() + ms);
const H = 3_600_000;
const D = 24 * H;

describe('latestReading', () => {
  it('is hourly for seven days, then daily until thirty, then stays on the thirtieth day', () => {
    expect(latestReading(P, atAge(59 * 60_000))).toBeNull();
    expect(latestReading(P, atAge(H))).toEqual(atAge(H));
    expect(latestReading(P, atAge(2 * H + 59 * 60_000))).toEqual(atAge(2 * H));
    expect(latestReading(P, atAge(7 * D))).toEqual(atAge(7 * D));
    expect(latestReading(P, atAge(7 * D + 23 * H))).toEqual(atAge(7 * D));
    expect(latestReading(P, atAge(8 * D))).toEqual(atAge(8 * D));
    expect(latestReading(P, atAge(30 * D))).toEqual(atAge(30 * D));
    expect(latestReading(P, atAge(45 * D))).toEqual(atAge(30 * D));
  });
});

describe('resultsDue', () => {
  it('reads each reading time once, catching up a missed one', () => {
    expect(resultsDue(P, null, atAge(30 * 60_000))).toBe(false);
    expect(resultsDue(P, null, atAge(H))).toBe(true);
    expect(resultsDue(P, atAge(H), atAge(H + 30 * 60_000))).toBe(false);
    expect(resultsDue(P, atAge(H), atAge(2 * H))).toBe(true);
    // A run five hours late reads once for the readings it missed.
    expect(resultsDue(P, atAge(2 * H), atAge(7 * H + 10 * 60_000))).toBe(true);
    expect(resultsDue(P, atAge(7 * H + 10 * 60_000), atAge(7 * H + 50 * 60_000))).toBe(false);
  });

  it('is daily after seven days and stops after thirty', () => {
    expect(resultsDue(P, atAge(7 * D), atAge(7 * D + H))).toBe(false);
    expect(resultsDue(P, atAge(7 * D), atAge(8 * D))).toBe(true);
    expect(resultsDue(P, atAge(29 * D), atAge(30 * D))).toBe(true);
    expect(resultsDue(P, atAge(30 * D), atAge(30 * D + H))).toBe(false);
    expect(resultsDue(P, atAge(30 * D), atAge(40 * D))).toBe(false);
    // The last reading, missed by a stopped server, is taken within a day, never later.
    expect(resultsDue(P, atAge(29 * D), atAge(30 * D + 20 * H))).toBe(true);
    expect(resultsDue(P, atAge(29 * D), atAge(31 * D + H))).toBe(false);
    expect(oldestDuePublication(atAge(31 * D)).getTime()).toBe(P.getTime());
  });
});
