import { describe, expect, it } from 'vitest';
import { labelEvery, niceTicks } from './chart-scale.js';

describe('niceTicks', () => {
  it('rounds the top up to a readable step', () => {
    expect(niceTicks(87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.0042)).toEqual([0, 0.001, 0.002, 0.003, 0.004, 0.005]);
    expect(niceTicks(1, 4, true)).toEqual([0, 1]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
  });

  it('steps by whole numbers for counts, whatever the maximum', () => {
    for (let max = 0.5; max < 200; max += 0.7) {
      const ticks = niceTicks(max, 4, true);
      expect(ticks.every(Number.isInteger), `max ${max}: ${ticks}`).toBe(true);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
    }
  });

  it('always reaches the maximum', () => {
    for (const max of [1, 7, 13, 99, 101, 0.3, 12_345])
      expect(niceTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });

  it('gives an axis even when there is nothing to show', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('labelEvery', () => {
  it('thins labels as bars get narrow', () => {
    expect(labelEvery(7, 700, 48)).toBe(1);
    expect(labelEvery(30, 700, 48)).toBe(3);
    expect(labelEvery(90, 320, 48)).toBe(15);
  });
});
