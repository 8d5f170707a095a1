import { percentilesInPlace } from './percentiles.js';
import { type BetaPrior, betaFromMean, type LogNormalPrior, lognormalFromMean } from './priors.js';
import { Rng } from './rng.js';
import { beta, lognormal } from './samplers.js';

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
 * Run `trials` of the reference funnel with `seed`. Allocates one Float64Array of `trials` and nothing
 * per trial.
 *
 * @example
 * simulateCpaFunnel(1_000_000, 42).cpa.p50; // ≈ 22 (currency units)
 */
export function simulateCpaFunnel(
  trials: number,
  seed: number,
  params: CpaFunnelParams = CPA_FUNNEL_DEFAULTS,
): CpaFunnelResult {
  const rng = new Rng(seed);
  const cpa = new Float64Array(trials);
  const { impressions, ctr, cvr, cpm } = params;
  let conversionSum = 0;
  for (let t = 0; t < trials; t++) {
    const shown = lognormal(rng, impressions.mu, impressions.sigma);
    const clicks = shown * beta(rng, ctr.alpha, ctr.beta);
    const conversions = clicks * beta(rng, cvr.alpha, cvr.beta);
    const spend = (shown * lognormal(rng, cpm.mu, cpm.sigma)) / 1000;
    conversionSum += conversions;
    cpa[t] = spend / conversions;
  }
  const [p10 = Number.NaN, p50 = Number.NaN, p90 = Number.NaN] = percentilesInPlace(cpa, [10, 50, 90]);
  return { cpa: { p10, p50, p90 }, meanConversions: conversionSum / trials };
}
