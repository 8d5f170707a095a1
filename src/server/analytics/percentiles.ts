// Percentiles by selection instead of a full sort: Floyd & Rivest's SELECT (CACM 18(3), 1975) places the
// k-th smallest value at index k in expected n + min(k, n − k) + o(n) comparisons, in place. Several
// percentiles share the work: each selection leaves everything above k to the right of it, so the next
// (higher) percentile searches only that part.

/**
 * Rearrange `values` in place so that values[k] is the k-th smallest (0-based), everything in
 * [left, k) is ≤ it and everything in (k, right] is ≥ it.
 *
 * @example
 * const a = Float64Array.of(5, 1, 4, 2, 3);
 * select(a, 2); // a[2] === 3
 */
export function select(values: Float64Array, k: number, left = 0, right = values.length - 1): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    if (hi - lo > 600) {
      // Sample-based bounds: recurse on a small window likely to hold the k-th value, which makes the
      // partition below nearly perfect on the first pass.
      const n = hi - lo + 1;
      const i = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      const newLo = Math.max(lo, Math.floor(k - (i * s) / n + sd));
      const newHi = Math.min(hi, Math.floor(k + ((n - i) * s) / n + sd));
      select(values, k, newLo, newHi);
    }
    const t = values[k] as number;
    let i = lo;
    let j = hi;
    swap(values, lo, k);
    if ((values[hi] as number) > t) swap(values, lo, hi);
    while (i < j) {
      swap(values, i, j);
      i++;
      j--;
      while ((values[i] as number) < t) i++;
      while ((values[j] as number) > t) j--;
    }
    if (values[lo] === t) swap(values, lo, j);
    else {
      j++;
      swap(values, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
}

function swap(values: Float64Array, i: number, j: number): void {
  const tmp = values[i] as number;
  values[i] = values[j] as number;
  values[j] = tmp;
}

/**
 * The percentiles `ps` (each in [0, 100]) of `values`, interpolated linearly between order statistics
 * exactly as numpy's default (`method="linear"`): position h = (n − 1)·p/100, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). Reorders `values`; pass a copy to keep the original order.
 * NaN must not occur in `values`; ±Infinity sorts as usual (and interpolates to ±Infinity or NaN).
 *
 * @example
 * percentilesInPlace(Float64Array.of(1, 2, 3, 4), [50]); // [2.5]
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const order = ps.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const out = new Array<number>(ps.length).fill(Number.NaN);
  let left = 0;
  for (const { p, index } of order) {
    const h = ((n - 1) * p) / 100;
    const k = Math.floor(h);
    select(values, k, left, n - 1);
    const low = values[k] as number;
    const fraction = h - k;
    let high = low;
    if (fraction > 0 && k + 1 < n) {
      // The next order statistic is the minimum of everything right of k.
      high = Number.POSITIVE_INFINITY;
      for (let i = k + 1; i < n; i++) if ((values[i] as number) < high) high = values[i] as number;
    }
    out[index] = fraction > 0 ? low + fraction * (high - low) : low;
    left = k;
  }
  return out;
}

/** A histogram: `edges` has one more entry than `counts`; values outside [edges[0], edges.at(-1)] go to `below`/`above`. */
export interface Histogram {
  edges: number[];
  counts: number[];
  below: number;
  above: number;
}

/**
 * `bins` equal-width bins from `min` to `max`, one pass over `values`.
 *
 * @example
 * histogram(Float64Array.of(1, 2, 2, 9), 0, 10, 5); // counts [1, 2, 0, 0, 1]
 */
export function histogram(values: Float64Array, min: number, max: number, bins: number): Histogram {
  const counts = new Float64Array(bins);
  const width = (max - min) / bins;
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < min) below++;
    else if (value > max) above++;
    else {
      const bin = width > 0 ? Math.min(bins - 1, Math.floor((value - min) / width)) : 0;
      counts[bin] = (counts[bin] as number) + 1;
    }
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (width > 0 ? min + i * width : min));
  return { edges, counts: Array.from(counts), below, above };
}
