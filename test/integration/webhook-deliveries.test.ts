import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { verifySignatureHeader } from '#server/integrations/signed-delivery.js';
import type { Job, JobPage } from '#shared/jobs.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type {
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEventPayload,
  WebhookWithSecret,
} from '#shared/webhook.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Deliveries end to end: the real app, the real job runtime (fast backoff) and a real HTTP receiver on
// 127.0.0.1, which the app's OUTBOUND_ALLOWED_HOSTS permits.

describeEachDialect('webhook deliveries', (create) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    ({ t, stop } = await startAppWithJobs(await create(), {
      backoff: { baseMs: 50, maxMs: 100 },
      concurrency: 2,
      announceJobs: true,
    }));
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await stop();
    await receiver.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const register = async (events: string[] = ['content.changed'], url = receiver.url) => {
    const response = await call('POST', '/api/webhooks', { business_id: businessId, url, events });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<WebhookWithSecret>();
  };
  const deliveries = async (webhookId: string) =>
    (await call('GET', `/api/webhooks/${webhookId}/deliveries`)).json<{ items: WebhookDelivery[] }>().items;
  const settled = (webhookId: string, deliveryId: string) =>
    vi.waitFor(
      async () => {
        const detail = (
          await call('GET', `/api/webhooks/${webhookId}/deliveries/${deliveryId}`)
        ).json<WebhookDeliveryDetail>();
        expect(['succeeded', 'failed']).toContain(detail.status);
        return detail;
      },
      { timeout: 15_000, interval: 50 },
    );
  const sendTest = async (webhookId: string) => {
    const response = await call('POST', `/api/webhooks/${webhookId}/test`);
    expect(response.statusCode, response.body).toBe(202);
    return response.json<WebhookDelivery>();
  };

  it('sends a signed test event the receiver can verify, and logs the attempt', async () => {
    const { webhook, secret } = await register();
    const queued = await sendTest(webhook.id);
    expect(queued).toMatchObject({ webhook_id: webhook.id, event_type: 'webhook.test', status: 'pending' });

    const [request] = await receiver.waitForRequests(1);
    const body = JSON.parse(request?.body ?? '') as WebhookEventPayload;
    expect(body).toEqual({
      id: queued.event_id,
      type: 'webhook.test',
      business_id: businessId,
      created_at: expect.any(String),
      data: { webhook_id: webhook.id, message: expect.any(String) },
    });
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-mcc-event': 'webhook.test',
      'x-mcc-event-id': queued.event_id,
      'x-mcc-delivery': queued.id,
    });
    const signature = String(request?.headers['x-mcc-signature']);
    expect(verifySignatureHeader(secret, request?.body ?? '', signature, Date.now() / 1000)).toBe(true);
    expect(verifySignatureHeader('whsec_wrong', request?.body ?? '', signature, Date.now() / 1000)).toBe(
      false,
    );

    const detail = await settled(webhook.id, queued.id);
    expect(detail).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      last_status_code: 200,
      last_error: null,
      response_headers: { 'content-type': 'text/plain' },
      next_attempt_at: null,
      delivered_at: expect.any(String),
      payload: body,
    });
    expect(detail.last_duration_ms).toBeGreaterThanOrEqual(0);
    expect(detail.attempt_log).toEqual([
      {
        attempt: 1,
        outcome: 'succeeded',
        status_code: 200,
        error: null,
        duration_ms: expect.any(Number),
        created_at: expect.any(String),
      },
    ]);
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/mcc_webhook_deliveries_total\{outcome="succeeded"\} 1/);
    expect(metrics.body).toMatch(/mcc_webhook_delivery_duration_seconds_count\{outcome="succeeded"\} 1/);
  });

  it('retries a 500 with backoff until the receiver accepts (attempts = 2)', async () => {
    receiver.script({ status: 500, body: 'down for a moment' }, { status: 202 });
    const { webhook } = await register();
    const queued = await sendTest(webhook.id);
    const detail = await settled(webhook.id, queued.id);
    expect(detail).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      last_status_code: 202,
      last_error: null,
    });
    expect(detail.attempt_log.map((a) => [a.attempt, a.outcome, a.status_code])).toEqual([
      [1, 'retryable', 500],
      [2, 'succeeded', 202],
    ]);
    expect(detail.attempt_log[0]?.error).toMatch(/HTTP 500/);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0]?.body).toBe(receiver.requests[1]?.body);
  });

  it('gives up on a 4xx after one attempt, and the job is dead with the reason', async () => {
    receiver.script({ status: 410, body: 'gone' });
    const { webhook } = await register();
    const queued = await sendTest(webhook.id);
    const detail = await settled(webhook.id, queued.id);
    expect(detail).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_status_code: 410,
      response_headers: { 'content-type': 'text/plain' },
      last_error: 'The receiver answered HTTP 410',
    });
    const jobs = await vi.waitFor(async () => {
      const page = (await call('GET', `/api/jobs?business_id=${businessId}&state=dead`)).json<JobPage>();
      expect(page.items).toHaveLength(1);
      return page.items;
    });
    // Dead is final: no retry is scheduled, so the one request is all there will be.
    expect(jobs[0]).toMatchObject({ name: 'webhook.deliver', attempts: 1 } satisfies Partial<Job>);
    expect(receiver.requests).toHaveLength(1);
  });

  it('refuses at delivery time a redirect to the metadata address, and records it as blocked', async () => {
    receiver.script({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const { webhook } = await register();
    const detail = await settled(webhook.id, (await sendTest(webhook.id)).id);
    expect(detail).toMatchObject({ status: 'failed', attempts: 1, last_status_code: null });
    expect(detail.last_error).toMatch(/169\.254\.169\.254.*redirected/);
    expect(detail.attempt_log.map((a) => a.outcome)).toEqual(['blocked']);
    expect(receiver.requests).toHaveLength(1);
  });

  it('fails a delivery whose secret cannot be unsealed, telling to rotate it, and sends nothing', async () => {
    const { webhook } = await register();
    await t.database.db
      .updateTable('webhooks')
      .set({ secret_encrypted: 'v1.sealed.under.another-key' })
      .where('id', '=', webhook.id)
      .execute();
    const detail = await settled(webhook.id, (await sendTest(webhook.id)).id);
    expect(detail).toMatchObject({ status: 'failed', attempts: 1, last_status_code: null });
    expect(detail.last_error).toMatch(/rotate/);
    expect(receiver.requests).toHaveLength(0);
    // Rotating the secret makes the next delivery go through.
    await call('POST', `/api/webhooks/${webhook.id}/rotate-secret`);
    expect((await settled(webhook.id, (await sendTest(webhook.id)).id)).status).toBe('succeeded');
  });

  it('delivers real events to subscribed, enabled webhooks only, once each', async () => {
    // Also subscribed to job.completed: the delivery job's own completion must not loop into deliveries.
    const subscribed = await register(['content.changed', 'job.completed']);
    const other = await register(['message.received']);
    const disabled = await register(['content.changed']);
    await call('PATCH', `/api/webhooks/${disabled.webhook.id}`, { enabled: false });

    const item = await call('POST', '/api/content', {
      business_id: businessId,
      channel: 'linkedin',
      body: 'Fresh sourdough every morning',
    });
    expect(item.statusCode, item.body).toBe(201);
    const [request] = await receiver.waitForRequests(1);
    const body = JSON.parse(request?.body ?? '') as WebhookEventPayload;
    expect(body).toMatchObject({
      type: 'content.changed',
      business_id: businessId,
      data: { content_item_ids: [item.json<{ id: string }>().id], change: 'created' },
    });
    const [delivery] = await deliveries(subscribed.webhook.id);
    await settled(subscribed.webhook.id, delivery?.id ?? '');
    // A job's completion is recorded only after its job.completed deliveries are stored, so once the
    // delivery job reads as succeeded, a looping delivery would already be listed.
    await vi.waitFor(async () => {
      const page = (await call('GET', `/api/jobs?business_id=${businessId}`)).json<JobPage>();
      const deliverJobs = page.items.filter((job) => job.name === 'webhook.deliver');
      expect(deliverJobs.map((job) => job.state)).toEqual(['succeeded']);
    });
    expect(receiver.requests).toHaveLength(1);
    expect(await deliveries(subscribed.webhook.id)).toHaveLength(1);
    expect(await deliveries(other.webhook.id)).toEqual([]);
    expect(await deliveries(disabled.webhook.id)).toEqual([]);
  });

  it('drops deliveries past the retention, with their attempts, in housekeeping', async () => {
    const { webhook } = await register();
    const delivery = await sendTest(webhook.id);
    await settled(webhook.id, delivery.id);
    const sender = t.services.webhookSender;
    expect(await sender.purgeDeliveries(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await deliveries(webhook.id)).toHaveLength(1);
    expect(await sender.purgeDeliveries(new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(await deliveries(webhook.id)).toEqual([]);
    const attempts = await t.database.db.selectFrom('webhook_delivery_attempts').selectAll().execute();
    expect(attempts).toEqual([]);
  });

  it('redelivers the same event as a new delivery, and pages the log newest first', async () => {
    const { webhook } = await register();
    const first = await sendTest(webhook.id);
    await settled(webhook.id, first.id);
    const again = await call('POST', `/api/webhooks/${webhook.id}/deliveries/${first.id}/redeliver`);
    expect(again.statusCode).toBe(202);
    const redelivery = again.json<WebhookDelivery>();
    expect(redelivery.id).not.toBe(first.id);
    expect(redelivery.event_id).toBe(first.event_id);
    await settled(webhook.id, redelivery.id);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]?.body).toBe(receiver.requests[0]?.body);
    expect(receiver.requests[1]?.headers['x-mcc-delivery']).toBe(redelivery.id);

    const third = await sendTest(webhook.id);
    const page1 = await call('GET', `/api/webhooks/${webhook.id}/deliveries?limit=2`);
    const { items, next_cursor } = page1.json<{ items: WebhookDelivery[]; next_cursor: string }>();
    expect(items.map((d) => d.id)).toEqual([third.id, redelivery.id]);
    const page2 = await call('GET', `/api/webhooks/${webhook.id}/deliveries?limit=2&cursor=${next_cursor}`);
    expect(page2.json()).toMatchObject({ items: [{ id: first.id }], next_cursor: null });
    const failed = await call('GET', `/api/webhooks/${webhook.id}/deliveries?status=failed`);
    expect(failed.json()).toEqual({ items: [], next_cursor: null });
    const bad = await call('GET', `/api/webhooks/${webhook.id}/deliveries?cursor=garbage`);
    expect(bad.json<Problem>().errors?.[0]?.path).toBe('query.cursor');
  });
});
