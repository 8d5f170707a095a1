import { describe, expect, it } from 'vitest';
import { recordKeyFor, TID_PATTERN, tidTime } from './bluesky-record-key.js';

describe('recordKeyFor', () => {
  const due = '2031-03-03T10:00:00.000Z';

  it('is a TID carrying the due second, the same for every attempt of one part', () => {
    const key = recordKeyFor('item@2031-03-03T10:00:00.000Z#0', due);
    expect(key).toMatch(TID_PATTERN);
    expect(recordKeyFor('item@2031-03-03T10:00:00.000Z#0', due)).toBe(key);
    const carried = tidTime(key).getTime() - Date.parse(due);
    expect(carried).toBeGreaterThanOrEqual(0);
    expect(carried).toBeLessThan(1000);
  });

  it('differs between parts, publications and candidates due the same second', () => {
    const keys = new Set([
      recordKeyFor('item@t#0', due),
      recordKeyFor('item@t#1', due),
      recordKeyFor('other@t#0', due),
      recordKeyFor('item@t#0', due, 1),
      recordKeyFor('item@t#0', due, 2),
    ]);
    expect(keys.size).toBe(5);
    for (let i = 0; i < 200; i += 1) keys.add(recordKeyFor(`item-${i}@t#0`, due));
    expect(keys.size).toBe(205);
  });

  it('refuses a due time that is not one', () => {
    expect(() => recordKeyFor('item#0', 'soon')).toThrow('Not a time: soon');
  });
});
