import { afterEach, describe, expect, it } from 'vitest';
import { simulateCpaFunnel } from './cpa-funnel.js';
import { CpaFunnelPool } from './cpa-funnel-parallel.js';
import { runForecast } from './forecast.js';
import { ForecastRunner } from './forecast-runner.js';
import type { ForecastInput } from './forecast-types.js';
import { betaFromMean, lognormalFromMean } from './priors.js';

const input = (trials: number, seed = 5): ForecastInput => ({
  trials,
  seed,
  averageOrderValue: null,
  kpis: [{ metric: 'clicks', target: 100 }],
  channels: [
    {
      channel: 'facebook',
      budget: 200,
      posts: 3,
      reachPerPost: lognormalFromMean(400, 0.5),
      cpm: lognormalFromMean(10, 0.5),
      ctr: betaFromMean(0.015, 150),
      engagementRate: betaFromMean(0.002, 60),
      cvr: betaFromMean(0.08, 40),
      frequency: 1.6,
    },
  ],
});

describe('ForecastRunner', () => {
  let runner: ForecastRunner;
  afterEach(() => runner.close());

  it('runs small forecasts inline and large ones on a worker thread, with the same answer', async () => {
    runner = new ForecastRunner({ inlineMaxTrials: 1_000 });
    const small = await runner.run(input(1_000));
    expect(small.ranIn).toBe('inline');
    const large = await runner.run(input(60_000));
    expect(large.ranIn).toBe('worker');
    expect(large.output).toEqual(runForecast(input(60_000)));
  }, 30_000);

  it('shares a mid-sized run with a warm idle worker, with exactly the inline answer', async () => {
    runner = new ForecastRunner();
    // The first run has no warm worker: it runs here and starts one for the next.
    expect((await runner.run(input(20_000))).ranIn).toBe('inline');
    let split = await runner.run(input(20_000));
    for (let i = 0; i < 200 && split.ranIn !== 'split'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      split = await runner.run(input(20_000));
    }
    expect(split.ranIn).toBe('split');
    expect(split.output).toEqual(runForecast(input(20_000)));
    // Too small to be worth a second thread.
    expect((await runner.run(input(1_000))).ranIn).toBe('inline');
  }, 30_000);

  it('keeps the event loop free while a worker runs, and queues beyond the cap', async () => {
    runner = new ForecastRunner({ inlineMaxTrials: 0, maxWorkers: 1 });
    await runner.run(input(1_000)); // start the worker (and its TypeScript loader under vitest) first
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const [a, b] = await Promise.all([runner.run(input(300_000, 1)), runner.run(input(300_000, 2))]);
    const elapsed = Date.now() - started;
    clearInterval(timer);
    expect(a.output.totals.clicks).not.toEqual(b.output.totals.clicks);
    // Inline, the two runs would have blocked the loop throughout; here the timer kept firing.
    expect(ticks).toBeGreaterThan(elapsed / 5 / 4);
  }, 60_000);
});

describe('CpaFunnelPool', () => {
  it('splits the reference funnel over worker threads with exactly the inline answer', async () => {
    const pool = new CpaFunnelPool(2);
    try {
      // 300,000 trials: three chunks, dealt unevenly to the two workers.
      expect(await pool.run(300_000, 8)).toEqual(simulateCpaFunnel(300_000, 8));
    } finally {
      await pool.close();
    }
  }, 60_000);
});
