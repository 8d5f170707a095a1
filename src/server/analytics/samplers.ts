import { normal } from './normal.js';
import type { Rng } from './rng.js';

// The distributions the funnel model draws from, each built on the ziggurat normal and the seeded Rng.
// Every function draws a single value and allocates nothing, so a million-trial loop creates no garbage.

/**
 * LogNormal(mu, sigma): exp of a normal draw. See `lognormalFromMean` for the (mean, cv) form.
 *
 * @example
 * const cpm = lognormal(rng, Math.log(8), 0.3);
 */
export function lognormal(rng: Rng, mu: number, sigma: number): number {
  return Math.exp(mu + sigma * normal(rng));
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang ("A Simple Method for Generating Gamma Variables", ACM TOMS 26(3),
 * 2000): a squeezed rejection on a cubed normal that accepts over 95% of candidates for any shape ≥ 1.
 * For shape < 1, the boost Gamma(a) = Gamma(a + 1) · U^(1/a) from the same paper.
 *
 * @example
 * const g = gamma(rng, 2.5); // mean 2.5, variance 2.5
 */
export function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.exp(Math.log(rng.uniform()) / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    // The squeeze: a cheap polynomial bound decides almost every draw without a logarithm.
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b): exact for any positive a and b.
 *
 * @example
 * const ctr = beta(rng, 3, 297); // mean 1%
 */
export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

/** Below this mean, counts are drawn exactly (Poisson by inversion); above it, by a normal approximation. */
const EXACT_COUNT_MEAN = 30;
/**
 * 1/k for the inversion's steps: its terms form a chain (each one from the last), where a multiplication's
 * latency is a third of a division's. Past the table (over 9 standard deviations above a mean of 30), it divides.
 */
const RECIPROCALS = Float64Array.from({ length: 96 }, (_, k) => (k === 0 ? 0 : 1 / k));

/**
 * A count of successes in `n` trials of probability `p` (Binomial(n, p)), as the funnel needs it:
 * n is large (impressions, clicks) and p small, so for a mean below 30 it draws Poisson(np) exactly by
 * inversion (one uniform, ~np steps) and caps at n; from 30 up, the normal approximation
 * round(np + sqrt(np(1 − p)) · Z), clamped to [0, n], whose error there is well under the spread of the
 * rates themselves.
 *
 * @example
 * const conversions = count(rng, 1200, 0.03);
 */
export function count(rng: Rng, n: number, p: number): number {
  const mean = n * p;
  if (mean <= 0) return 0;
  if (mean < EXACT_COUNT_MEAN) {
    const u = rng.uniform();
    let k = 0;
    let term = Math.exp(-mean);
    let cdf = term;
    while (u > cdf && k < n) {
      k++;
      term *= k < RECIPROCALS.length ? mean * (RECIPROCALS[k] as number) : mean / k;
      cdf += term;
      // Rounding can leave cdf a hair under 1; past 12 standard deviations the answer cannot change.
      if (term < 1e-300 && k > mean) break;
    }
    return k;
  }
  const draw = Math.round(mean + Math.sqrt(mean * (1 - p)) * normal(rng));
  return Math.max(0, Math.min(draw, n));
}

// Block samplers: fill a Float64Array with draws in one tight loop. V8 inlines the normal and the Rng
// into the loop, so each draw stays an unboxed double on its way into the array; a scalar sampler that
// is not inlined must box every double it returns, which costs a heap allocation per draw (measured:
// about 10% of a million-trial run in garbage collection alone). The hot paths use these.

/**
 * Fill `out` with LogNormal(mu, sigma) draws.
 *
 * @example
 * fillLognormal(rng, Math.log(8), 0.3, new Float64Array(4096));
 */
export function fillLognormal(rng: Rng, mu: number, sigma: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = Math.exp(mu + sigma * normal(rng));
}

/**
 * Fill `out` with Gamma(shape, 1) draws (Marsaglia–Tsang, as `gamma`).
 *
 * @example
 * fillGamma(rng, 3.6, new Float64Array(4096));
 */
export function fillGamma(rng: Rng, shape: number, out: Float64Array): void {
  fillGammaFromOne(rng, shape < 1 ? shape + 1 : shape, out);
  if (shape < 1) boost(rng, shape, out);
}

// The loops below are separate functions that return nothing, on purpose: V8 inlines callees into a
// function only up to a budget, and once a loop's `normal` or `uniform` call is left out, every double it
// returns is boxed (measured: ~17 bytes of garbage per draw, a minor GC every few thousand trials).

/** Marsaglia–Tsang for shape ≥ 1. */
function fillGammaFromOne(rng: Rng, shape: number, out: Float64Array): void {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let i = 0; i < out.length; i++) {
    for (;;) {
      const x = normal(rng);
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = rng.uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        out[i] = d * v;
        break;
      }
    }
  }
}

/** Gamma(shape) = Gamma(shape + 1) · U^(1/shape), for shape < 1, applied to Gamma(shape + 1) draws in `out`. */
function boost(rng: Rng, shape: number, out: Float64Array): void {
  // U^(1/shape) as exp(ln U / shape): the same value, at less than half the cost of Math.pow here.
  const power = 1 / shape;
  for (let i = 0; i < out.length; i++)
    out[i] = (out[i] as number) * Math.exp(Math.log(rng.uniform()) * power);
}

/**
 * Fill out[start + i] with count(rng, trials[start + i], rates[i]) for i < size: the counts of a block of
 * trials (impressions or clicks per trial in `trials`, each trial's rate in `rates`).
 *
 * @example
 * fillCounts(rng, impressions, ctrs, clicks, 0, 1024);
 */
export function fillCounts(
  rng: Rng,
  trials: Float64Array,
  rates: Float64Array,
  out: Float64Array,
  start: number,
  size: number,
): void {
  for (let i = 0; i < size; i++) out[start + i] = count(rng, trials[start + i] as number, rates[i] as number);
}

/**
 * Fill `out` with Beta(a, b) draws as X / (X + Y); `scratch` (at least as long) holds the Y draws.
 *
 * @example
 * fillBeta(rng, 3.6, 296.4, out, scratch);
 */
export function fillBeta(rng: Rng, a: number, b: number, out: Float64Array, scratch: Float64Array): void {
  const y = scratch.length === out.length ? scratch : scratch.subarray(0, out.length);
  fillGamma(rng, a, out);
  fillGamma(rng, b, y);
  for (let i = 0; i < out.length; i++) {
    const x = out[i] as number;
    out[i] = x / (x + (y[i] as number));
  }
}
