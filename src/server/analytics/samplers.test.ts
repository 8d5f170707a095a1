import { describe, expect, it } from 'vitest';
import { normal } from './normal.js';
import { lognormalFromMean } from './priors.js';
import { Rng } from './rng.js';
import { beta, count, gamma, lognormal } from './samplers.js';

// Each sampler against its closed-form mean and variance. With N draws the sample mean's standard error
// is sd/√N; the checks allow 5 of them (a false alarm about once in 3.5 million runs for a fixed seed,
// i.e. never, while a wrong formula misses by far more). Variances get a relative tolerance from the
// fourth moment, generously rounded.

const N = 200_000;

function moments(draw: () => number, n = N): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / n;
  return { mean, variance: (squares - n * mean * mean) / (n - 1) };
}

function expectMoments(draw: () => number, mean: number, variance: number, varianceTolerance = 0.03): void {
  const sample = moments(draw);
  expect(Math.abs(sample.mean - mean)).toBeLessThan(5 * Math.sqrt(variance / N));
  expect(Math.abs(sample.variance / variance - 1)).toBeLessThan(varianceTolerance);
}

describe('normal (ziggurat)', () => {
  it('has mean 0, variance 1 and the right tail mass', () => {
    const rng = new Rng(1);
    expectMoments(() => normal(rng), 0, 1);
    let beyond196 = 0;
    let beyond35 = 0;
    const n = 1_000_000;
    for (let i = 0; i < n; i++) {
      const z = Math.abs(normal(rng));
      if (z > 1.959964) beyond196++;
      if (z > 3.5) beyond35++;
    }
    // P(|Z| > 1.96) = 0.05; P(|Z| > 3.5) = 4.65e-4 (the tail beyond R = 3.44 is drawn by a separate path).
    expect(Math.abs(beyond196 / n - 0.05)).toBeLessThan(5 * Math.sqrt((0.05 * 0.95) / n));
    expect(Math.abs(beyond35 / n - 4.653e-4)).toBeLessThan(5 * Math.sqrt(4.653e-4 / n));
  });
});

describe('lognormal', () => {
  it('matches the mean and variance it was parameterised with', () => {
    const rng = new Rng(2);
    const { mu, sigma } = lognormalFromMean(8, 0.35);
    expectMoments(() => lognormal(rng, mu, sigma), 8, (8 * 0.35) ** 2, 0.05);
  });
});

describe('gamma (Marsaglia–Tsang)', () => {
  it.each([0.3, 0.5, 1, 3.6, 50, 2000])('shape %s has mean and variance equal to the shape', (shape) => {
    const rng = new Rng(3);
    expectMoments(() => gamma(rng, shape), shape, shape, shape < 1 ? 0.06 : 0.03);
  });
});

describe('beta (two gammas)', () => {
  it.each([
    [2, 198],
    [6, 194],
    [0.5, 0.5],
    [3.6, 296.4],
    [40, 10],
  ])('Beta(%s, %s) has mean a/(a+b) and variance ab/((a+b)²(a+b+1))', (a, b) => {
    const rng = new Rng(4);
    const s = a + b;
    expectMoments(() => beta(rng, a, b), a / s, (a * b) / (s * s * (s + 1)), 0.04);
  });

  it('never leaves (0, 1)', () => {
    const rng = new Rng(5);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = beta(rng, 0.5, 0.5);
      if (!(x > 0 && x < 1)) outside++;
    }
    expect(outside).toBe(0);
  });
});

describe('count (binomial)', () => {
  it.each([
    [400, 0.01],
    [1200, 0.03],
    [200_000, 0.012],
  ])('Binomial(%s, %s) has mean np and variance np(1 − p)', (n, p) => {
    const rng = new Rng(6);
    // Below a mean of 30 the draw is Poisson(np), whose variance np exceeds np(1 − p) by a factor 1/(1 − p).
    const variance = n * p < 30 ? n * p : n * p * (1 - p);
    expectMoments(() => count(rng, n, p), n * p, variance, 0.03);
  });

  it('stays within 0..n and is 0 when nothing can happen', () => {
    const rng = new Rng(7);
    expect(count(rng, 0, 0.5)).toBe(0);
    expect(count(rng, 100, 0)).toBe(0);
    let max = 0;
    for (let i = 0; i < 10_000; i++) max = Math.max(max, count(rng, 3, 0.9));
    expect(max).toBe(3);
  });
});
