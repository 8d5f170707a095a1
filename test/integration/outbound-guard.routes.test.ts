import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import { createRepositories } from '#server/repositories/index.js';
import type { ConnectorTestResult, ConnectorWithSecret } from '#shared/connector.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import type { WebhookDelivery, WebhookDeliveryDetail, WebhookWithSecret } from '#shared/webhook.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// The outbound guard through the API: webhooks and connectors refuse every address that is not public —
// IPv6 forms carrying a loopback IPv4 included — when saved, and again when a name that passed at save
// time resolves inside at send time. No host is allow-listed here; DNS is the test's own map.

/** IPv6 forms that carry 127.0.0.1 (or are loopback, unspecified or otherwise not public). */
const CARRYING_LOOPBACK = [
  '::127.0.0.1',
  '::ffff:127.0.0.1',
  '::ffff:0:127.0.0.1',
  '64:ff9b::7f00:1',
  '64:ff9b:1::7f00:1',
  '2002:7f00:1::',
  '2001:0:4136:e378:8000:63bf:80ff:fffe',
  '::',
  '::1',
];
const OTHER_SPECIAL = [
  '[fe80::1]',
  '[fc00::1]',
  '[ff02::1]',
  '[2001:db8::1]',
  '0.0.0.0',
  '100.64.0.1',
  '169.254.169.254',
  '192.0.0.1',
  '198.18.0.1',
  '224.0.0.1',
  '240.0.0.1',
];
const PUBLIC = '93.184.216.34';
const HOOK_HOST = 'hooks.example.test';

describeEachDialect('the outbound guard through the API', (create) => {
  let t: TestApp;
  let runtime: JobRuntime;
  let receiver: WebhookReceiver;
  let owner: TestAccount;
  let businessId: string;
  let dns: Map<string, string[]>;

  beforeEach(async () => {
    const testDb = await create();
    dns = new Map([[HOOK_HOST, [PUBLIC]]]);
    const queue = new InProcessJobQueue({
      jobs: createRepositories(testDb.database.db, testDb.database.dialect).jobs,
      definitions: JOB_DEFINITIONS,
      pollIntervalMs: 25,
    });
    t = await createTestApp(
      testDb,
      {},
      { jobQueue: queue, resolveHost: async (host) => dns.get(host) ?? [] },
    );
    runtime = await startJobRuntime({
      queue,
      handlerDeps: jobHandlerDeps(t.services),
      runWorker: true,
      concurrency: 1,
      logger: { warn() {}, error() {} },
    });
    receiver = await startWebhookReceiver();
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await runtime.stop(2_000);
    await t.close();
    await receiver.close();
  });

  const call = (method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const hookUrl = (host: string) => `http://${host}:${new URL(receiver.origin).port}/hook`;
  const addWebhook = (url: string) =>
    call('POST', '/api/webhooks', { business_id: businessId, url, events: ['content.changed'] });
  const addConnector = (url: string) =>
    call('POST', '/api/connectors', {
      business_id: businessId,
      kind: 'webhook',
      name: 'Receiver',
      settings: { url },
    });
  const expectRefused = (response: Awaited<ReturnType<typeof call>>, path: string, label: string) => {
    expect(response.statusCode, `${label}: ${response.body}`).toBe(422);
    expect(response.json<Problem>()).toMatchObject({ code: 'url_not_allowed', errors: [{ path }] });
  };

  it('refuses each IPv4-carrying IPv6 form and special range when a webhook or connector is saved', async () => {
    const webhook = (await addWebhook(hookUrl(HOOK_HOST))).json<WebhookWithSecret>().webhook;
    const connector = (await addConnector(hookUrl(HOOK_HOST))).json<ConnectorWithSecret>().connector;
    const hosts = [...CARRYING_LOOPBACK.map((address) => `[${address}]`), ...OTHER_SPECIAL];
    for (const host of hosts) {
      const url = hookUrl(host);
      expectRefused(await addWebhook(url), 'body.url', `create webhook ${url}`);
      expectRefused(await call('PATCH', `/api/webhooks/${webhook.id}`, { url }), 'body.url', url);
      expectRefused(await addConnector(url), 'body.settings.url', `create connector ${url}`);
      expectRefused(
        await call('PATCH', `/api/connectors/${connector.id}`, { settings: { url } }),
        'body.settings.url',
        `update connector ${url}`,
      );
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses at connect time a name that now resolves to such a form', async () => {
    const { webhook } = (await addWebhook(hookUrl(HOOK_HOST))).json<WebhookWithSecret>();
    const { connector } = (await addConnector(hookUrl(HOOK_HOST))).json<ConnectorWithSecret>();
    for (const address of CARRYING_LOOPBACK) {
      dns.set(HOOK_HOST, [address]);
      const tested = (await call('POST', `/api/connectors/${connector.id}/test`)).json<ConnectorTestResult>();
      expect(tested, address).toMatchObject({
        ok: false,
        status_code: null,
        failure_kind: 'rejected',
        error: expect.stringMatching(/private, loopback or link-local/),
      });

      const queued = (await call('POST', `/api/webhooks/${webhook.id}/test`)).json<WebhookDelivery>();
      const detail = await vi.waitFor(
        async () => {
          const found = (
            await call('GET', `/api/webhooks/${webhook.id}/deliveries/${queued.id}`)
          ).json<WebhookDeliveryDetail>();
          expect(found.status).toBe('failed');
          return found;
        },
        { timeout: 10_000, interval: 25 },
      );
      expect(detail.attempt_log, address).toMatchObject([{ outcome: 'blocked', status_code: null }]);
    }
    expect(receiver.requests).toHaveLength(0);
  });
});
