// Priors for the funnel's inputs, parameterised the way a benchmark states them (a mean and how sure we
// are), and the conjugate update that moves a rate prior towards a business's own results.

/** A rate (click-through, engagement, conversion) as Beta(alpha, beta). */
export interface BetaPrior {
  alpha: number;
  beta: number;
}

/** A positive quantity (CPM, reach per post) as LogNormal(mu, sigma). */
export interface LogNormalPrior {
  mu: number;
  sigma: number;
}

/**
 * Beta with the given mean and effective sample size `n` (alpha + beta): "about 1%, as sure as if we had
 * seen 200 impressions" is `betaFromMean(0.01, 200)`. Smaller n, wider prior.
 *
 * @example
 * betaFromMean(0.01, 200); // { alpha: 2, beta: 198 }
 */
export function betaFromMean(mean: number, n: number): BetaPrior {
  return { alpha: mean * n, beta: (1 - mean) * n };
}

/** Mean of a Beta. */
export function betaMean(prior: BetaPrior): number {
  return prior.alpha / (prior.alpha + prior.beta);
}

/**
 * LogNormal with the given mean and coefficient of variation (sd / mean): sigma² = ln(1 + cv²),
 * mu = ln(mean) − sigma² / 2, so E[X] is exactly `mean`.
 *
 * @example
 * lognormalFromMean(8, 0.35); // CPM about 8, give or take 35%
 */
export function lognormalFromMean(mean: number, cv: number): LogNormalPrior {
  const variance = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - variance / 2, sigma: Math.sqrt(variance) };
}

/**
 * How much a benchmark may weigh against a business's own results, in pseudo-observations: the prior
 * counts as at most this many impressions (or clicks), so a few hundred of the business's own quickly
 * outweigh an industry average.
 */
export const PRIOR_WEIGHT_CAP = 200;

/**
 * The most certainty a rate may reach, however much history there is. Rates drift between campaigns,
 * creatives and seasons, so a forecast should not claim to know next month's click-through rate to the
 * fourth decimal because last month had a million impressions. Past this, the posterior keeps its mean
 * and stops narrowing (a discounted, "power prior" style update).
 */
export const POSTERIOR_WEIGHT_CAP = 5_000;

/**
 * Conjugate beta-binomial update: prior Beta(a, b) (its weight capped at `PRIOR_WEIGHT_CAP`) plus
 * `successes` of `trials` gives Beta(a + s, b + n − s), then capped at `POSTERIOR_WEIGHT_CAP` with its
 * mean kept.
 *
 * @example
 * updateBeta(betaFromMean(0.01, 200), 45, 3000); // mean ≈ 1.4%, weight 3,200
 */
export function updateBeta(prior: BetaPrior, successes: number, trials: number): BetaPrior {
  const priorWeight = prior.alpha + prior.beta;
  const scale = priorWeight > PRIOR_WEIGHT_CAP ? PRIOR_WEIGHT_CAP / priorWeight : 1;
  const alpha = prior.alpha * scale + successes;
  const beta = prior.beta * scale + (trials - successes);
  const weight = alpha + beta;
  if (weight <= POSTERIOR_WEIGHT_CAP) return { alpha, beta };
  const mean = alpha / weight;
  return { alpha: mean * POSTERIOR_WEIGHT_CAP, beta: (1 - mean) * POSTERIOR_WEIGHT_CAP };
}
