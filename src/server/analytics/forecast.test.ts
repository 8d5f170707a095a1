import { describe, expect, it } from 'vitest';
import { simulateCpaFunnel } from './cpa-funnel.js';
import {
  finishForecast,
  forecastArrays,
  forecastArraysBytes,
  runForecast,
  simulateBlocks,
  summariseChannels,
} from './forecast.js';
import { blockCount } from './forecast-trials.js';
import type { ForecastChannel, ForecastInput } from './forecast-types.js';
import { betaFromMean, lognormalFromMean } from './priors.js';

function channel(overrides: Partial<ForecastChannel> = {}): ForecastChannel {
  return {
    channel: 'instagram',
    budget: 500,
    posts: 0,
    reachPerPost: null,
    cpm: lognormalFromMean(8, 0.3),
    ctr: betaFromMean(0.01, 300),
    engagementRate: betaFromMean(0.02, 100),
    cvr: betaFromMean(0.04, 200),
    frequency: 2,
    ...overrides,
  };
}

function input(overrides: Partial<ForecastInput> = {}): ForecastInput {
  return { trials: 20_000, seed: 11, channels: [channel()], averageOrderValue: 25, kpis: [], ...overrides };
}

describe('runForecast', () => {
  it('gives the same answer for the same seed, another for another seed', () => {
    expect(runForecast(input())).toEqual(runForecast(input()));
    expect(runForecast(input({ seed: 12 })).totals.clicks).not.toEqual(runForecast(input()).totals.clicks);
  });

  it('gives the same answer when its blocks are simulated in separate pieces (as threads split a run)', () => {
    const plan = input({
      trials: 30_000,
      channels: [
        channel(),
        channel({ channel: 'email', budget: 0, posts: 4, reachPerPost: lognormalFromMean(900, 0.4) }),
      ],
    });
    const arrays = forecastArrays(plan, new ArrayBuffer(forecastArraysBytes(plan)));
    const blocks = blockCount(plan.trials);
    for (const [from, to] of [
      [3, blocks],
      [0, 1],
      [1, 3],
    ] as const)
      simulateBlocks(plan, arrays, from, to);
    const channels = summariseChannels(plan, arrays);
    expect({ ...finishForecast(plan, arrays), channels }).toEqual(runForecast(plan));
  });

  it('matches the funnel’s expected values', () => {
    const out = runForecast(input({ trials: 100_000 }));
    // E[impressions] = budget × 1000 × E[1/CPM]; for a LogNormal, E[1/X] = exp(−mu + sigma²/2).
    const { mu, sigma } = lognormalFromMean(8, 0.3);
    const impressions = 500 * 1000 * Math.exp(-mu + (sigma * sigma) / 2);
    // Four standard errors of a 100,000-trial mean; 1/CPM is LogNormal too, with cv √(exp(sigma²) − 1).
    const tolerance = (4 * impressions * Math.sqrt(Math.exp(sigma * sigma) - 1)) / Math.sqrt(100_000);
    expect(Math.abs((out.totals.impressions.mean ?? 0) - impressions)).toBeLessThan(tolerance);
    expect((out.totals.clicks.mean ?? 0) / impressions).toBeCloseTo(0.01, 3);
    expect((out.totals.conversions.mean ?? 0) / (out.totals.clicks.mean ?? 1)).toBeCloseTo(0.04, 2);
    expect(Math.abs((out.totals.reach.mean ?? 0) - impressions / 2)).toBeLessThan(tolerance / 2);
    expect(out.totals.spend).toMatchObject({ p5: 500, p95: 500 });
  });

  it('keeps percentiles in order and derives CPA and ROAS from conversions', () => {
    const { totals } = runForecast(input());
    for (const metric of ['impressions', 'clicks', 'conversions', 'roas'] as const) {
      const s = totals[metric];
      expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual(
        [...[s.p5, s.p25, s.p50, s.p75, s.p95]].sort((a, b) => (a ?? 0) - (b ?? 0)),
      );
    }
    expect(totals.cpa.p50).toBeCloseTo(500 / (totals.conversions.p50 ?? 1), 9);
    expect(totals.cpa.p5).toBeCloseTo(500 / (totals.conversions.p95 ?? 1), 9);
    expect(totals.roas.p50).toBeCloseTo(((totals.conversions.p50 ?? 0) * 25) / 500, 9);
  });

  it('adds channels up, and adding one leaves the others’ draws unchanged', () => {
    const email = channel({
      channel: 'email',
      budget: 0,
      posts: 4,
      cpm: null,
      reachPerPost: lognormalFromMean(600, 0.4),
    });
    const alone = runForecast(input());
    const both = runForecast(input({ channels: [channel(), email] }));
    expect(both.channels[0]?.metrics).toEqual(alone.channels[0]?.metrics);
    expect(both.totals.impressions.mean).toBeCloseTo(
      (both.channels[0]?.metrics.impressions.mean ?? 0) + (both.channels[1]?.metrics.impressions.mean ?? 0),
      6,
    );
    expect(both.channels[1]?.metrics.impressions.mean).toBeCloseTo(2400, -2);
    expect(both.channels[1]?.metrics.cpa.p50).toBeNull();
  });

  it('gives KPI probabilities that agree with the percentiles', () => {
    const probe = runForecast(input());
    const median = probe.totals.conversions.p50 ?? 0;
    const out = runForecast(
      input({
        kpis: [
          { metric: 'Orders', target: median },
          { metric: 'clicks', target: 0 },
          { metric: 'CPA', target: probe.totals.cpa.p50 ?? 0 },
          { metric: 'newsletter mentions', target: 3 },
        ],
      }),
    );
    const [orders, clicks, cpa, unknown] = out.kpis;
    expect(orders?.forecastMetric).toBe('conversions');
    expect(orders?.probability).toBeGreaterThanOrEqual(0.5);
    expect(orders?.probability).toBeLessThan(0.6);
    expect(clicks?.probability).toBe(1);
    expect(cpa?.probability).toBeGreaterThanOrEqual(0.5);
    expect(unknown).toMatchObject({ forecastMetric: null, probability: null });
  });

  it('ranks the rates that drive conversions above one that does not', () => {
    const { sensitivity } = runForecast(input());
    const names = sensitivity.map((entry) => entry.input);
    expect(names.indexOf('engagement_rate')).toBe(names.length - 1);
    expect(
      Math.abs(sensitivity.find((entry) => entry.input === 'engagement_rate')?.correlation ?? 1),
    ).toBeLessThan(0.05);
    expect(sensitivity.find((entry) => entry.input === 'cpm')?.correlation).toBeLessThan(-0.1);
    // Relative spread of a Beta: √((1 − m) / (m(n + 1))); CTR (1%, n 300) ≈ 0.57 beats CVR (4%, n 200) ≈ 0.35.
    expect(names.slice(0, 2)).toEqual(['ctr', 'cvr']);
  });

  it('draws histograms that hold (almost) every trial', () => {
    const { histograms } = runForecast(input());
    const conversions = histograms.conversions;
    const total =
      (conversions?.counts.reduce((a, b) => a + b, 0) ?? 0) +
      (conversions?.below ?? 0) +
      (conversions?.above ?? 0);
    expect(total).toBe(20_000);
    expect(histograms.cpa?.counts).toHaveLength(30);
  });
});

describe('simulateCpaFunnel (the benchmark model)', () => {
  it('is deterministic and centred on CPM / (1000 · CTR · CVR)', () => {
    const a = simulateCpaFunnel(50_000, 3);
    expect(simulateCpaFunnel(50_000, 3)).toEqual(a);
    // The median of a product of independent skewed factors sits near the product of their medians; a
    // loose check that the pieces are wired the right way round (8 / (1000 · 0.012 · 0.03) ≈ 22).
    expect(a.cpa.p50).toBeGreaterThan(15);
    expect(a.cpa.p50).toBeLessThan(35);
    expect(a.cpa.p10).toBeLessThan(a.cpa.p50);
    expect(a.cpa.p90).toBeGreaterThan(a.cpa.p50);
    expect(a.meanConversions).toBeCloseTo(200_000 * 0.012 * 0.03, -1);
  });
});
