import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '#server/config/config.js';
import { seedDemoIfEmpty } from '#server/demo/demo-seed.service.js';
import { describeEachDialect } from '../support/databases.js';
import type { FakeOpenAI } from '../support/fake-openai/fake-openai.types.js';
import { startFakeOpenAI } from '../support/fake-openai/fake-openai-server.js';
import { startServerProcess } from '../support/server-process.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 13, item 9: the demo seed used to ask the server's provider for its calendar, so a provider that
 * answered nonsense stopped the first start, and a good one cost tokens on every fresh database.
 */
describe('the demo seed with a server provider configured', { timeout: 60_000 }, () => {
  let dataDir: string;
  let fake: FakeOpenAI;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-demo-offline-'));
    // Whatever it is asked, this provider answers text no task can use.
    fake = await startFakeOpenAI({ defaultReply: { reply: 'garbage, not JSON' } });
  });
  afterEach(async () => {
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds the whole demo with the offline writer and never calls the provider', async () => {
    const server = await startServerProcess({
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'fake-key',
      AI_MODEL: 'gpt-4o-mini',
    });
    try {
      const password = /password: (\S+)/.exec(server.output())?.[1] ?? '';
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'demo@mcc.local', password }),
      });
      expect(login.status).toBe(200);
      const auth = {
        authorization: `Bearer ${((await login.json()) as { access_token: string }).access_token}`,
      };
      const get = async <T>(url: string) =>
        (await (await fetch(`${server.url}${url}`, { headers: auth })).json()) as T;
      const [demo] = (await get<{ items: Array<{ id: string }> }>('/api/business/')).items;

      const content = await get<{ items: Array<{ status: string }> }>(
        `/api/content?business_id=${demo?.id}&limit=100`,
      );
      expect(content.items.length).toBeGreaterThan(6);
      // The inbox's messages are classified in the background after start-up: offline as well.
      await vi.waitFor(
        async () => {
          const inbox = await get<{ items: Array<{ language: string | null }> }>(
            `/api/messages?business_id=${demo?.id}`,
          );
          expect(new Set(inbox.items.map((conversation) => conversation.language))).toEqual(
            new Set(['en', 'es']),
          );
        },
        { timeout: 20_000, interval: 200 },
      );
      const calls = await get<{ items: Array<{ provider: string; task: string }> }>(
        `/api/ai/calls?business_id=${demo?.id}&limit=100`,
      );
      expect(calls.items.length).toBeGreaterThan(0);
      expect(calls.items.every((call) => call.provider === 'offline')).toBe(true);
      expect(new Set(calls.items.map((call) => call.task))).toEqual(
        new Set(['planCalendar', 'writeContent', 'classifyMessage']),
      );
      expect(fake.requests).toHaveLength(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describeEachDialect('a demo seed step that fails', (create) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(await create());
  });
  afterEach(() => t.close());

  it('seeds a first look with every stage of publishing: in review, approved, scheduled, published, failed', async () => {
    const config = loadConfig({ NODE_ENV: 'development', MCC_DEMO: '1' });
    const demo = await seedDemoIfEmpty(config, t.services);
    expect(demo?.failure).toBeUndefined();
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: demo?.email, password: demo?.password },
    });
    const auth = { authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` };
    const get = async <T>(url: string) => (await t.app.inject({ url, headers: auth })).json<T>();
    const [business] = (await get<{ items: { id: string }[] }>('/api/business/')).items;
    const { items } = await get<{ items: { status: string; scheduled_at: string | null }[] }>(
      `/api/content?business_id=${business?.id}&limit=100`,
    );
    const statuses = new Set(items.map((item) => item.status));
    for (const status of ['draft', 'in_review', 'approved', 'scheduled', 'published', 'failed']) {
      expect(statuses, status).toContain(status);
    }
    // Each scheduled item is in the future, with its publish job queued for its time.
    const scheduled = items.filter((item) => item.status === 'scheduled');
    expect(scheduled.every((item) => item.scheduled_at && item.scheduled_at > new Date().toISOString())).toBe(
      true,
    );
    const jobs = await get<{ items: { name: string; state: string }[] }>(
      `/api/jobs?business_id=${business?.id}&limit=100`,
    );
    expect(jobs.items.filter((job) => job.name === 'content.publish' && job.state === 'queued')).toHaveLength(
      scheduled.length,
    );
  });

  it('returns the failure with the credentials, so the account can still be used', async () => {
    const config = loadConfig({ NODE_ENV: 'development', MCC_DEMO: '1' });
    const broken = new Error('the calendar could not be planned');
    const calendar = { generate: () => Promise.reject(broken) } as unknown as typeof t.services.calendar;
    const demo = await seedDemoIfEmpty(config, { ...t.services, calendar });
    expect(demo).toMatchObject({ email: 'demo@mcc.local', failure: broken });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: demo?.email, password: demo?.password },
    });
    expect(login.statusCode).toBe(200);
  });
});
