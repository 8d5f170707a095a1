import { nice, range, tickStep, ticks } from 'd3-array';

/**
 * A round upper bound for an axis and about `count` evenly spaced ticks from zero (steps of 1, 2 or 5
 * times a power of ten, d3's rule), so gridlines land on numbers a person can read. With `integers`, no
 * step is smaller than 1 (for counts).
 *
 * @example niceTicks(87, 4) // [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(max: number, count = 4, integers = false): number[] {
  if (!(max > 0)) return [0, 1];
  const [, top] = nice(0, max, count);
  if (!integers || tickStep(0, top, count) >= 1) return ticks(0, top, count);
  return range(0, Math.ceil(max) + 1);
}
/** Every how many bars to print a label so labels `labelWidth` wide do not collide. */

export function labelEvery(bars: number, width: number, labelWidth: number): number {
  if (bars === 0 || width <= 0) return 1;
  return Math.max(1, Math.ceil(bars / Math.max(1, Math.floor(width / labelWidth))));
}
