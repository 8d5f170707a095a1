import { describe, expect, it } from 'vitest';
import {
  betaFromMean,
  betaMean,
  lognormalFromMean,
  POSTERIOR_WEIGHT_CAP,
  PRIOR_WEIGHT_CAP,
  updateBeta,
} from './priors.js';

describe('priors', () => {
  it('builds a Beta from a mean and an effective sample size', () => {
    expect(betaFromMean(0.01, 200)).toEqual({ alpha: 2, beta: 198 });
  });

  it('builds a LogNormal whose mean is exactly the mean asked for', () => {
    const { mu, sigma } = lognormalFromMean(8, 0.35);
    expect(Math.exp(mu + (sigma * sigma) / 2)).toBeCloseTo(8, 12);
    expect(Math.sqrt(Math.exp(sigma * sigma) - 1)).toBeCloseTo(0.35, 12);
  });

  it('updates conjugately: prior pseudo-counts plus successes and failures', () => {
    expect(updateBeta({ alpha: 2, beta: 198 }, 45, 3000)).toEqual({ alpha: 47, beta: 3153 });
  });

  it('caps the prior weight so a small history already counts', () => {
    // A prior worth 10,000 observations is scaled down to PRIOR_WEIGHT_CAP first.
    const posterior = updateBeta(betaFromMean(0.01, 10_000), 100, 1000);
    expect(posterior.alpha + posterior.beta).toBeCloseTo(PRIOR_WEIGHT_CAP + 1000, 9);
    expect(betaMean(posterior)).toBeCloseTo((0.01 * PRIOR_WEIGHT_CAP + 100) / (PRIOR_WEIGHT_CAP + 1000), 12);
  });

  it('stops narrowing at the posterior cap and keeps the mean', () => {
    const posterior = updateBeta(betaFromMean(0.01, 200), 20_000, 1_000_000);
    expect(posterior.alpha + posterior.beta).toBeCloseTo(POSTERIOR_WEIGHT_CAP, 9);
    expect(betaMean(posterior)).toBeCloseTo(20_002 / 1_000_200, 12);
  });
});
