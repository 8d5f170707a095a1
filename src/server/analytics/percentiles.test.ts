import { describe, expect, it } from 'vitest';
import { histogram, percentilesInPlace, select } from './percentiles.js';
import { Rng } from './rng.js';

/** numpy's default percentile on a sorted copy: the reference the selection must equal. */
function sortedPercentile(values: Float64Array, p: number): number {
  const sorted = values.slice().sort();
  const h = ((sorted.length - 1) * p) / 100;
  const k = Math.floor(h);
  const low = sorted[k] as number;
  const high = sorted[Math.min(k + 1, sorted.length - 1)] as number;
  // An exact position is the order statistic itself (interpolating would turn ±Infinity into NaN).
  return h === k ? low : low + (h - k) * (high - low);
}

function randomArray(n: number, seed: number, distinct = true): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: n }, () => (distinct ? rng.uniform() * 1000 : rng.uint32() % 7));
}

describe('select', () => {
  it.each([1, 2, 10, 601, 5_000, 100_001])('puts the k-th smallest at k (n = %s)', (n) => {
    const values = randomArray(n, n);
    const sorted = values.slice().sort();
    for (const k of [0, Math.floor(n / 3), n - 1]) {
      const copy = values.slice();
      select(copy, k);
      expect(copy[k]).toBe(sorted[k]);
      for (let i = 0; i < k; i++)
        if ((copy[i] as number) > (copy[k] as number)) throw new Error(`left of k at ${i}`);
      for (let i = k + 1; i < n; i++)
        if ((copy[i] as number) < (copy[k] as number)) throw new Error(`right of k at ${i}`);
    }
  });
});

describe('percentilesInPlace', () => {
  it.each([
    [1, true],
    [2, true],
    [7, true],
    [1_000, true],
    [250_000, true],
    [10_000, false],
  ])('equals the sorted percentile (n = %s, distinct = %s)', (n, distinct) => {
    const values = randomArray(n, 9, distinct);
    const ps = [95, 5, 50, 25, 75, 0, 100, 0.5, 99.5];
    const got = percentilesInPlace(values.slice(), ps);
    for (const [index, p] of ps.entries()) expect(got[index]).toBeCloseTo(sortedPercentile(values, p), 9);
  });

  // Large arrays are bucketed by their doubles' high words: signs, zeros of both signs, infinities,
  // values many octaves apart, heavy ties and a single repeated value must all keep their order.
  it.each([
    ['mixed signs', (rng: Rng) => (rng.uniform() - 0.5) * 10 ** Math.floor(rng.uniform() * 12)],
    [
      'signed zeros and infinities',
      (rng: Rng) => [0, -0, 1, -1, Infinity, -Infinity][rng.uint32() % 6] as number,
    ],
    ['zero and counts many octaves apart', (rng: Rng) => (rng.uniform() < 0.3 ? 0 : rng.uint32() % 30)],
    ['one value', () => 42],
    ['tiny and huge', (rng: Rng) => (rng.uniform() < 0.5 ? 1e-300 * rng.uniform() : 1e300 * rng.uniform())],
  ])('equals the sorted percentile for %s', (_name, draw) => {
    const rng = new Rng(3);
    const values = Float64Array.from({ length: 20_000 }, () => draw(rng));
    const ps = [5, 25, 50, 75, 95, 0, 100, 0.5, 99.5];
    const got = percentilesInPlace(values.slice(), ps);
    for (const [index, p] of ps.entries()) expect(got[index]).toBe(sortedPercentile(values, p));
  });

  it('interpolates like numpy', () => {
    expect(percentilesInPlace(Float64Array.of(4, 1, 3, 2), [50, 10])).toEqual([2.5, 1.3]);
    expect(percentilesInPlace(new Float64Array(0), [50])).toEqual([Number.NaN]);
  });
});

describe('histogram', () => {
  it('counts into equal bins with under- and overflow', () => {
    const result = histogram(Float64Array.of(-1, 0, 1, 2, 2, 9.99, 10, 11), 0, 10, 5);
    expect(result.edges).toEqual([0, 2, 4, 6, 8, 10]);
    expect(result.counts).toEqual([2, 2, 0, 0, 2]);
    expect([result.below, result.above]).toEqual([1, 1]);
  });

  it('puts everything in the first bin when min equals max', () => {
    expect(histogram(Float64Array.of(3, 3), 3, 3, 4).counts).toEqual([2, 0, 0, 0]);
  });
});
