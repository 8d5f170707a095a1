import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobHandlerDeps, type Services } from '#server/composition-root.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import type { LiveEvent } from '#shared/events.schema.js';
import type { JobPage } from '#shared/jobs.schema.js';
import type { WebhookDelivery, WebhookWithSecret } from '#shared/webhook.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createSqliteTestDatabase, type TestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { buildTestInstance } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

interface Instance {
  app: FastifyInstance;
  services: Services;
}

// Two instances on one database and one Redis (BullMQ queue, Redis event bus), one of them running the
// worker: the Redis bus hands every event to both instances, and still each event is delivered once.
describe.skipIf(Boolean(redisSkipReason))('webhooks in scale-out mode', () => {
  let prefix: string;
  let testDb: TestDatabase;
  let a: Instance;
  let b: Instance;
  let runtime: JobRuntime;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;

  const startInstance = (): Promise<Instance> =>
    buildTestInstance(testDb.database, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
      OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
    });

  beforeEach(async () => {
    prefix = testRedisPrefix();
    testDb = await createSqliteTestDatabase();
    a = await startInstance();
    b = await startInstance();
    runtime = await startJobRuntime({
      queue: a.services.jobQueue,
      handlerDeps: jobHandlerDeps(a.services),
      runWorker: true,
      concurrency: 2,
      logger: { warn() {}, error() {} },
      events: a.services.events,
    });
    receiver = await startWebhookReceiver();
    owner = await registerAccount(a.app);
    businessId = (await createBusiness(a.app, owner)).id;
  });
  afterEach(async () => {
    await runtime.stop(2_000); // drains the worker and closes A's queue
    await a.app.close();
    await b.app.close();
    await b.services.jobQueue.close();
    await receiver.close();
    await testDb.dispose();
    await deleteRedisPrefix(prefix);
  });

  it('delivers an event emitted on instance B once, through the BullMQ worker on A', async () => {
    expect([a.services.jobQueue.kind, a.services.events.kind]).toEqual(['bullmq', 'redis']);
    const created = await b.app.inject({
      method: 'POST',
      url: '/api/webhooks',
      headers: owner.auth,
      payload: { business_id: businessId, url: receiver.url, events: ['content.changed'] },
    });
    const { webhook } = created.json<WebhookWithSecret>();
    const seenOnA: LiveEvent[] = [];
    const subscription = await a.services.events.subscribe(businessId, (event) => seenOnA.push(event));

    const item = await b.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: owner.auth,
      payload: { business_id: businessId, channel: 'linkedin', body: 'Fresh sourdough every morning' },
    });
    expect(item.statusCode, item.body).toBe(201);
    await receiver.waitForRequests(1);
    // Instance A received the event over Redis too, and created no delivery of its own.
    await vi.waitFor(() => expect(seenOnA.map((event) => event.type)).toContain('content.changed'));
    subscription();
    const listed = async () =>
      (await a.app.inject({ url: `/api/webhooks/${webhook.id}/deliveries`, headers: owner.auth })).json<{
        items: WebhookDelivery[];
      }>().items;
    await vi.waitFor(async () =>
      expect(await listed()).toEqual([
        expect.objectContaining({ status: 'succeeded', attempts: 1, last_status_code: 200 }),
      ]),
    );
    // Every delivery job in the shared queue has finished: one A had made of its own would be listed here.
    await vi.waitFor(async () => {
      const jobs = (
        await a.app.inject({ url: `/api/jobs?business_id=${businessId}`, headers: owner.auth })
      ).json<JobPage>().items;
      expect(jobs.filter((job) => job.name === 'webhook.deliver').map((job) => job.state)).toEqual([
        'succeeded',
      ]);
    });
    expect(await listed()).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
  });
});
