// Percentiles by selection instead of a full sort: Floyd & Rivest's SELECT (CACM 18(3), 1975) places the
// k-th smallest value at index k in expected n + min(k, n − k) + o(n) comparisons, in place. Several
// percentiles share the work: each selection splits the array around its rank, and the other ranks are
// then searched for only on their side of it. Large arrays are first narrowed down by bucketing (see
// `orderStatistics`), so selection runs only on the few hundred values near each wanted rank.

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
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]). May reorder `values`; pass a copy to keep the original order.
 * NaN must not occur in `values`; ±Infinity sorts as usual (and interpolates to ±Infinity or NaN).
 *
 * @example
 * percentilesInPlace(Float64Array.of(1, 2, 3, 4), [50]); // [2.5]
 */
export function percentilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => Number.NaN);
  const positions = ps.map((p) => ((n - 1) * p) / 100);
  const wanted = new Set<number>();
  for (const h of positions) {
    const k = Math.floor(h);
    wanted.add(k);
    if (h > k && k + 1 < n) wanted.add(k + 1);
  }
  const ranks = [...wanted].sort((a, b) => a - b);
  const found = orderStatistics(values, ranks);
  const valueAt = (rank: number) => found[ranks.indexOf(rank)] as number;
  return positions.map((h) => {
    const k = Math.floor(h);
    const low = valueAt(k);
    return h > k && k + 1 < n ? low + (h - k) * (valueAt(k + 1) - low) : low;
  });
}

/** Below this many values, selection alone beats bucketing (measured: bench/analytics.ts and a 10k micro-run). */
const BUCKETED_MIN = 2_048;
const BUCKET_BITS = 11;
/** The bucketing reads a double's high word, which is the second 32-bit word on little-endian machines. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The values at `ranks` (ascending, 0-based order statistics). Selection's partitions cost a branch
 * misprediction on about every other comparison; for larger arrays, three predictable passes do better:
 * bucket every value by the high bits of its IEEE 754 high word (an order-preserving integer key), count
 * the buckets, then copy out only the buckets holding a wanted rank and find the rank within each, by
 * the same method (a bucket can hold most values when they span many octaves, e.g. 0 and 1 to 30).
 */
function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  const n = values.length;
  if (n < BUCKETED_MIN || !LITTLE_ENDIAN) return selectRanks(values, ranks);
  const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
  let min = 0x7fff_ffff;
  let max = -0x8000_0000;
  for (let i = 1; i < words.length; i += 2) {
    const key = sortKey(words[i] as number);
    if (key < min) min = key;
    if (key > max) max = key;
  }
  // One key for every value: bucketing cannot narrow anything down.
  if (min === max) return selectRanks(values, ranks);
  let shift = 0;
  while ((max - min) / 2 ** shift >= 2 ** BUCKET_BITS) shift++;
  const counts = new Int32Array(((max - min) >>> shift) + 1);
  for (let i = 1; i < words.length; i += 2) {
    const bucket = (sortKey(words[i] as number) - min) >>> shift;
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  // The wanted buckets in order, each with the ranks it holds (relative to its first value).
  const wanted: { bucket: number; ranks: number[]; start: number }[] = [];
  let bucket = 0;
  let below = 0;
  for (const rank of ranks) {
    while (below + (counts[bucket] as number) <= rank) below += counts[bucket++] as number;
    const last = wanted.at(-1);
    if (last?.bucket === bucket) last.ranks.push(rank - below);
    else wanted.push({ bucket, ranks: [rank - below], start: 0 });
  }
  const cursor = new Int32Array(counts.length).fill(-1);
  let gatheredSize = 0;
  for (const entry of wanted) {
    entry.start = gatheredSize;
    cursor[entry.bucket] = gatheredSize;
    gatheredSize += counts[entry.bucket] as number;
  }
  const gathered = new Float64Array(gatheredSize);
  for (let i = 0; i < n; i++) {
    const b = (sortKey(words[2 * i + 1] as number) - min) >>> shift;
    const at = cursor[b] as number;
    if (at >= 0) {
      gathered[at] = values[i] as number;
      cursor[b] = at + 1;
    }
  }
  return wanted.flatMap(({ bucket: b, ranks: inBucket, start }) => {
    const part = gathered.subarray(start, start + (counts[b] as number));
    // Counts often tie heavily (a bucket of zeros): equal values answer without a search.
    const first = part[0] as number;
    let allEqual = true;
    for (let i = 1; i < part.length && allEqual; i++) allEqual = part[i] === first;
    return allEqual ? inBucket.map(() => first) : orderStatistics(part, inBucket);
  });
}

/** The values at `ranks` (ascending) by selection, in place. */
function selectRanks(values: Float64Array, ranks: readonly number[]): number[] {
  selectAll(values, ranks, 0, ranks.length - 1, 0, values.length - 1);
  return ranks.map((rank) => values[rank] as number);
}

/**
 * A double's high word as an integer with the double's order: non-negative doubles already compare
 * like their high words; for negative ones, flipping all but the sign bit reverses the magnitude order.
 */
function sortKey(highWord: number): number {
  return highWord ^ ((highWord >> 31) & 0x7fff_ffff);
}

/**
 * Place every rank of `ranks[first..last]` (ascending) within values[lo..hi]: the middle rank first, then
 * the lower ranks left of it and the higher ones right of it, so each selection searches only the part
 * between two placed ranks (about n·log₂(ranks + 1) comparisons for all of them, not n per rank).
 */
function selectAll(
  values: Float64Array,
  ranks: readonly number[],
  first: number,
  last: number,
  lo: number,
  hi: number,
): void {
  if (first > last) return;
  const middle = (first + last) >> 1;
  const k = ranks[middle] as number;
  select(values, k, lo, hi);
  selectAll(values, ranks, first, middle - 1, lo, k - 1);
  selectAll(values, ranks, middle + 1, last, k + 1, hi);
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
  const counts = new Int32Array(bins);
  const width = (max - min) / bins;
  // A multiplication and a truncation per value instead of a division and Math.floor.
  const perWidth = width > 0 ? 1 / width : 0;
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value < min) below++;
    else if (value > max) above++;
    else {
      const bin = ((value - min) * perWidth) | 0;
      // Only the maximum itself lands past the last bin.
      const at = bin < bins ? bin : bins - 1;
      counts[at] = (counts[at] as number) + 1;
    }
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => (width > 0 ? min + i * width : min));
  return { edges, counts: Array.from(counts), below, above };
}
