import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { verifySignatureHeader } from '#server/integrations/signed-delivery.js';
import { BullmqJobQueue } from '#server/jobs/bullmq/bullmq-queue.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { type AppJobDefinitions, JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import { createRepositories } from '#server/repositories/index.js';
import type { ConnectorWithSecret, PublishAttempt } from '#shared/connector.schema.js';
import type { ContentHistoryEntry, ContentItem } from '#shared/content.schema.js';
import type { LiveEvent } from '#shared/events.schema.js';
import type { Job, JobPage } from '#shared/jobs.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import { publishRequestSchema } from '#shared/webhook-events.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { createSqliteTestDatabase, describeEachDialect, type TestDatabase } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Scheduled publishing end to end: the real app, the real job runtime (fast backoff and polling) and a
// real HTTP receiver on 127.0.0.1 (allowed by OUTBOUND_ALLOWED_HOSTS). Items are scheduled a second or
// two ahead, because scheduling in the past is refused; the job runs at that time. The same suite runs on
// the in-process queue (both databases) and on BullMQ in Redis (scale-out mode).

const SILENT = { warn() {}, error() {} };
const FAST_BACKOFF = { baseMs: 50, maxMs: 100 };
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
/**
 * How far ahead an item is scheduled when the test only waits for it: enough for the one or two requests
 * a test makes before the time (reading the queued job), short because every test waits it out.
 */
const LEAD_MS = 500;
/** Ahead of three items a test schedules and then cancels one by one: each must be cancelled in time. */
const CANCEL_LEAD_MS = 1_200;

/** A queue for the app's jobs and how to throw it away. */
type QueueFactory = (
  testDb: TestDatabase,
) => Promise<{ queue: JobQueue<AppJobDefinitions>; dispose(): Promise<void> }>;

const inProcessQueue: QueueFactory = async (testDb) => ({
  queue: new InProcessJobQueue({
    jobs: createRepositories(testDb.database.db, testDb.database.dialect).jobs,
    definitions: JOB_DEFINITIONS,
    pollIntervalMs: 25,
    backoff: FAST_BACKOFF,
  }),
  dispose: async () => {},
});

const bullmqQueue: QueueFactory = async () => {
  const prefix = testRedisPrefix();
  const queue = new BullmqJobQueue({
    url: TEST_REDIS_URL,
    prefix,
    definitions: JOB_DEFINITIONS,
    leaseMs: 5_000,
    backoff: FAST_BACKOFF,
  });
  return { queue, dispose: () => deleteRedisPrefix(prefix) };
};

describeEachDialect('scheduled publishing', (create) => publishingSuite(create, inProcessQueue));

describe.skipIf(Boolean(redisSkipReason))('scheduled publishing on BullMQ [sqlite]', () =>
  publishingSuite(createSqliteTestDatabase, bullmqQueue),
);

