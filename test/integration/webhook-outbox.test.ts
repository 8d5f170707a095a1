import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import { createRepositories } from '#server/repositories/index.js';
import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';
import type { WebhookDelivery, WebhookDeliveryDetail, WebhookWithSecret } from '#shared/webhook.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// The transactional outbox: deliveries are written with the change and relayed after the commit; what
// the relay could not queue stays in the outbox until a sweep queues it, once. The kill -9 case, with
// real processes, is in webhook-outbox-crash.test.ts.

describeEachDialect('the webhook outbox', (create) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;
  let queueDown: boolean;

  beforeEach(async () => {
    // The queue's store is away while `queueDown`: every enqueue fails, as with Redis stopped.
    queueDown = false;
    const failingOnDemand = (inner: JobQueue<AppJobDefinitions>) =>
      new Proxy(inner, {
        get(target, property) {
          if (property === 'enqueue' && queueDown) return async () => Promise.reject(new Error('queue down'));
          const value = Reflect.get(target, property);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    ({ t, stop } = await startAppWithJobs(await create(), { wrapQueue: failingOnDemand }));
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await stop();
    await receiver.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const register = async () =>
    (
      await call('POST', '/api/webhooks', {
        business_id: businessId,
        url: receiver.url,
        events: ['content.changed'],
      })
    ).json<WebhookWithSecret>().webhook;
  const outbox = () => t.database.db.selectFrom('webhook_outbox').selectAll().execute();
  const deliverJobs = () =>
    t.database.db.selectFrom('jobs').select('payload').where('name', '=', 'webhook.deliver').execute();
  const failuresCounted = async () =>
    /mcc_webhook_dispatch_failures_total [1-9]/.test((await t.app.inject({ url: '/metrics' })).body);
  const settled = (webhookId: string, deliveryId: string) =>
    vi.waitFor(
      async () => {
        const detail = (
          await call('GET', `/api/webhooks/${webhookId}/deliveries/${deliveryId}`)
        ).json<WebhookDeliveryDetail>();
        expect(detail.status).toBe('succeeded');
        return detail;
      },
      { timeout: 10_000, interval: 25 },
    );

  it('writes no delivery, and announces nothing, for a change that rolls back', async () => {
    await register();
    const live: LiveEvent[] = [];
    const subscription = await t.services.events.subscribe(businessId, (event) => live.push(event));
    const event: NewLiveEvent = {
      type: 'content.changed',
      business_id: businessId,
      data: { content_item_ids: [], change: 'created' },
    };
    const repos = createRepositories(t.database.db, t.database.dialect);
    await expect(
      repos.transaction(async (trx) => {
        await t.services.events.emitWithin(trx, event);
        throw new Error('the change failed after announcing');
      }),
    ).rejects.toThrow(/the change failed/);
    await repos.transaction((trx) => t.services.events.emitWithin(trx, event));
    await receiver.waitForRequests(1);
    subscription();
    // Only the committed announcement went anywhere: one delivery, one request, one live event.
    expect(await t.database.db.selectFrom('webhook_deliveries').selectAll().execute()).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
    expect(live.map((e) => e.type)).toEqual(['content.changed']);
  });

  it('keeps a change’s delivery in the outbox while the queue is down, and the sweep sends it once', async () => {
    const webhook = await register();
    queueDown = true;
    const item = await call('POST', '/api/content', {
      business_id: businessId,
      channel: 'linkedin',
      body: 'Fresh sourdough every morning',
    });
    expect(item.statusCode, item.body).toBe(201);
    await vi.waitFor(async () => expect(await failuresCounted()).toBe(true), {
      timeout: 5_000,
      interval: 25,
    });
    const [delivery] = (await call('GET', `/api/webhooks/${webhook.id}/deliveries`)).json<{
      items: WebhookDelivery[];
    }>().items;
    expect(delivery).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await outbox()).toEqual([
      { delivery_id: delivery?.id, business_id: businessId, created_at: expect.any(String) },
    ]);

    queueDown = false;
    expect(await t.services.webhookOutbox.sweep()).toBe(1);
    expect(await t.services.webhookOutbox.sweep()).toBe(0);
    await settled(webhook.id, delivery?.id ?? '');
    expect(await outbox()).toEqual([]);
    expect(await deliverJobs()).toHaveLength(1);
    expect(receiver.requests.map((request) => request.headers['x-mcc-delivery'])).toEqual([delivery?.id]);
  });

  it('accepts a test delivery while the queue is down and sends it when the sweep runs', async () => {
    const webhook = await register();
    queueDown = true;
    const queued = await call('POST', `/api/webhooks/${webhook.id}/test`);
    expect(queued.statusCode, queued.body).toBe(202);
    const delivery = queued.json<WebhookDelivery>();
    expect(delivery.status).toBe('pending');
    expect(await outbox()).toHaveLength(1);

    queueDown = false;
    // The periodic sweep of a running process, here started by hand.
    expect(await t.services.webhookOutbox.sweep()).toBe(1);
    await settled(webhook.id, delivery.id);
    expect(await deliverJobs()).toHaveLength(1);
    expect(receiver.requests).toHaveLength(1);
  });
});
