import { afterEach, beforeEach, expect, it } from 'vitest';
import { ForecastRunner } from '#server/analytics/forecast-runner.js';
import type { BenchmarkEntry, Simulation } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PUT';

describeEachDialect('analytics: forecasts and benchmarks', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let runner: ForecastRunner;

  beforeEach(async () => {
    // Runs above 2,000 trials go to a worker thread, so the worker path is exercised through the API too.
    runner = new ForecastRunner({ inlineMaxTrials: 2_000 });
    t = await createTestApp(await create(), {}, { forecastRunner: runner });
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
  });
  afterEach(async () => {
    await runner.close();
    await t.close();
  });

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const plan = (overrides: Record<string, unknown> = {}) => ({
    business_id: business.id,
    objective: 'sales',
    budget_minor: 50_000,
    currency: 'EUR',
    channels: [
      { channel: 'instagram', budget_share: 0.6, posts: 8, audience_size: 4_000 },
      { channel: 'facebook', budget_share: 0.4 },
      { channel: 'email', posts: 2, audience_size: 2_500 },
    ],
    average_order_value_minor: 3_500,
    kpis: [{ metric: 'orders', target: 30 }],
    trials: 1_000,
    seed: 42,
    ...overrides,
  });

  it('forecasts a plan, saves it, and reopens it; the same seed gives the same forecast', async () => {
    const response = await as(owner, 'POST', '/api/analytics/simulate', plan());
    expect(response.statusCode, response.body).toBe(201);
    const simulation = response.json<Simulation>();
    const { results } = simulation;
    expect(results).toMatchObject({
      trials: 1_000,
      seed: 42,
      currency: 'EUR',
      spend_minor: 50_000,
      ran_in: 'inline',
    });
    expect(results.channels.map((c) => [c.channel, c.budget_minor, c.posts])).toEqual([
      ['instagram', 30_000, 8],
      ['facebook', 20_000, 0],
      ['email', 0, 2],
    ]);
    const conversions = results.totals.conversions;
    expect(conversions.p5).not.toBeNull();
    expect(conversions.p5 ?? 0).toBeLessThanOrEqual(conversions.p50 ?? 0);
    expect(conversions.p50 ?? 0).toBeLessThanOrEqual(conversions.p95 ?? 0);
    // Money in minor units: CPA = spend / conversions.
    expect(results.totals.cpa.p50).toBeCloseTo(50_000 / (conversions.p50 ?? 1), 6);
    expect(results.kpis[0]).toMatchObject({ metric: 'orders', forecast_metric: 'conversions' });
    expect(results.kpis[0]?.probability).toBeGreaterThanOrEqual(0);
    expect(results.sensitivity.length).toBeGreaterThan(0);
    expect(results.histograms.conversions?.counts).toHaveLength(30);
    const ctr = results.rates.find((rate) => rate.channel === 'instagram' && rate.metric === 'ctr');
    expect(ctr).toMatchObject({ source: 'benchmark', n: 0 });
    expect(ctr?.citation).toMatch(/industry range/);

    const reopened = await as(owner, 'GET', `/api/analytics/simulations/${simulation.id}`);
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toEqual(simulation);

    const again = (await as(owner, 'POST', '/api/analytics/simulate', plan())).json<Simulation>();
    expect({ ...again.results, elapsed_ms: 0 }).toEqual({ ...results, elapsed_ms: 0 });
    const other = (await as(owner, 'POST', '/api/analytics/simulate', plan({ seed: 43 }))).json<Simulation>();
    expect(other.results.totals.clicks).not.toEqual(results.totals.clicks);
  });

  it('runs large forecasts on a worker thread with the same answer as inline', async () => {
    const inline = (
      await as(owner, 'POST', '/api/analytics/simulate', plan({ trials: 2_000 }))
    ).json<Simulation>();
    const worker = await as(owner, 'POST', '/api/analytics/simulate', plan({ trials: 2_001 }));
    expect(worker.statusCode, worker.body).toBe(201);
    expect(inline.results.ran_in).toBe('inline');
    expect(worker.json<Simulation>().results.ran_in).toBe('worker');
    const direct = await runner.runOnWorker({ ...toKernelProbe(), trials: 3_000 });
    expect(direct).toEqual(
      (await import('#server/analytics/forecast.js')).runForecast({
        ...toKernelProbe(),
        trials: 3_000,
      }),
    );
  }, 60_000);

  it('forecasts a campaign from its channels, budget, KPIs and planned content', async () => {
    const campaign = await createCampaign(t.app, owner, business.id, {
      channels: ['instagram', 'email'],
      budget_minor: 20_000,
      currency: 'GBP',
      kpis: [{ metric: 'clicks', target: 100 }],
    });
    for (const channel of ['instagram', 'instagram', 'email']) {
      await createContent(t.app, owner, business.id, {
        channel,
        body: 'New beans',
        campaign_id: campaign.id,
      });
    }
    const response = await as(owner, 'POST', '/api/analytics/simulate', {
      business_id: business.id,
      campaign_id: campaign.id,
      trials: 500,
    });
    expect(response.statusCode, response.body).toBe(201);
    const simulation = response.json<Simulation>();
    expect(simulation.campaign_id).toBe(campaign.id);
    expect(simulation.results.currency).toBe('GBP');
    // The whole budget goes to the one channel with ads; email gets its planned sends.
    expect(simulation.results.channels.map((c) => [c.channel, c.budget_minor, c.posts])).toEqual([
      ['instagram', 20_000, 2],
      ['email', 0, 1],
    ]);
    expect(simulation.results.kpis).toEqual([
      expect.objectContaining({ metric: 'clicks', target: 100, forecast_metric: 'clicks' }),
    ]);
    expect(typeof simulation.seed).toBe('number');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative budget', { budget_minor: -100 }, 'body.budget_minor'],
    [
      'shares that do not add up to 1',
      {
        channels: [
          { channel: 'instagram', budget_share: 0.5 },
          { channel: 'facebook', budget_share: 0.2 },
        ],
      },
      'body.channels',
    ],
    ['too many trials', { trials: 1_000_001 }, 'body.trials'],
    [
      'a negative share',
      { channels: [{ channel: 'x', budget_share: -0.5 }] },
      'body.channels.0.budget_share',
    ],
    ['a channel twice', { channels: [{ channel: 'x' }, { channel: 'x' }] }, 'body.channels'],
    ['a seed out of range', { seed: 2 ** 32 }, 'body.seed'],
    ['no channels and no campaign', { channels: undefined }, 'body.channels'],
    [
      'a budget share on a channel without ads',
      { channels: [{ channel: 'email', budget_share: 1, posts: 1 }] },
      'body.channels.0.budget_share',
    ],
  ])('refuses %s with a 400 naming the field', async (_name, override, path) => {
    const response = await as(owner, 'POST', '/api/analytics/simulate', plan(override));
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json<Problem>();
    expect(problem.code).toBe('validation_failed');
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it('lets viewers read but not simulate, and only owners and admins change benchmarks', async () => {
    const viewer = await registerAccount(t.app);
    const editor = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    await addMember(t.app, owner, business, editor, 'editor');
    const saved = (await as(editor, 'POST', '/api/analytics/simulate', plan())).json<Simulation>();
    expect((await as(viewer, 'GET', `/api/analytics/simulations/${saved.id}`)).statusCode).toBe(200);
    expect((await as(viewer, 'POST', '/api/analytics/simulate', plan())).statusCode).toBe(403);
    expect((await as(viewer, 'GET', `/api/analytics/benchmarks?business_id=${business.id}`)).statusCode).toBe(
      200,
    );
    const override = {
      business_id: business.id,
      overrides: [{ channel: 'instagram', objective: 'sales', metric: 'ctr', value: 0.02 }],
    };
    expect((await as(editor, 'PUT', '/api/analytics/benchmarks', override)).statusCode).toBe(403);
    expect((await as(owner, 'PUT', '/api/analytics/benchmarks', override)).statusCode).toBe(200);
  });

  it('lists benchmarks with sources, applies overrides to the next forecast, and removes them', async () => {
    const list = await as(
      owner,
      'GET',
      `/api/analytics/benchmarks?business_id=${business.id}&objective=sales`,
    );
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json<{ items: BenchmarkEntry[] }>().items;
    // Five metrics for every channel.
    expect(items).toHaveLength(CHANNEL_IDS.length * 5);
    for (const item of items.filter((entry) => entry.value !== null)) {
      expect(item.source).toMatch(/industry range|assumption|delivery rate/);
    }
    expect(items.find((entry) => entry.channel === 'email' && entry.metric === 'cpm')?.value).toBeNull();

    const put = await as(owner, 'PUT', '/api/analytics/benchmarks', {
      business_id: business.id,
      overrides: [{ channel: 'instagram', objective: 'sales', metric: 'ctr', value: 0.03 }],
    });
    expect(put.statusCode, put.body).toBe(200);
    const entry = put
      .json<{ items: BenchmarkEntry[] }>()
      .items.find(
        (item) => item.channel === 'instagram' && item.objective === 'sales' && item.metric === 'ctr',
      );
    expect(entry?.override?.value).toBe(0.03);
    const forecast = (await as(owner, 'POST', '/api/analytics/simulate', plan())).json<Simulation>();
    expect(
      forecast.results.rates.find((rate) => rate.channel === 'instagram' && rate.metric === 'ctr'),
    ).toMatchObject({
      source: 'override',
      mean: 0.03,
    });

    const removed = await as(owner, 'PUT', '/api/analytics/benchmarks', {
      business_id: business.id,
      overrides: [{ channel: 'instagram', objective: 'sales', metric: 'ctr', value: null }],
    });
    expect(removed.json<{ items: BenchmarkEntry[] }>().items.every((item) => item.override === null)).toBe(
      true,
    );

    const bad = await as(owner, 'PUT', '/api/analytics/benchmarks', {
      business_id: business.id,
      overrides: [
        { channel: 'instagram', objective: 'sales', metric: 'ctr', value: 2 },
        { channel: 'email', objective: 'sales', metric: 'cpm', value: 5 },
      ],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for another workspace’s simulations, campaigns and benchmarks', async () => {
    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Theirs');
    const saved = (await as(owner, 'POST', '/api/analytics/simulate', plan())).json<Simulation>();
    const campaign = await createCampaign(t.app, owner, business.id);
    expect((await as(stranger, 'GET', `/api/analytics/simulations/${saved.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'POST', '/api/analytics/simulate', plan())).statusCode).toBe(404);
    expect(
      (await as(stranger, 'GET', `/api/analytics/benchmarks?business_id=${business.id}`)).statusCode,
    ).toBe(404);
    const put = await as(stranger, 'PUT', '/api/analytics/benchmarks', {
      business_id: business.id,
      overrides: [{ channel: 'x', objective: 'sales', metric: 'ctr', value: 0.1 }],
    });
    expect(put.statusCode).toBe(404);
    // Their own workspace, but our campaign.
    const crossed = await as(stranger, 'POST', '/api/analytics/simulate', {
      business_id: theirs.id,
      campaign_id: campaign.id,
      trials: 100,
    });
    expect(crossed.statusCode).toBe(404);
    expect(
      (await as(stranger, 'GET', '/api/analytics/simulations/01900000-0000-7000-8000-000000000099'))
        .statusCode,
    ).toBe(404);
  });
});

function toKernelProbe() {
  return {
    seed: 9,
    averageOrderValue: null,
    kpis: [],
    channels: [
      {
        channel: 'x' as const,
        budget: 100,
        posts: 0,
        reachPerPost: null,
        cpm: { mu: 1.8, sigma: 0.5 },
        ctr: { alpha: 2, beta: 198 },
        engagementRate: { alpha: 1, beta: 99 },
        cvr: { alpha: 1, beta: 49 },
        frequency: 1.5,
      },
    ],
  };
}
