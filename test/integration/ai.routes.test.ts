import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AiCall, UsageResponse } from '#shared/ai.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { TEST_TASKS } from '../support/ai/test-tasks.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

const FAST_RETRY = { retries: 2, budgetMs: 10_000, minDelayMs: 10, maxDelayMs: 20 };

describeEachDialect('AI routes', (create) => {
  let fake: FakeOpenAI;
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  afterEach(() => t.close());

  async function start(env: Record<string, string> = {}, dns?: Map<string, string[]>) {
    fake.reset();
    t = await createTestApp(await create(), env, {
      aiTasks: TEST_TASKS,
      aiRetry: FAST_RETRY,
      ...(dns ? { resolveHost: async (host: string) => dns.get(host) ?? [] } : {}),
    });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  }
  const withServerModel = () =>
    start({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' });
  const runSlogan = (account = owner, task = 'rewriteContent') =>
    t.app.inject({
      method: 'POST',
      url: `/api/ai/tasks/${task}`,
      headers: account.auth,
      payload: { business_id: businessId, input: { product: 'Beans' } },
    });
  /** The technical reason the ledger keeps for a failed call (not shown by the API). */
  const diagnostics = async () =>
    (
      await t.database.db
        .selectFrom('ai_calls')
        .select('error_diagnostics')
        .where('business_id', '=', businessId)
        .executeTakeFirstOrThrow()
    ).error_diagnostics;
  const calls = async () =>
    (await t.app.inject({ url: `/api/ai/calls?business_id=${businessId}`, headers: owner.auth })).json<{
      items: AiCall[];
    }>().items;

  describe('offline', () => {
    beforeEach(() => start());

    it('answers with the offline writer, labelled, free, and in the ledger', async () => {
      const response = await runSlogan();
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        offline: true,
        provider: 'offline',
        model: 'offline-writer',
        cost_micro_usd: 0,
        output: { slogan: 'Beans, made simple' },
      });
      expect(await calls()).toMatchObject([
        { task: 'rewriteContent', provider: 'offline', outcome: 'ok', cost_micro_usd: 0 },
      ]);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/ai/tasks/rewriteContent',
        headers: owner.auth,
        payload: { business_id: businessId, input: { nope: 1 } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.map((e) => e.path)).toContain('body.input.product');
    });

    it('streams content generation as Server-Sent Events', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/content/generate',
        headers: { ...owner.auth, accept: 'text/event-stream' },
        payload: {
          business_id: businessId,
          channel: 'linkedin',
          brief: 'Launch our autumn blend',
          variants: 2,
        },
      });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/event-stream/);
      expect(response.headers['x-request-id']).toBeDefined();
      const events = response.body
        .trim()
        .split('\n\n')
        .map((block) => block.split('\n')[0]?.replace('event: ', ''));
      expect(events[0]).toBe('start');
      expect(events).toContain('delta');
      expect(events.at(-1)).toBe('result');
      const result = JSON.parse(response.body.trim().split('\n\n').at(-1)?.split('data: ')[1] ?? '{}');
      expect(result.output.variants).toHaveLength(2);
      expect(result.offline).toBe(true);
    });

    it('keeps every route to members: 404 across tenants, 403 for viewers', async () => {
      const stranger = await registerAccount(t.app);
      const viewer = await registerAccount(t.app);
      await addMember(t.app, owner, { id: businessId } as never, viewer, 'viewer');
      for (const [method, url] of [
        ['GET', `/api/ai/usage?business_id=${businessId}`],
        ['GET', `/api/ai/calls?business_id=${businessId}`],
        ['GET', `/api/business/${businessId}/ai-budget`],
        ['GET', `/api/business/${businessId}/ai-provider`],
        ['DELETE', `/api/business/${businessId}/ai-provider`],
      ] as const) {
        expect((await t.app.inject({ method, url, headers: stranger.auth })).statusCode, url).toBe(404);
      }
      expect((await runSlogan(stranger)).statusCode).toBe(404);
      expect((await runSlogan(viewer)).statusCode).toBe(403);
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/business/${businessId}/ai-budget`,
        headers: viewer.auth,
        payload: { monthly_limit_micro_usd: 5 },
      });
      expect(put.statusCode).toBe(403);
    });
  });

  describe('with a model', () => {
    beforeEach(() => withServerModel());

    it('records tokens, cost from the price table, model and latency', async () => {
      fake.script({
        reply: { slogan: 'Bold beans' },
        usage: { prompt_tokens: 1000, completion_tokens: 500 },
        model: 'gpt-4o-mini-2024-07-18',
      });
      const response = await runSlogan();
      // gpt-4o-mini: $0.15 / $0.60 per million tokens → 150 + 300 micro-dollars.
      expect(response.json()).toMatchObject({
        offline: false,
        provider: 'openai-compatible',
        model: 'gpt-4o-mini-2024-07-18',
        prompt_tokens: 1000,
        completion_tokens: 500,
        cost_micro_usd: 450,
      });
      expect(fake.requests[0]?.headers.authorization).toBe('Bearer server-key');
      const usage = (
        await t.app.inject({ url: `/api/ai/usage?business_id=${businessId}`, headers: owner.auth })
      ).json<UsageResponse>();
      expect(usage.totals).toMatchObject({
        calls: 1,
        prompt_tokens: 1000,
        completion_tokens: 500,
        cost_micro_usd: 450,
        errors: 0,
      });
      expect(usage.by_model).toMatchObject([{ model: 'gpt-4o-mini-2024-07-18', calls: 1 }]);
      expect(usage.by_day).toHaveLength(1);
      const metrics = (await t.app.inject({ url: '/metrics' })).body;
      expect(metrics).toMatch(
        /mcc_ai_calls_total\{provider="openai-compatible",model="gpt-4o-mini-2024-07-18",task="rewriteContent",outcome="ok"\} 1/,
      );
      expect(metrics).toMatch(/mcc_ai_tokens_total\{[^}]*kind="prompt"\} 1000/);
    });

    it('lands failures in the ledger with their attempts and answers 502', async () => {
      fake.script({ status: 500 }, { status: 500 }, { status: 500 });
      const response = await runSlogan();
      expect(response.statusCode).toBe(502);
      expect(response.json<Problem>().code).toBe('ai_provider_error');
      expect(await calls()).toMatchObject([
        { outcome: 'error', attempts: 3, error_code: 'ai_provider_error' },
      ]);
    });

    it('stops spending at the monthly budget with a 402 before any request reaches the provider', async () => {
      const put = await t.app.inject({
        method: 'PUT',
        url: `/api/business/${businessId}/ai-budget`,
        headers: owner.auth,
        payload: { monthly_limit_micro_usd: 400 },
      });
      expect(put.json()).toMatchObject({
        monthly_limit_micro_usd: 400,
        spent_this_month_micro_usd: 0,
        exceeded: false,
      });
      fake.script({ reply: { slogan: 'Costly' }, usage: { prompt_tokens: 1000, completion_tokens: 500 } });
      expect((await runSlogan()).statusCode).toBe(200);
      const sent = fake.requests.length;
      const blocked = await runSlogan();
      expect(blocked.statusCode).toBe(402);
      expect(blocked.json<Problem>()).toMatchObject({ code: 'budget_exceeded' });
      expect(blocked.json<Problem>().detail).toMatch(/Settings → AI/);
      expect(fake.requests.length).toBe(sent);
      expect((await calls())[0]).toMatchObject({ outcome: 'budget_exceeded', prompt_tokens: 0 });
      await t.app.inject({
        method: 'PUT',
        url: `/api/business/${businessId}/ai-budget`,
        headers: owner.auth,
        payload: { monthly_limit_micro_usd: null },
      });
      fake.script({ reply: { slogan: 'Unlimited again' } });
      expect((await runSlogan()).statusCode).toBe(200);
    });
  });

  it('cancels the provider call when the client disconnects, and records it', async () => {
    await withServerModel();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = fetch(`http://127.0.0.1:${port}/api/ai/tasks/rewriteContent`, {
      method: 'POST',
      headers: { ...owner.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ business_id: businessId, input: { product: 'Beans' } }),
      signal: controller.signal,
    }).catch(() => undefined);
    // Signals, with room for a loaded machine (the default second was missed under a parallel run).
    await vi.waitFor(() => expect(fake.chatRequests()).toHaveLength(1), { timeout: 10_000 });
    controller.abort();
    await pending;
    await vi.waitFor(async () => expect((await calls())[0]?.outcome).toBe('cancelled'), {
      timeout: 10_000,
      interval: 50,
    });
    expect(fake.chatRequests()).toHaveLength(1);
  });

  it('serves identical requests from the cache when enabled, counted apart', async () => {
    await start({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'k', AI_CACHE_TTL_SECONDS: '60' });
    fake.script({ reply: { slogan: 'Cache me' }, usage: { prompt_tokens: 10, completion_tokens: 5 } });
    expect((await runSlogan()).json()).toMatchObject({ cached: false });
    expect((await runSlogan()).json()).toMatchObject({
      cached: true,
      cost_micro_usd: 0,
      output: { slogan: 'Cache me' },
    });
    expect(fake.chatRequests()).toHaveLength(1);
    expect((await calls()).map((c) => c.outcome)).toEqual(['cached', 'ok']);
    expect((await t.app.inject({ url: '/metrics' })).body).toMatch(
      /mcc_ai_cache_hits_total\{task="rewriteContent"\} 1/,
    );
  });

  it('lets a workspace bring its own key: sealed at rest, never returned, used for its calls', async () => {
    await start({ AI_ALLOW_PRIVATE_BASE_URLS: '1' });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/business/${businessId}/ai-provider`,
      headers: owner.auth,
      payload: { base_url: fake.url, model: 'gpt-4o-mini', api_key: 'sk-workspace-secret-9876' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ source: 'workspace', api_key_last4: '9876', model: 'gpt-4o-mini' });
    expect(put.body).not.toContain('sk-workspace');
    const stored = await t.database.db
      .selectFrom('ai_provider_settings')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(stored.api_key_encrypted).not.toContain('sk-workspace');

    fake.script({ reply: { slogan: 'Own key' } });
    expect((await runSlogan()).json()).toMatchObject({ offline: false, output: { slogan: 'Own key' } });
    expect(fake.requests.at(-1)?.headers.authorization).toBe('Bearer sk-workspace-secret-9876');

    const kept = await t.app.inject({
      method: 'PUT',
      url: `/api/business/${businessId}/ai-provider`,
      headers: owner.auth,
      payload: { base_url: fake.url, model: 'gpt-4.1-mini' },
    });
    expect(kept.json()).toMatchObject({ api_key_last4: '9876', model: 'gpt-4.1-mini' });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/business/${businessId}/ai-provider`,
      headers: owner.auth,
    });
    expect(removed.json()).toMatchObject({ source: 'offline' });
    expect((await runSlogan()).json()).toMatchObject({ offline: true });
  });

  const putProvider = (baseUrl: string) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/business/${businessId}/ai-provider`,
      headers: owner.auth,
      payload: { base_url: baseUrl, model: 'gpt-4o-mini' },
    });

  it('refuses a workspace endpoint on a private address unless the operator allows it', async () => {
    await start();
    for (const baseUrl of [
      'http://169.254.169.254/v1',
      'http://[::127.0.0.1]:11434/v1',
      'http://[64:ff9b::7f00:1]/v1',
      'http://[2002:7f00:1::]/v1',
    ]) {
      const response = await putProvider(baseUrl);
      expect(response.statusCode, baseUrl).toBe(400);
      expect(response.json<Problem>().errors?.[0]?.path).toBe('body.base_url');
    }
  });

  it('lets a workspace endpoint inside when the operator lists it in OUTBOUND_ALLOWED_HOSTS', async () => {
    await start({ OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' });
    expect((await putProvider(fake.url)).statusCode).toBe(200);
    fake.script({ reply: { slogan: 'Allowed inside' } });
    expect((await runSlogan()).json()).toMatchObject({
      offline: false,
      output: { slogan: 'Allowed inside' },
    });
  });

  it('calls a workspace endpoint without following its redirect', async () => {
    const redirector = await startWebhookReceiver({
      status: 307,
      headers: { location: `${fake.url}/chat/completions` },
    });
    try {
      await start({ AI_ALLOW_PRIVATE_BASE_URLS: '1' });
      expect((await putProvider(`${redirector.origin}/v1`)).statusCode).toBe(200);
      fake.script({ reply: { slogan: 'Followed the redirect' } });
      const response = await runSlogan();
      expect(response.statusCode).toBe(502);
      expect((await calls())[0]).toMatchObject({
        outcome: 'error',
        error_message: expect.stringMatching(/may not call the AI provider’s address/),
      });
      expect(await diagnostics()).toMatch(/redirect/);
      expect(redirector.requests).toHaveLength(1);
      expect(fake.chatRequests()).toHaveLength(0);
    } finally {
      await redirector.close();
    }
  });

  it('refuses a workspace endpoint whose name resolves to loopback at call time', async () => {
    const dns = new Map([['ai.example.test', ['93.184.216.34']]]);
    await start({}, dns);
    const port = new URL(fake.url).port;
    expect((await putProvider(`http://ai.example.test:${port}/v1`)).statusCode).toBe(200);
    // The name now points inside (DNS rebinding); the saved URL is checked again before the call.
    dns.set('ai.example.test', ['127.0.0.1']);
    const response = await runSlogan();
    expect(response.statusCode).toBe(502);
    expect((await calls())[0]).toMatchObject({
      outcome: 'error',
      error_message: expect.stringMatching(/may not call the AI provider’s address/),
    });
    expect(await diagnostics()).toMatch(/not called.*private, loopback/);
    expect(fake.requests).toHaveLength(0);
  });
});