function publishingSuite(create: () => Promise<TestDatabase>, makeQueue: QueueFactory): void {
  let t: TestApp;
  let disposeQueue: () => Promise<void>;
  let runtime: JobRuntime;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;
  let events: LiveEvent[];
  let dataDir: string;

  beforeEach(async () => {
    const testDb = await create();
    const { queue, dispose } = await makeQueue(testDb);
    disposeQueue = dispose;
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-publishing-'));
    t = await createTestApp(
      testDb,
      { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: 'https://mcc.example' },
      { jobQueue: queue },
    );
    const { services } = t;
    runtime = await startJobRuntime({
      queue,
      handlerDeps: jobHandlerDeps(services),
      runWorker: true,
      concurrency: 2,
      logger: SILENT,
      events: services.events,
    });
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    events = [];
    await services.events.subscribe(businessId, (event) => events.push(event));
  });
  afterEach(async () => {
    await runtime.stop(2_000);
    await t.close();
    await receiver.close();
    await disposeQueue();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const addConnector = async (fields: object = {}) => {
    const response = await call('POST', '/api/connectors', {
      business_id: businessId,
      kind: 'webhook',
      name: 'Zapier',
      settings: { url: receiver.url },
      ...fields,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<ConnectorWithSecret>();
  };
  const itemOf = async (id: string) => (await call('GET', `/api/content/${id}`)).json<ContentItem>();
  const move = async (id: string, to: string, extra: object = {}) => {
    const response = await call('POST', `/api/content/${id}/transition`, {
      to,
      version: (await itemOf(id)).version,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ContentItem>();
  };
  /**
   * A Facebook draft (Instagram would need media) walked to scheduled by the owner, `inMs` after the moment it is scheduled (taken
   * then, not before the walk, so a slow machine does not schedule it in the past).
   */
  const schedule = async (inMs: number, fields: object = {}) => {
    const item = await createContent(t.app, owner, businessId, {
      channel: 'facebook',
      body: 'Hot cross buns, out of the oven at 7.',
      hashtags: ['#easter', '#bakery'],
      call_to_action: 'Order ahead',
      ...fields,
    });
    await move(item.id, 'in_review');
    await move(item.id, 'approved');
    const version = (await itemOf(item.id)).version;
    const response = await call('POST', `/api/content/${item.id}/transition`, {
      to: 'scheduled',
      version,
      scheduled_at: soon(inMs),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ContentItem & { scheduled_at: string }>();
  };
  const settled = (id: string) =>
    vi.waitFor(
      async () => {
        const item = await itemOf(id);
        expect(['published', 'failed']).toContain(item.status);
        return item;
      },
      { timeout: 15_000, interval: 50 },
    );
  const attemptsOf = async (id: string) =>
    (await call('GET', `/api/content/${id}/publish-attempts`)).json<{ items: PublishAttempt[] }>().items;
  const publishJobs = async (state?: string) =>
    (await call('GET', `/api/jobs?business_id=${businessId}${state ? `&state=${state}` : ''}`))
      .json<JobPage>()
      .items.filter((job) => job.name === 'content.publish');

  it('publishes a scheduled item at its time as a signed POST, and shows it on the item', async () => {
    const { connector, secret } = await addConnector();
    receiver.script({
      status: 200,
      body: JSON.stringify({ id: 'post-81', url: 'https://social.example/p/81' }),
    });
    // Longer than the others: the job is read while still queued.
    const item = await schedule(2 * LEAD_MS);
    const at = item.scheduled_at;
    const [job] = await publishJobs();
    expect(job).toMatchObject({ state: 'queued', run_at: at });

    const published = await settled(item.id);
    expect(published).toMatchObject({ status: 'published', publish_error: null, scheduled_at: at });
    expect(Date.parse(published.published_at ?? '')).toBeGreaterThanOrEqual(Date.parse(at));
    const [request] = receiver.requests;
    expect(receiver.requests).toHaveLength(1);
    expect(request?.at.getTime()).toBeGreaterThanOrEqual(Date.parse(at));
    expect(request?.headers['x-mcc-event']).toBe('content.publish');
    expect(request?.headers['idempotency-key']).toBe(`${item.id}@${at}`);
    const signature = String(request?.headers['x-mcc-signature']);
    expect(verifySignatureHeader(secret ?? '', request?.body ?? '', signature, Date.now() / 1000)).toBe(true);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      type: 'content.publish',
      id: item.id,
      business_id: businessId,
      channel: 'facebook',
      format: 'post',
      body: 'Hot cross buns, out of the oven at 7.',
      hashtags: ['#easter', '#bakery'],
      call_to_action: 'Order ahead',
      scheduled_at: at,
      campaign_id: null,
      attempt: 1,
    });

    expect(await attemptsOf(item.id)).toEqual([
      expect.objectContaining({
        connector_id: connector.id,
        connector_kind: 'webhook',
        attempt: 1,
        outcome: 'succeeded',
        status_code: 200,
        failure_kind: null,
        external_id: 'post-81',
        external_url: 'https://social.example/p/81',
        scheduled_at: at,
      }),
    ]);
    const history = (await call('GET', `/api/content/${item.id}/history`)).json<{
      items: ContentHistoryEntry[];
    }>();
    expect(history.items.at(-1)).toMatchObject({ action: 'published', actor_user_id: null });
    await vi.waitFor(() =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'content.published',
          data: {
            content_item_id: item.id,
            connector_id: connector.id,
            external_url: 'https://social.example/p/81',
          },
        }),
      ),
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'content.changed',
        data: { content_item_ids: [item.id], change: 'status' },
      }),
    );
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/mcc_publish_attempts_total\{connector="webhook",outcome="succeeded"\} 1/);

    // The attempts are the item's: another workspace's member gets the same 404 as for a missing item.
    const stranger = await registerAccount(t.app);
    await createBusiness(t.app, stranger, 'Elsewhere');
    const foreign = await t.app.inject({
      url: `/api/content/${item.id}/publish-attempts`,
      headers: stranger.auth,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('sends the attached media as signed links that need no sign-in, cut to the network’s shapes', async () => {
    await addConnector();
    receiver.script({ status: 200, body: '{}' });
    // A phone's 9:16 portrait: taller than Instagram's 4:5, so Instagram gets the 4:5 crop.
    const body = multipartFile(await noisyPng(270, 480), {
      fileName: 'Window.png',
      contentType: 'image/png',
    });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const photo = uploaded.json<MediaItem>();
    await call('PATCH', `/api/media/${photo.id}`, { alt_text: 'The shop window at dusk' });
    const draft = await createContent(t.app, owner, businessId, { channel: 'instagram' });
    const attached = await call('PUT', `/api/content/${draft.id}/media`, {
      version: draft.version,
      media_ids: [photo.id],
    });
    expect(attached.statusCode, attached.body).toBe(200);
    await move(draft.id, 'in_review');
    await move(draft.id, 'approved');
    await move(draft.id, 'scheduled', { scheduled_at: soon(LEAD_MS) });
    expect((await settled(draft.id)).status).toBe('published');

    // The body is exactly what the OpenAPI document's `content.publish` webhook describes.
    const sent = publishRequestSchema.strict().parse(JSON.parse(receiver.requests[0]?.body ?? '{}'));
    expect(sent.media).toEqual([
      {
        id: photo.id,
        kind: 'image',
        name: 'Window.jpg',
        mime_type: 'image/jpeg',
        width: 270,
        height: 338,
        alt_text: 'The shop window at dusk',
        url: expect.stringMatching(
          new RegExp(
            `^https://mcc\\.example/api/media/signed/${businessId}/${photo.id}/portrait\\.jpg\\?expires=`,
          ),
        ),
        expires_at: expect.any(String),
      },
    ]);
    const link = new URL(sent.media[0]?.url ?? '');
    const fetched = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toBe('image/jpeg');
    expect(await sharp(fetched.rawPayload).metadata()).toMatchObject({
      format: 'jpeg',
      width: 270,
      height: 338,
    });
    // A week to fetch it: a receiver may queue the post.
    const expiresIn = Date.parse(sent.media[0]?.expires_at ?? '') - Date.now();
    expect(expiresIn).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * 24 * 3600_000);
  });

  it('retries a 500 with backoff and publishes on the second attempt', async () => {
    await addConnector();
    receiver.script({ status: 500, body: 'deploying' }, { status: 200 });
    const item = await schedule(LEAD_MS);
    expect((await settled(item.id)).status).toBe('published');
    const attempts = await attemptsOf(item.id);
    expect(attempts.map((a) => [a.attempt, a.outcome, a.status_code, a.failure_kind])).toEqual([
      [1, 'retrying', 500, 'retryable'],
      [2, 'succeeded', 200, null],
    ]);
    expect(attempts[0]?.error).toBe('The receiver answered HTTP 500');
    expect(receiver.requests.map((request) => JSON.parse(request.body).attempt)).toEqual([1, 2]);
    // Both attempts carry the same idempotency key, so a receiver can drop a repeat.
    expect(new Set(receiver.requests.map((request) => request.headers['idempotency-key'])).size).toBe(1);
  });

  it('fails on a 400 after one attempt with the reason, and publishes when scheduled again', async () => {
    await addConnector({ name: 'Make' });
    receiver.script({ status: 400, body: 'caption too long' });
    const item = await schedule(LEAD_MS);
    const failed = await settled(item.id);
    expect(failed.status).toBe('failed');
    expect(failed.publish_error).toBe('“Make” refused the item: The receiver answered HTTP 400');
    expect(failed.published_at).toBeNull();
    const [attempt] = await attemptsOf(item.id);
    expect(await attemptsOf(item.id)).toHaveLength(1);
    expect(attempt).toMatchObject({ outcome: 'failed', failure_kind: 'rejected', status_code: 400 });
    const [job] = await publishJobs();
    await vi.waitFor(async () =>
      expect((await call('GET', `/api/jobs/${job?.id}`)).json<Job>().state).toBe('dead'),
    );
    expect(receiver.requests).toHaveLength(1);
    await vi.waitFor(() =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'content.failed',
          data: { content_item_id: item.id, failure_kind: 'rejected', reason: failed.publish_error },
        }),
      ),
    );

    // A failed item is scheduled again (after fixing the receiver, say) and goes out.
    await move(item.id, 'scheduled', { scheduled_at: soon(LEAD_MS) });
    const retried = await settled(item.id);
    expect(retried).toMatchObject({ status: 'published', publish_error: null });
    expect(receiver.requests).toHaveLength(2);
  });

  it('fails with “no connector” when nothing publishes the channel', async () => {
    // One connector for another channel only, one disabled: neither may publish a Facebook item.
    await addConnector({ channels: ['linkedin'] });
    await addConnector({ name: 'Off', enabled: false });
    const item = await schedule(LEAD_MS);
    const failed = await settled(item.id);
    expect(failed.status).toBe('failed');
    expect(failed.publish_error).toMatch(/^No publishing connector is set up for facebook/);
    expect(await attemptsOf(item.id)).toEqual([
      expect.objectContaining({
        connector_id: null,
        outcome: 'failed',
        failure_kind: 'no_connector',
        attempt: 1,
      }),
    ]);
    expect(receiver.requests).toHaveLength(0);
  });

  it('moves the job with the item: only one publication, at the new time', async () => {
    await addConnector();
    // Far ahead at first, so a slow machine cannot reach those times before the moves.
    const item = await schedule(60_000);
    const [first] = await publishJobs();
    // Moved once by editing the time, once by a bulk reschedule (the calendar's drag and drop).
    const second = soon(50_000);
    const edit = await call('PATCH', `/api/content/${item.id}`, {
      version: (await itemOf(item.id)).version,
      scheduled_at: second,
    });
    expect(edit.json<ContentItem>()).toMatchObject({ status: 'scheduled', scheduled_at: second });
    const third = soon(LEAD_MS);
    const bulk = await call('POST', '/api/content/bulk', {
      business_id: businessId,
      ids: [item.id],
      action: 'reschedule',
      scheduled_at: third,
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const cancelled = await publishJobs('cancelled');
    expect(cancelled.map((job) => job.id)).toContain(first?.id);
    expect(cancelled).toHaveLength(2);

    const published = await settled(item.id);
    expect(published).toMatchObject({ status: 'published', scheduled_at: third });
    // The two earlier jobs stay cancelled: they never run, so the one request is the only one there will be.
    expect((await publishJobs('cancelled')).map((job) => job.id)).toEqual(cancelled.map((job) => job.id));
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.at.getTime()).toBeGreaterThanOrEqual(Date.parse(third));
    expect(JSON.parse(receiver.requests[0]?.body ?? '{}').scheduled_at).toBe(third);
  });

  it('cancels the job when the item is unscheduled, edited back to draft or deleted', async () => {
    await addConnector();
    const unscheduled = await schedule(CANCEL_LEAD_MS);
    await move(unscheduled.id, 'approved');
    const edited = await schedule(CANCEL_LEAD_MS);
    const draft = await call('PATCH', `/api/content/${edited.id}`, {
      version: (await itemOf(edited.id)).version,
      body: 'Hot cross buns, now with orange peel.',
    });
    expect(draft.json<ContentItem>().status).toBe('draft');
    const deleted = await schedule(CANCEL_LEAD_MS);
    expect((await call('DELETE', `/api/content/${deleted.id}`)).statusCode).toBe(204);

    const jobs = await publishJobs();
    expect(jobs.map((job) => job.state)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    // A later item goes out after all three times have passed: the worker runs due jobs in time order,
    // so had a cancelled one run, its request would have come first.
    const latest = Math.max(...[unscheduled, edited, deleted].map((item) => Date.parse(item.scheduled_at)));
    const sentinel = await schedule(Math.max(latest - Date.now(), 0) + 300, { body: 'Sentinel' });
    expect((await settled(sentinel.id)).status).toBe('published');
    expect(receiver.requests.map((request) => JSON.parse(request.body).id)).toEqual([sentinel.id]);
    expect((await itemOf(unscheduled.id)).status).toBe('approved');
    expect(await attemptsOf(unscheduled.id)).toEqual([]);
  });

  it('never publishes an item twice: a duplicate job and a late one find it taken or done', async () => {
    await addConnector();
    const item = await schedule(LEAD_MS);
    const at = item.scheduled_at;
    const [job] = await publishJobs();
    // A second job for the same schedule (a cancel that came too late would leave one like it).
    const duplicate = await t.services.jobQueue.enqueue({
      name: 'content.publish',
      businessId,
      payload: { content_item_id: item.id, scheduled_at: at },
      runAt: new Date(at),
      idempotencyKey: 'duplicate',
    });
    expect((await settled(item.id)).status).toBe('published');
    const finished = async (id: string) =>
      vi.waitFor(
        async () => {
          const state = (await call('GET', `/api/jobs/${id}`)).json<Job>();
          expect(state.state).toBe('succeeded');
          return state;
        },
        { timeout: 10_000, interval: 50 },
      );
    const results = [await finished(job?.id ?? ''), await finished(duplicate)].map((done) => done.result);
    expect(results).toContainEqual(expect.objectContaining({ outcome: 'published' }));
    expect(results).toContainEqual(
      expect.objectContaining({
        outcome: 'skipped',
        reason: expect.stringMatching(/^(held_by_other_job|already_published|claimed_meanwhile)$/),
      }),
    );
    // A publish job arriving after the fact (a late redelivery of the queue, say) does nothing, and says so.
    const late = await t.services.jobQueue.enqueue({
      name: 'content.publish',
      businessId,
      payload: { content_item_id: item.id, scheduled_at: at },
      idempotencyKey: 'late',
    });
    expect((await finished(late)).result).toEqual({ outcome: 'skipped', reason: 'already_published' });
    expect(receiver.requests).toHaveLength(1);
    expect(await attemptsOf(item.id)).toHaveLength(1);
  });
}

describeEachDialect('scheduled publishing when the queue is away', (create) => {
  let t: TestApp;
  afterEach(() => t.close());

  it('marks the item failed with the reason and answers 503, rather than leaving it scheduled for never', async () => {
    const testDb = await create();
    const { queue } = await inProcessQueue(testDb);
    const away = new Proxy(queue, {
      get: (target, key, receiver) =>
        key === 'enqueue'
          ? async () => {
              throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
            }
          : Reflect.get(target, key, receiver),
    });
    t = await createTestApp(testDb, {}, { jobQueue: away });
    const owner = await registerAccount(t.app);
    const businessId = (await createBusiness(t.app, owner)).id;
    const events: LiveEvent[] = [];
    await t.services.events.subscribe(businessId, (event) => events.push(event));
    const item = await createContent(t.app, owner, businessId, { scheduled_at: soon(60_000) });
    const move = async (to: string) => {
      const { version } = (
        await t.app.inject({ url: `/api/content/${item.id}`, headers: owner.auth })
      ).json<ContentItem>();
      return t.app.inject({
        method: 'POST',
        url: `/api/content/${item.id}/transition`,
        headers: owner.auth,
        payload: { to, version },
      });
    };
    await move('in_review');
    await move('approved');
    const scheduled = await move('scheduled');
    expect(scheduled.statusCode).toBe(503);
    expect(scheduled.json()).toMatchObject({ code: 'service_unavailable' });
    const now = (
      await t.app.inject({ url: `/api/content/${item.id}`, headers: owner.auth })
    ).json<ContentItem>();
    expect(now.status).toBe('failed');
    expect(now.publish_error).toBe(
      'Publishing could not be scheduled (connect ECONNREFUSED 127.0.0.1:6379); schedule the item again',
    );
    await vi.waitFor(() =>
      expect(events).toContainEqual(
        expect.objectContaining({
          type: 'content.failed',
          data: expect.objectContaining({ content_item_id: item.id, failure_kind: 'not_queued' }),
        }),
      ),
    );
  });
});
