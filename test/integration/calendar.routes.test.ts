import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { createJobHandlers } from '#server/jobs/handlers.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import type { JobWorker } from '#server/jobs/job-types.js';
import { buildJobRegistry } from '#server/jobs/registry.js';
import type { CalendarJobResult } from '#shared/calendar.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createCampaign } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const SILENT = { info() {}, warn() {}, error() {} };

describeEachDialect('AI content calendar generation', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  let worker: JobWorker;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner, 'Harbour Bakery')).id;
    await t.app.inject({
      method: 'PATCH',
      url: `/api/business/${businessId}`,
      headers: owner.auth,
      payload: { time_zone: 'Europe/London' },
    });
    const { services } = t;
    const registry = buildJobRegistry(
      JOB_DEFINITIONS,
      createJobHandlers({
        ...jobHandlerDeps(services),
        queue: services.jobQueue,
        now: () => new Date(),
      }),
    );
    worker = services.jobQueue.createWorker(registry, { concurrency: 1, logger: SILENT });
    worker.start();
  });
  afterEach(async () => {
    await worker.drain(2_000);
    await t.close();
  });

  const generate = (payload: object, account = owner) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ai/strategy/generate-calendar',
      headers: account.auth,
      payload: { business_id: businessId, ...payload },
    });
  const jobOf = async (id: string) =>
    (await t.app.inject({ url: `/api/jobs/${id}`, headers: owner.auth })).json<Job>();
  const finished = (id: string) =>
    vi.waitFor(
      async () => {
        const job = await jobOf(id);
        expect(['succeeded', 'dead', 'failed']).toContain(job.state);
        return job;
      },
      { timeout: 20_000, interval: 100 },
    );

  it('plans a two-week calendar offline as a job and saves dated ideas in the workspace time zone', async () => {
    const accepted = await generate({
      start_date: '2026-03-23',
      weeks: 2,
      channels: ['instagram', 'linkedin', 'email'],
    });
    expect(accepted.statusCode).toBe(202);
    const job = await finished(accepted.json<{ job_id: string }>().job_id);
    expect(job.state).toBe('succeeded');
    expect(job.progress).toBe(100);
    const result = job.result as CalendarJobResult;
    expect(result.offline).toBe(true);
    expect(result.content_item_ids.length).toBeGreaterThan(6);

    const list = await t.app.inject({
      url: `/api/content?business_id=${businessId}&from=2026-03-23T00:00:00Z&to=2026-04-06T00:00:00Z&limit=100`,
      headers: owner.auth,
    });
    const items = list.json<{ items: ContentItem[] }>().items;
    expect(items).toHaveLength(result.content_item_ids.length);
    expect(new Set(items.map((i) => i.channel))).toEqual(new Set(['instagram', 'linkedin', 'email']));
    expect(items.every((i) => i.status === 'idea' && i.pillar)).toBe(true);
    // No two items share a channel and a time.
    expect(new Set(items.map((i) => `${i.channel}|${i.scheduled_at}`)).size).toBe(items.length);
    // The clocks change on 2026-03-29 in London: times before are UTC+0, after are UTC+1, and every item
    // keeps a planned local time (whole quarter hours) rather than drifting by the offset.
    const local = items.map((i) =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(i.scheduled_at ?? '')),
    );
    expect(local.every((time) => /^\d\d:(00|15|30|45)$/.test(time))).toBe(true);
  });

  it('writes full drafts when asked, within every channel limit', async () => {
    const accepted = await generate({
      start_date: '2026-05-04',
      weeks: 1,
      channels: ['x', 'bluesky'],
      detail: 'drafts',
    });
    const job = await finished(accepted.json<{ job_id: string }>().job_id);
    expect(job.state).toBe('succeeded');
    const result = job.result as CalendarJobResult;
    expect(result.ai_call_ids.length).toBe(result.content_item_ids.length + 1);
    const items = (
      await t.app.inject({ url: `/api/content?business_id=${businessId}&limit=100`, headers: owner.auth })
    ).json<{ items: ContentItem[] }>().items;
    expect(items.every((i) => i.status === 'draft' && i.body.length > 20)).toBe(true);
  });

  it('is idempotent per request key, and checks rights before queueing', async () => {
    const body = { start_date: '2026-03-23', weeks: 1, channels: ['instagram'], request_key: 'launch-plan' };
    const first = (await generate(body)).json<{ job_id: string }>().job_id;
    const again = (await generate(body)).json<{ job_id: string }>().job_id;
    expect(again).toBe(first);

    const stranger = await registerAccount(t.app);
    expect((await generate(body, stranger)).statusCode).toBe(404);
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, { id: businessId } as never, viewer, 'viewer');
    expect((await generate(body, viewer)).statusCode).toBe(403);
    const invalid = await generate({ start_date: 'soon', weeks: 20, channels: [] });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json<Problem>()
        .errors?.map((e) => e.path)
        .sort(),
    ).toEqual(['body.channels', 'body.start_date', 'body.weeks']);
    await finished(first);
  });

  it('keeps a campaign’s calendar inside the campaign’s dates, spread over them, and says the range was narrowed', async () => {
    const campaign = await createCampaign(t.app, owner, businessId, {
      name: 'Christmas orders',
      channels: ['instagram', 'email'],
      start_date: '2026-12-07',
      end_date: '2026-12-24',
    });
    // What the dialog asked before: four weeks from a day before the campaign, running to 31 December.
    const accepted = await generate({
      start_date: '2026-12-04',
      weeks: 4,
      channels: ['instagram', 'email'],
      cadence: { instagram: 3, email: 1 },
      campaign_id: campaign.id,
    });
    expect(accepted.statusCode).toBe(202);
    const job = await finished(accepted.json<{ job_id: string }>().job_id);
    expect(job.state).toBe('succeeded');
    const result = job.result as CalendarJobResult;
    expect(result.adjustments).toContainEqual(
      expect.objectContaining({ code: 'range_narrowed', message: expect.stringContaining('2026-12-24') }),
    );

    const items = (
      await t.app.inject({
        url: `/api/content?business_id=${businessId}&campaign_id=${campaign.id}&limit=100`,
        headers: owner.auth,
      })
    ).json<{ items: ContentItem[] }>().items;
    const localDate = (iso: string | null) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso ?? ''));
    const dates = items.map((item) => localDate(item.scheduled_at));
    expect(dates.every((date) => date >= '2026-12-07' && date <= '2026-12-24')).toBe(true);
    // 18 days at 3 + 1 a week: about 10 posts, spread out, not the 16 of four weeks piled on the last day.
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.length).toBeLessThanOrEqual(12);
    const perDay = new Map<string, number>();
    for (const date of dates) perDay.set(date, (perDay.get(date) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(2);
  });

  it('refuses at once a campaign calendar whose dates miss the campaign entirely', async () => {
    const campaign = await createCampaign(t.app, owner, businessId, {
      start_date: '2026-12-07',
      end_date: '2026-12-24',
    });
    const refused = await generate({
      start_date: '2027-01-04',
      weeks: 2,
      channels: ['instagram'],
      campaign_id: campaign.id,
    });
    expect(refused.statusCode).toBe(400);
    const body = refused.json<Problem>();
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'body.start_date', message: expect.stringContaining('2026-12-07') }),
    ]);
  });
});
