import { afterEach, expect, it } from 'vitest';
import type { AiConnectionTest } from '#shared/ai.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeDialect } from '../support/fake-openai/dialects.js';
import type { FakeOpenAI, FakeOpenAIOptions } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Settings → AI → "Test connection" against the fake speaking each local server's documented protocol.

describeEachDialect('AI connection test', (create) => {
  let t: TestApp | undefined;
  let fake: FakeOpenAI | undefined;
  let owner: TestAccount;
  let businessId: string;

  afterEach(async () => {
    await t?.close();
    await fake?.close();
    t = undefined;
    fake = undefined;
  });

  async function start(env: Record<string, string> = {}, dns?: Map<string, string[]>) {
    t = await createTestApp(await create(), env, {
      ...(dns ? { resolveHost: async (host: string) => dns.get(host) ?? [] } : {}),
    });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  }
  const app = () => {
    if (!t) throw new Error('start the app first');
    return t.app;
  };
  const saveEndpoint = (base_url: string, model: string, api_key?: string) =>
    app().inject({
      method: 'PUT',
      url: `/api/business/${businessId}/ai-provider`,
      headers: owner.auth,
      payload: { base_url, model, ...(api_key ? { api_key } : {}) },
    });
  const testConnection = (account = owner, id = businessId) =>
    app().inject({ method: 'POST', url: `/api/business/${id}/ai-provider/test`, headers: account.auth });

  /** A fake of `dialect` serving `model`, set as the workspace's own endpoint (a local server). */
  async function localServer(dialect: FakeDialect, model: string, options: FakeOpenAIOptions = {}) {
    fake = await startFakeOpenAI({ dialect, models: [model], ...options });
    await start({ AI_ALLOW_PRIVATE_BASE_URLS: '1' });
    expect((await saveEndpoint(fake.url, model)).statusCode).toBe(200);
    return fake;
  }

  it.each([
    ['ollama', 'llama3.2'],
    ['llama.cpp', 'qwen3-4b.gguf'],
    ['lm-studio', 'google/gemma-3-4b'],
  ] as const)('works with %s: answer, latency, JSON schemas followed', async (dialect, model) => {
    const server = await localServer(dialect, model);

    const response = await testConnection();

    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<AiConnectionTest>()).toMatchObject({
      source: 'workspace',
      base_url: server.url,
      model,
      answered_by: model,
      answer: expect.stringMatching(/\w+ \w+/),
      latency_ms: expect.any(Number),
      follows_json_schema: true,
      json_schema_detail: null,
    });
    const [hello, check] = server.chatRequests();
    expect(hello?.chat.response_format).toBeUndefined();
    expect(check?.chat.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'connection_check', schema: { required: ['status', 'channels'] } },
    });
    // Local servers need no key: the provider sends a placeholder, which they ignore.
    expect(hello?.headers.authorization).toMatch(/^Bearer /);
  });

  it('says so when the server ignores JSON schemas', async () => {
    await localServer('no-structured-output', 'tinyllama');

    const response = await testConnection();

    expect(response.statusCode).toBe(200);
    expect(response.json<AiConnectionTest>()).toMatchObject({
      follows_json_schema: false,
      json_schema_detail: expect.stringMatching(/^It answered "Sure!/),
    });
  });

  it('tests the server’s default endpoint when the workspace has none, and records the test in the audit log only', async () => {
    fake = await startFakeOpenAI();
    await start({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'server-key', AI_MODEL: 'gpt-4o-mini' });

    const response = await testConnection();

    expect(response.json<AiConnectionTest>()).toMatchObject({
      source: 'server',
      follows_json_schema: true,
      prompt_tokens: expect.any(Number),
    });
    expect(response.json<AiConnectionTest>().prompt_tokens).toBeGreaterThan(0);
    const calls = await app().inject({ url: `/api/ai/calls?business_id=${businessId}`, headers: owner.auth });
    expect(calls.json<{ items: unknown[] }>().items).toEqual([]);
    const audit = await app().inject({ url: `/api/business/${businessId}/audit-log`, headers: owner.auth });
    expect(audit.body).toContain('ai.provider_tested');
  });

  const failure = async () => {
    const response = await testConnection();
    expect(response.statusCode).toBe(502);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    // 5xx problems leave `detail` out (problem-details.ts); the sentence for people is the field error's.
    const reason = response.json<Problem>().errors?.[0];
    return { detail: reason?.message, code: reason?.code, path: reason?.path, facts: reason?.facts };
  };

  it('explains a wrong key (401) and an unknown model (404)', async () => {
    const server = await localServer('llama.cpp', 'qwen3-4b.gguf', { apiKey: 'right-key' });
    expect((await saveEndpoint(server.url, 'qwen3-4b.gguf', 'wrong-key')).statusCode).toBe(200);
    expect(await failure()).toEqual({
      code: 'unauthorized',
      path: 'api_key',
      detail: expect.stringMatching(/key/),
      facts: { model: 'qwen3-4b.gguf', status: 401 },
    });

    await fake?.close();
    const ollama = await startFakeOpenAI({ dialect: 'ollama', models: ['llama3.2'] });
    fake = ollama;
    expect((await saveEndpoint(ollama.url, 'llama3.3')).statusCode).toBe(200);
    expect(await failure()).toEqual({
      code: 'model_not_found',
      path: 'model',
      detail: expect.stringMatching(/does not know the model "llama3.3"/),
      facts: { model: 'llama3.3', status: 404 },
    });
  });

  it('explains an endpoint that is down', async () => {
    const server = await localServer('ollama', 'llama3.2');
    await server.close();

    expect(await failure()).toEqual({
      code: 'unreachable',
      path: 'base_url',
      detail: expect.stringMatching(/Could not reach/),
      facts: { model: 'llama3.2' },
    });
  });

  it('explains an endpoint that does not answer in time', async () => {
    fake = await startFakeOpenAI({ dialect: 'ollama', models: ['llama3.2'] });
    await start({ AI_ALLOW_PRIVATE_BASE_URLS: '1', AI_TIMEOUT_MS: '1000' });
    await saveEndpoint(fake.url, 'llama3.2');
    fake.script({ hang: true });

    expect(await failure()).toMatchObject({ code: 'timeout', path: 'base_url' });
  });

  it('goes through the outbound guard: a name that now resolves inside is not called', async () => {
    fake = await startFakeOpenAI({ dialect: 'ollama', models: ['llama3.2'] });
    const dns = new Map([['llm.example', ['93.184.216.34']]]);
    await start({}, dns);
    expect((await saveEndpoint(`http://llm.example:${fake.port}/v1`, 'llama3.2')).statusCode).toBe(200);
    dns.set('llm.example', ['127.0.0.1']);

    expect(await failure()).toMatchObject({ code: 'refused' });
    expect(fake.requests).toHaveLength(0);
  });

  it('is for owners and admins of the workspace; 409 with nothing to test', async () => {
    await start();
    const editor = await registerAccount(app());
    const stranger = await registerAccount(app());
    await addMember(app(), owner, { id: businessId } as never, editor, 'editor');
    const strangersOwn = (await createBusiness(app(), stranger)).id;

    expect((await testConnection(editor)).statusCode).toBe(403);
    expect((await testConnection(stranger)).statusCode).toBe(404);
    expect((await testConnection(owner, strangersOwn)).statusCode).toBe(404);
    const offline = await testConnection();
    expect(offline.statusCode).toBe(409);
    expect(offline.json<Problem>().detail).toMatch(/offline writer/);
  });
});
