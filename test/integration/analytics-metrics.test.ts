import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CampaignReport, Overview, Simulation } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign, createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Method = 'GET' | 'POST' | 'PUT';
/** The campaign started 9 days ago and runs 31 days, so today is day 10 of 31 (the access tokens need the real clock). */
const START = addDays(new Date().toISOString().slice(0, 10), -9);
/** The date `offset` days into the campaign. */
const d = (offset: number) => addDays(START, offset);
const RANGE = `from=${d(0)}&to=${d(30)}`;

function addDays(date: string, days: number): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  return addDays(date, -((day.getUTCDay() + 6) % 7));
}

describeEachDialect('analytics: actual results and reports', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let business: Business;
  let campaign: Campaign;
  let post: ContentItem;
  let story: ContentItem;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    campaign = await createCampaign(t.app, owner, business.id, {
      channels: ['instagram', 'x'],
      budget_minor: 30_000,
      start_date: d(0),
      end_date: d(30),
      kpis: [
        { metric: 'clicks', target: 300 },
        { metric: 'orders', target: 10 },
        { metric: 'mentions', target: 5 },
      ],
    });
    post = await createContent(t.app, owner, business.id, {
      channel: 'instagram',
      title: 'Beans',
      campaign_id: campaign.id,
    });
    story = await createContent(t.app, owner, business.id, { channel: 'x', body: 'Cafe news' });
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const record = (records: object[]) =>
    as(owner, 'POST', '/api/analytics/metrics', { business_id: business.id, records });

  it('records results, replaces a day recorded again, and sums them in the overview', async () => {
    const first = await record([
      {
        content_item_id: post.id,
        day: d(1),
        impressions: 1000,
        reach: 700,
        engagements: 50,
        clicks: 40,
        conversions: 2,
        spend_minor: 1500,
      },
      { content_item_id: post.id, day: d(2), impressions: 500, clicks: 10 },
      { content_item_id: story.id, day: d(8), impressions: 200, clicks: 1 },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ recorded: 3 });
    // Upsert: the same item and day again replaces the counts.
    expect(
      (await record([{ content_item_id: post.id, day: d(2), impressions: 600, clicks: 12, conversions: 1 }]))
        .statusCode,
    ).toBe(200);

    const response = await as(owner, 'GET', `/api/analytics/overview?business_id=${business.id}&${RANGE}`);
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json<Overview>();
    expect(overview.totals).toMatchObject({
      impressions: 1800,
      clicks: 53,
      conversions: 3,
      spend_minor: 1500,
      cpa_minor: 500,
    });
    expect(overview.totals.ctr).toBeCloseTo(53 / 1800, 12);
    expect(overview.trend.map((row) => [row.period, row.impressions])).toEqual([
      [d(1), 1000],
      [d(2), 600],
      [d(8), 200],
    ]);
    expect(overview.by_channel.map((row) => [row.channel, row.clicks])).toEqual([
      ['instagram', 52],
      ['x', 1],
    ]);
    expect(overview.by_campaign.map((row) => [row.campaign_name, row.impressions])).toEqual(
      expect.arrayContaining([
        ['Spring launch', 1600],
        [null, 200],
      ]),
    );
    expect(overview.best_content[0]).toMatchObject({ content_item_id: post.id, title: 'Beans' });
    expect(overview.worst_content.map((row) => row.content_item_id)).not.toContain(post.id);

    const weekly = (
      await as(owner, 'GET', `/api/analytics/overview?business_id=${business.id}&${RANGE}&group_by=week`)
    ).json<Overview>();
    // Days summed into ISO weeks, each labelled by its Monday.
    const weeks = new Map<string, number>();
    for (const [day, impressions] of [
      [d(1), 1000],
      [d(2), 600],
      [d(8), 200],
    ] as const) {
      weeks.set(mondayOf(day), (weeks.get(mondayOf(day)) ?? 0) + impressions);
    }
    expect(weekly.trend.map((row) => [row.period, row.impressions])).toEqual([...weeks.entries()]);

    const csv = await as(owner, 'GET', `/api/analytics/overview.csv?business_id=${business.id}&${RANGE}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'section,key,label,impressions,reach,engagements,clicks,conversions,spend_minor,ctr,engagement_rate,cvr,cpa_minor',
    );
    expect(csv.body).toContain('channel,instagram,,1600,');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a negative count', { impressions: -1 }, 'body.records.0.impressions'],
    ['negative spend', { spend_minor: -5 }, 'body.records.0.spend_minor'],
    ['an impossible day', { day: '2026-02-30' }, 'body.records.0.day'],
    ['more clicks than impressions', { impressions: 5, clicks: 6 }, 'body.records.0.clicks'],
  ])('refuses %s', async (_name, override, path) => {
    const response = await record([{ content_item_id: post.id, day: d(1), ...override }]);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<Problem>().errors?.map((error) => error.path)).toContain(path);
  });

  it('imports CSV all or nothing, naming each failing cell', async () => {
    const bad = [
      'content_item_id,day,impressions,clicks,conversions,spend_minor',
      `${post.id},${d(1)},1000,20,1,500`,
      `${post.id},2026-03-32,1000,20,1,500`,
      `${story.id},${d(3)},-3,0,0,0`,
      `01900000-0000-7000-8000-000000000099,${d(4)},10,1,0,0`,
      `${post.id},${d(1)},5,1,0,0`,
    ].join('\n');
    const refused = await as(owner, 'POST', '/api/analytics/metrics/import', {
      business_id: business.id,
      csv: bad,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    const problem = refused.json<Problem>();
    expect(problem.code).toBe('bulk_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual([
      'csv.3.day',
      'csv.4.impressions',
      'csv.6.day',
    ]);
    const nothing = (
      await as(owner, 'GET', `/api/analytics/overview?business_id=${business.id}&${RANGE}`)
    ).json<Overview>();
    expect(nothing.totals.impressions).toBe(0);

    const unknownItem = await as(owner, 'POST', '/api/analytics/metrics/import', {
      business_id: business.id,
      csv: `content_item_id,day,impressions\n${post.id},${d(1)},10\n01900000-0000-7000-8000-000000000099,${d(4)},10\n`,
    });
    expect(unknownItem.statusCode).toBe(422);
    expect(unknownItem.json<Problem>().errors?.map((error) => error.path)).toEqual(['csv.3.content_item_id']);

    const good = await as(owner, 'POST', '/api/analytics/metrics/import', {
      business_id: business.id,
      csv: `\uFEFFContent_Item_Id,Day,Impressions,Clicks,Conversions,Spend_Minor,Currency\r\n${post.id},${d(1)},1000,20,1,500,EUR\r\n${story.id},${d(3)},300,,,,\r\n`,
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json()).toEqual({ recorded: 2 });
    const overview = (
      await as(owner, 'GET', `/api/analytics/overview?business_id=${business.id}&${RANGE}`)
    ).json<Overview>();
    expect(overview.totals).toMatchObject({
      impressions: 1300,
      clicks: 20,
      conversions: 1,
      spend_minor: 500,
    });

    const missing = await as(owner, 'POST', '/api/analytics/metrics/import', {
      business_id: business.id,
      csv: `day,impressions\n${d(0)},4\n`,
    });
    expect(missing.json<Problem>().errors?.[0]).toMatchObject({ path: 'csv.1', code: 'missing_column' });
  });

  it('compares the latest forecast with the actuals to date and says which KPIs are on track', async () => {
    const forecast = await as(owner, 'POST', '/api/analytics/simulate', {
      business_id: business.id,
      campaign_id: campaign.id,
      trials: 1_000,
      seed: 5,
    });
    expect(forecast.statusCode, forecast.body).toBe(201);
    const simulation = forecast.json<Simulation>();
    await record([
      {
        content_item_id: post.id,
        day: d(1),
        impressions: 4000,
        clicks: 120,
        conversions: 4,
        spend_minor: 9000,
      },
      {
        content_item_id: post.id,
        day: d(4),
        impressions: 2000,
        clicks: 30,
        conversions: 0,
        spend_minor: 1000,
      },
      // Outside the campaign's content: not part of its report.
      { content_item_id: story.id, day: d(4), impressions: 9999, clicks: 999 },
    ]);
    const response = await as(owner, 'GET', `/api/analytics/campaign/${campaign.id}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<CampaignReport>();
    expect(report).toMatchObject({
      days_elapsed: 10,
      days_total: 31,
      simulation: { id: simulation.id, seed: 5 },
    });
    expect(report.actual).toMatchObject({
      impressions: 6000,
      clicks: 150,
      conversions: 4,
      spend_minor: 10_000,
    });
    expect(report.daily.map((row) => row.period)).toEqual([d(1), d(4)]);
    const expectedClicks = report.expected_to_date.clicks;
    expect(expectedClicks?.p50).toBeCloseTo((simulation.results.totals.clicks.p50 ?? 0) * (10 / 31), 6);
    // 150 clicks after 10 of 31 days projects to 465 ≥ 300: on track. 4 orders project to 12.4 ≥ 10.
    expect(report.kpis).toEqual([
      expect.objectContaining({
        metric: 'clicks',
        actual: 150,
        status: 'on_track',
        forecast_metric: 'clicks',
      }),
      expect.objectContaining({
        metric: 'orders',
        actual: 4,
        status: 'on_track',
        forecast_metric: 'conversions',
      }),
      expect.objectContaining({
        metric: 'mentions',
        actual: null,
        status: 'no_forecast',
        forecast_metric: null,
      }),
    ]);
    expect(report.kpis[0]?.probability).not.toBeNull();

    const csv = await as(owner, 'GET', `/api/analytics/campaign/${campaign.id}/report.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(`${d(1)},4000,`);
    expect(csv.body).toContain('clicks,300,150,');
  });

  it('reads “not started” before the campaign starts, whatever the forecast’s chance', async () => {
    const later = await createCampaign(t.app, owner, business.id, {
      channels: ['instagram'],
      budget_minor: 30_000,
      start_date: d(30),
      end_date: d(60),
      kpis: [
        { metric: 'orders', target: 1_000_000 },
        { metric: 'mentions', target: 5 },
      ],
    });
    const forecast = await as(owner, 'POST', '/api/analytics/simulate', {
      business_id: business.id,
      campaign_id: later.id,
      trials: 500,
      seed: 3,
    });
    expect(forecast.statusCode, forecast.body).toBe(201);
    const report = (await as(owner, 'GET', `/api/analytics/campaign/${later.id}`)).json<CampaignReport>();
    expect(report.days_elapsed).toBe(0);
    expect(report.kpis).toEqual([
      expect.objectContaining({ metric: 'orders', status: 'not_started', projected: null, probability: 0 }),
      expect.objectContaining({ metric: 'mentions', status: 'no_forecast', projected: null }),
    ]);
  });

  it('projects each KPI at the pace so far, and says what changed since the saved forecast', async () => {
    const chances = (report: CampaignReport) => report.kpis.map((kpi) => kpi.probability);
    const reportNow = async () =>
      (await as(owner, 'GET', `/api/analytics/campaign/${campaign.id}`)).json<CampaignReport>();
    const simulate = async () =>
      (
        await as(owner, 'POST', '/api/analytics/simulate', {
          business_id: business.id,
          campaign_id: campaign.id,
          trials: 1_000,
          seed: 5,
        })
      ).json<Simulation>();
    const first = await simulate();
    expect((await reportNow()).simulation?.changed_since).toEqual([]);

    // Results recorded after the forecast: the forecast workbench (which runs afresh) would use them.
    await record([
      {
        content_item_id: post.id,
        day: d(1),
        impressions: 4000,
        clicks: 150,
        conversions: 9,
        spend_minor: 9000,
      },
    ]);
    const stale = await reportNow();
    expect(stale.simulation).toMatchObject({ id: first.id, changed_since: ['results'] });
    // 150 clicks in 10 of 31 days: 465 by the end at this pace.
    expect(stale.kpis[0]).toMatchObject({ metric: 'clicks', actual: 150, projected: 465 });
    expect(stale.kpis[2]).toMatchObject({ metric: 'mentions', projected: null });

    // Run again (as the workbench does): the page's chances are the new run's, with nothing changed since.
    const fresh = await simulate();
    const updated = await reportNow();
    expect(updated.simulation).toMatchObject({ id: fresh.id, changed_since: [] });
    expect(chances(updated)).toEqual(fresh.results.kpis.map((kpi) => kpi.probability));
    expect(chances(updated)).not.toEqual(chances(stale));

    // An override of a benchmark rate, and a change to the campaign's plan, are named too.
    await as(owner, 'PUT', '/api/analytics/benchmarks', {
      business_id: business.id,
      overrides: [{ channel: 'x', objective: 'awareness', metric: 'ctr', value: 0.05 }],
    });
    expect((await reportNow()).simulation?.changed_since).toEqual(['rates']);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/campaign/${campaign.id}`,
      headers: owner.auth,
      payload: { budget_minor: 90_000 },
    });
    expect((await reportNow()).simulation?.changed_since).toEqual(['rates', 'plan']);
  });

  it('updates the rates from the business’s own results, and says so', async () => {
    await record([
      {
        content_item_id: post.id,
        day: d(1),
        impressions: 50_000,
        engagements: 2500,
        clicks: 1500,
        conversions: 90,
        spend_minor: 40_000,
      },
    ]);
    const response = await as(owner, 'POST', '/api/analytics/simulate', {
      business_id: business.id,
      objective: 'sales',
      channels: [{ channel: 'instagram', posts: 3, audience_size: 2000 }],
      trials: 500,
      seed: 1,
    });
    expect(response.statusCode, response.body).toBe(201);
    const rates = response.json<Simulation>().results.rates.filter((rate) => rate.channel === 'instagram');
    const ctr = rates.find((rate) => rate.metric === 'ctr');
    expect(ctr).toMatchObject({ source: 'history', prior_source: 'benchmark', n: 50_000 });
    // 1,500 of 50,000 is 3%; the (capped) prior keeps it a little lower.
    expect(ctr?.mean).toBeGreaterThan(0.028);
    expect(ctr?.mean).toBeLessThan(0.03);
    expect(rates.find((rate) => rate.metric === 'cvr')).toMatchObject({ source: 'history', n: 1500 });
    expect(rates.find((rate) => rate.metric === 'cpm')).toMatchObject({ source: 'history', mean: 8 });
  });

  it('lets viewers read reports but not record; answers 404 across workspaces', async () => {
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    const row = { content_item_id: post.id, day: d(1), impressions: 10 };
    expect(
      (await as(viewer, 'POST', '/api/analytics/metrics', { business_id: business.id, records: [row] }))
        .statusCode,
    ).toBe(403);
    expect((await as(viewer, 'GET', `/api/analytics/campaign/${campaign.id}`)).statusCode).toBe(200);

    const stranger = await registerAccount(t.app);
    const theirs = await createBusiness(t.app, stranger, 'Theirs');
    const range = RANGE;
    expect(
      (await as(stranger, 'POST', '/api/analytics/metrics', { business_id: business.id, records: [row] }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await as(stranger, 'POST', '/api/analytics/metrics/import', {
          business_id: business.id,
          csv: 'content_item_id,day\n',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await as(stranger, 'GET', `/api/analytics/overview?business_id=${business.id}&${range}`)).statusCode,
    ).toBe(404);
    expect(
      (await as(stranger, 'GET', `/api/analytics/overview.csv?business_id=${business.id}&${range}`))
        .statusCode,
    ).toBe(404);
    expect((await as(stranger, 'GET', `/api/analytics/campaign/${campaign.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'GET', `/api/analytics/campaign/${campaign.id}/report.csv`)).statusCode).toBe(
      404,
    );
    // Their own workspace, our content item: refused, and nothing is written to ours.
    const crossed = await as(stranger, 'POST', '/api/analytics/metrics', {
      business_id: theirs.id,
      records: [row],
    });
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json<Problem>().errors?.[0]).toMatchObject({
      path: 'body.records.0.content_item_id',
      code: 'not_found',
    });
    const ours = (
      await as(owner, 'GET', `/api/analytics/overview?business_id=${business.id}&${range}`)
    ).json<Overview>();
    expect(ours.totals.impressions).toBe(0);
  });
});
