import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRepositories } from '#server/repositories/index.js';
import type { MetricRow } from '#shared/analytics.schema.js';
import type { Business } from '#shared/business.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const LINK = 'https://social.example/@acme/1';

describeEachDialect('results by hand, and CSV rows naming the item by link or title', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let viewer: TestAccount;
  let stranger: TestAccount;
  let business: Business;
  let published: ContentItem;
  let twin: ContentItem;

  const post = (account: TestAccount, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: account.auth, payload });
  const results = (account: TestAccount, itemId: string, payload: object) =>
    post(account, `/api/content/${itemId}/results`, payload);
  const importCsv = (csv: string) =>
    post(owner, '/api/analytics/metrics/import', { business_id: business.id, csv });
  const stored = (itemId: string) =>
    t.database.db
      .selectFrom('metrics')
      .select(['day', 'impressions', 'clicks', 'source'])
      .where('content_item_id', '=', itemId)
      .orderBy('day')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    viewer = await registerAccount(t.app);
    stranger = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    await createBusiness(t.app, stranger, 'Elsewhere');
    await addMember(t.app, owner, business, viewer, 'viewer');
    published = await createContent(t.app, owner, business.id, { title: 'Autumn loaf' });
    twin = await createContent(t.app, owner, business.id, { title: 'Same name' });
    await createContent(t.app, owner, business.id, { title: 'Same name' });
    const at = new Date().toISOString();
    await t.database.db
      .updateTable('content_items')
      .set({ status: 'published', published_at: at })
      .where('id', '=', published.id)
      .execute();
    await t.database.db
      .insertInto('publish_attempts')
      .values({
        id: randomUUID(),
        business_id: business.id,
        content_item_id: published.id,
        connector_id: null,
        connector_kind: null,
        account_id: null,
        job_id: 'job-1',
        scheduled_at: at,
        attempt: 1,
        outcome: 'succeeded',
        failure_kind: null,
        status_code: 200,
        error: null,
        duration_ms: 5,
        external_id: '1',
        external_url: LINK,
        created_at: at,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('records one day by hand, replaces it when entered again, and beats a later network reading', async () => {
    const first = await results(owner, published.id, {
      day: day(-2),
      impressions: 900,
      reach: 700,
      clicks: 12,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<MetricRow>()).toMatchObject({
      content_item_id: published.id,
      day: day(-2),
      impressions: 900,
      engagements: 0,
      clicks: 12,
    });
    expect(
      (await results(owner, published.id, { day: day(-2), impressions: 1000, clicks: 15 })).statusCode,
    ).toBe(200);
    // A network's reading of the same day leaves the person's numbers alone.
    const now = new Date().toISOString();
    const written = await createRepositories(t.database.db, t.database.dialect).metrics.upsertFromNetwork({
      business_id: business.id,
      content_item_id: published.id,
      day: day(-2),
      impressions: 5,
      reach: 5,
      engagements: 0,
      clicks: 0,
      conversions: 0,
      spend_minor: 0,
      currency: null,
      source: 'mastodon',
      created_at: now,
      updated_at: now,
    });
    expect(written).toBe(false);
    expect(await stored(published.id)).toEqual([
      { day: day(-2), impressions: 1000, clicks: 15, source: 'manual' },
    ]);
    // Any member reads them back, the latest day first.
    const listed = await t.app.inject({ url: `/api/content/${published.id}/results`, headers: viewer.auth });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ items: MetricRow[] }>().items).toMatchObject([
      { day: day(-2), impressions: 1000, clicks: 15, source: 'manual' },
    ]);
  });

  it('refuses a day in the future with a problem on the field, by hand and in a CSV', async () => {
    const refused = await results(owner, published.id, { day: day(2), impressions: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<Problem>().errors).toEqual([
      expect.objectContaining({
        path: 'body.day',
        code: 'future_date',
        message: expect.stringMatching(/future/),
      }),
    ]);
    const csv = await importCsv(`content_item_id,day,impressions\n${published.id},${day(2)},5\n`);
    expect(csv.statusCode).toBe(422);
    expect(csv.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: 'csv.2.day', code: 'future_date' }),
    ]);
    const api = await post(owner, '/api/analytics/metrics', {
      business_id: business.id,
      records: [{ content_item_id: published.id, day: day(2), impressions: 5 }],
    });
    expect(api.statusCode).toBe(400);
    expect(api.json<Problem>().errors?.[0]).toMatchObject({
      path: 'body.records.0.day',
      code: 'future_date',
    });
  });

  it('refuses bad counts with field problems, and viewers', async () => {
    const bad = await results(owner, published.id, { day: day(-1), impressions: 5, clicks: 9 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]).toMatchObject({ path: 'body.clicks' });
    expect((await results(viewer, published.id, { day: day(-1), impressions: 5 })).statusCode).toBe(403);
  });

  it('answers 404 for another workspace’s item, as for one that does not exist', async () => {
    const response = await results(stranger, published.id, { day: day(-1), impressions: 5 });
    expect(response.statusCode).toBe(404);
    const listed = await t.app.inject({
      url: `/api/content/${published.id}/results`,
      headers: stranger.auth,
    });
    expect(listed.statusCode).toBe(404);
    expect((await results(owner, randomUUID(), { day: day(-1) })).statusCode).toBe(404);
  });

  it('imports CSV rows that name the item by its link or its title', async () => {
    const response = await importCsv(
      [
        'link,title,day,impressions,clicks',
        `${LINK},,${day(-5)},300,3`,
        `,Autumn loaf,${day(-4)},200,2`,
      ].join('\n'),
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toEqual({ recorded: 2 });
    expect((await stored(published.id)).map((row) => [row.day, row.impressions])).toEqual([
      [day(-5), 300],
      [day(-4), 200],
      [day(-2), 1000],
    ]);
  });

  it('names the rows whose title is shared or whose link or title matches nothing', async () => {
    const response = await importCsv(
      [
        'url,title,day,impressions',
        `,Same name,${day(-3)},1`,
        `https://social.example/nothing,,${day(-3)},1`,
        `,No such post,${day(-3)},1`,
        `,,${day(-3)},1`,
      ].join('\n'),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: 'csv.5.content_item_id', code: 'required' }),
      expect.objectContaining({
        path: 'csv.2.title',
        code: 'ambiguous',
        message: '2 items have this title; name the item by its link or content_item_id',
      }),
      expect.objectContaining({ path: 'csv.3.link', code: 'not_found' }),
      expect.objectContaining({ path: 'csv.4.title', code: 'not_found' }),
    ]);
    expect(await stored(twin.id)).toEqual([]);
  });
});
