import { percentilesInPlace } from './percentiles.js';
import { type BetaPrior, betaFromMean, type LogNormalPrior, lognormalFromMean } from './priors.js';
import { deriveSeed, Rng } from './rng.js';
import { fillBeta, fillLognormal } from './samplers.js';

/** Trials drawn per block: 4,096 doubles per input stay in the CPU cache. */
const BLOCK = 4_096;

// The reference funnel of the benchmark (issue 7, item 5), also run by bench/analytics_numpy.py with the
// same parameters: impressions ~ LogNormal, CTR ~ Beta, CVR ~ Beta, CPM ~ LogNormal; clicks, conversions
// and spend follow, and the answer is the p10/p50/p90 of the cost per acquisition. The campaign forecast
// (forecast.ts) is richer; this one stays fixed so the timing compares like with like across versions.

/** The reference funnel's parameters: mean and spread of each input. */
export interface CpaFunnelParams {
  impressions: LogNormalPrior;
  ctr: BetaPrior;
  cvr: BetaPrior;
  cpm: LogNormalPrior;
}

/** The parameters bench/analytics_numpy.py uses too (keep the two in step). */
export const CPA_FUNNEL_DEFAULTS: CpaFunnelParams = {
  impressions: lognormalFromMean(200_000, 0.5),
  ctr: betaFromMean(0.012, 300),
  cvr: betaFromMean(0.03, 200),
  cpm: lognormalFromMean(8, 0.35),
};

/** What one run of the reference funnel returns. */
export interface CpaFunnelResult {
  /** p10, p50, p90 of cost per acquisition (currency units per conversion). */
  cpa: { p10: number; p50: number; p90: number };
  meanConversions: number;
}

/**
 * Trials per chunk. Each chunk draws from its own stream (`deriveSeed(seed, chunk)`), so a run split over
 * worker threads (cpa-funnel-parallel.ts) gives exactly the answer of the same run inline.
 */
export const CPA_CHUNK = 131_072;

/**
 * Fill `out` with the cost per acquisition of chunk `chunk` of a run (out.length ≤ CPA_CHUNK trials);
 * returns the sum of conversions, for the mean.
 *
 * @example
 * const sum = fillCpaChunk(new Float64Array(CPA_CHUNK), 42, 0);
 */
export function fillCpaChunk(
  out: Float64Array,
  seed: number,
  chunk: number,
  params: CpaFunnelParams = CPA_FUNNEL_DEFAULTS,
): number {
  const rng = new Rng(deriveSeed(seed, chunk));
  const { impressions, ctr, cvr, cpm } = params;
  // Blocks small enough to stay in cache; each input is drawn for the whole block in one tight loop.
  const shown = new Float64Array(BLOCK);
  const ctrs = new Float64Array(BLOCK);
  const cvrs = new Float64Array(BLOCK);
  const prices = new Float64Array(BLOCK);
  const scratch = new Float64Array(BLOCK);
  let conversionSum = 0;
  for (let start = 0; start < out.length; start += BLOCK) {
    const size = Math.min(BLOCK, out.length - start);
    const block = (array: Float64Array) => (size === BLOCK ? array : array.subarray(0, size));
    fillLognormal(rng, impressions.mu, impressions.sigma, block(shown));
    fillBeta(rng, ctr.alpha, ctr.beta, block(ctrs), scratch);
    fillBeta(rng, cvr.alpha, cvr.beta, block(cvrs), scratch);
    fillLognormal(rng, cpm.mu, cpm.sigma, block(prices));
    for (let i = 0; i < size; i++) {
      const seen = shown[i] as number;
      const conversions = seen * (ctrs[i] as number) * (cvrs[i] as number);
      conversionSum += conversions;
      out[start + i] = (seen * (prices[i] as number)) / 1000 / conversions;
    }
  }
  return conversionSum;
}

/**
 * Run `trials` of the reference funnel with `seed`, inline. Allocates one Float64Array of `trials` and a
 * few block buffers, nothing per trial.
 *
 * @example
 * simulateCpaFunnel(1_000_000, 42).cpa.p50; // ≈ 25 (currency units)
 */
export function simulateCpaFunnel(
  trials: number,
  seed: number,
  params: CpaFunnelParams = CPA_FUNNEL_DEFAULTS,
): CpaFunnelResult {
  const cpa = new Float64Array(trials);
  let conversionSum = 0;
  for (let chunk = 0; chunk * CPA_CHUNK < trials; chunk++) {
    const start = chunk * CPA_CHUNK;
    conversionSum += fillCpaChunk(
      cpa.subarray(start, Math.min(trials, start + CPA_CHUNK)),
      seed,
      chunk,
      params,
    );
  }
  return summariseCpa(cpa, conversionSum);
}

/** p10/p50/p90 of a filled CPA array (reordered in place) and the mean conversions. */
export function summariseCpa(cpa: Float64Array, conversionSum: number): CpaFunnelResult {
  const [p10 = Number.NaN, p50 = Number.NaN, p90 = Number.NaN] = percentilesInPlace(cpa, [10, 50, 90]);
  return { cpa: { p10, p50, p90 }, meanConversions: conversionSum / cpa.length };
}
