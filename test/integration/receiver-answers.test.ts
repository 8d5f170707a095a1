import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { migrateTo, migrateToLatest, migrationNames } from '#server/db/migrate.js';
import type { JobRuntime } from '#server/jobs/job-runtime.js';
import type { ConnectorWithSecret } from '#shared/connector.schema.js';
import type { WebhookDelivery, WebhookDeliveryDetail, WebhookWithSecret } from '#shared/webhook.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import type { TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// A receiver's answer body never reaches the API: with internal hosts allow-listed, it would let a
// workspace admin read internal services. What is kept: status, timing and a few harmless headers.

const SECRET = 'internal-only-3f9c1a: db_password=hunter2';
const HEADERS = { 'x-request-id': 'req-42', 'x-internal-token': 'tok-9d8e7f', 'set-cookie': 'sid=abc' };

describeEachDialect('what a receiver answered', (create) => {
  let t: TestApp;
  let runtime: JobRuntime;
  let stop: () => Promise<void>;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    ({ t, runtime, stop } = await startAppWithJobs(await create(), { backoff: { baseMs: 20, maxMs: 40 } }));
    receiver = await startWebhookReceiver({ status: 200, body: SECRET, headers: HEADERS });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await stop();
    await receiver.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const settled = (webhookId: string, deliveryId: string) =>
    vi.waitFor(
      async () => {
        const response = await call('GET', `/api/webhooks/${webhookId}/deliveries/${deliveryId}`);
        expect(['succeeded', 'failed']).toContain(response.json<WebhookDeliveryDetail>().status);
        return response;
      },
      { timeout: 10_000, interval: 25 },
    );

  it('keeps a webhook delivery’s status, timing and safe headers, never the body', async () => {
    const created = await call('POST', '/api/webhooks', {
      business_id: businessId,
      url: receiver.url,
      events: ['content.changed'],
    });
    const { webhook } = created.json<WebhookWithSecret>();
    receiver.script(
      { status: 200, body: SECRET, headers: HEADERS },
      { status: 422, body: SECRET, headers: { 'retry-after': '30' } },
    );
    for (const expected of [200, 422]) {
      const queued = (await call('POST', `/api/webhooks/${webhook.id}/test`)).json<WebhookDelivery>();
      const detail = await settled(webhook.id, queued.id);
      expect(detail.body).not.toContain('hunter2');
      expect(detail.json<WebhookDeliveryDetail>()).toMatchObject({
        last_status_code: expected,
        last_duration_ms: expect.any(Number),
        response_headers: expect.objectContaining({ 'content-type': 'text/plain' }),
      });
      expect(detail.json()).not.toHaveProperty('response_snippet');
    }
    const list = await call('GET', `/api/webhooks/${webhook.id}/deliveries`);
    expect(list.body).not.toContain('hunter2');
    const [rejected, accepted] = list.json<{ items: WebhookDelivery[] }>().items;
    expect(accepted?.response_headers).toEqual({ 'content-type': 'text/plain', 'x-request-id': 'req-42' });
    expect(rejected?.response_headers).toMatchObject({ 'retry-after': '30' });
    // Nothing of the body is kept in the database either.
    const rows = await t.database.db.selectFrom('webhook_deliveries').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain('hunter2');
  });

  it('answers a connector test with status, timing and safe headers, never the body', async () => {
    const created = await call('POST', '/api/connectors', {
      business_id: businessId,
      kind: 'webhook',
      name: 'Inside',
      settings: { url: receiver.url },
    });
    const { connector } = created.json<ConnectorWithSecret>();
    receiver.script({ status: 200, body: SECRET, headers: HEADERS }, { status: 500, body: SECRET });
    for (const expected of [200, 500]) {
      const tested = await call('POST', `/api/connectors/${connector.id}/test`);
      expect(tested.statusCode).toBe(200);
      expect(tested.body).not.toContain('hunter2');
      expect(tested.json()).toMatchObject({
        status_code: expected,
        duration_ms: expect.any(Number),
        response_headers: expect.objectContaining({ 'content-type': 'text/plain' }),
      });
      expect(tested.body).not.toContain('tok-9d8e7f');
    }
  });

  it('no longer serves an answer body stored before the upgrade', async () => {
    const created = await call('POST', '/api/webhooks', {
      business_id: businessId,
      url: receiver.url,
      events: ['content.changed'],
    });
    const { webhook } = created.json<WebhookWithSecret>();
    const queued = (await call('POST', `/api/webhooks/${webhook.id}/test`)).json<WebhookDelivery>();
    await settled(webhook.id, queued.id);
    await runtime.stop(2_000);
    const names = migrationNames();
    const db = t.database.db;
    await migrateTo(db, names[names.indexOf('0011-webhook-outbox') - 1] ?? '');
    await sql`update webhook_deliveries set response_snippet = ${SECRET}`.execute(db);
    await migrateToLatest(db);
    const detail = await call('GET', `/api/webhooks/${webhook.id}/deliveries/${queued.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).not.toContain('hunter2');
    const list = await call('GET', `/api/webhooks/${webhook.id}/deliveries`);
    expect(list.body).not.toContain('hunter2');
  });
});
