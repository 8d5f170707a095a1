import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Job } from '#shared/jobs.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { type OwnRedis, startOwnRedis } from '../support/redis-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Fail instead of hanging when an answer never comes (a generous bound; latency is reported, not asserted). */
async function answered<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const never = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within 10 s`)), 10_000);
  });
  try {
    return await Promise.race([promise, never]);
  } finally {
    clearTimeout(timer);
  }
}

// Issue 13, item 6: with Redis stopped, submitting a job answered 500 or hung, and a request answered
// with an error still created a job once Redis came back.
describeEachDialect('job submission while Redis is down', (create) => {
  let redis: OwnRedis;
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    t = await createTestApp(await create(), { REDIS_URL: redis.url, REDIS_PREFIX: 'mcc_outage' });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterAll(async () => {
    await t?.services.jobQueue.close();
    await t?.close();
    await redis?.dispose();
  });

  const generate = (extra: object = {}) =>
    answered(
      t.app.inject({
        method: 'POST',
        url: '/api/ai/strategy/generate-calendar',
        headers: owner.auth,
        payload: {
          business_id: businessId,
          start_date: '2026-03-23',
          weeks: 1,
          channels: ['email'],
          ...extra,
        },
      }),
      'POST generate-calendar',
    );
  const jobsListed = async () =>
    (await t.app.inject({ url: `/api/jobs?business_id=${businessId}&limit=100`, headers: owner.auth })).json<{
      items: Job[];
    }>().items;
  const jobsInRedis = async () =>
    Object.values(await t.services.jobQueue.counts()).reduce((sum, count) => sum + (count ?? 0), 0);

  it('answers 503 with Retry-After at once, creates nothing, and accepts jobs again after a restart', {
    timeout: 90_000,
  }, async () => {
    const before = await generate();
    expect(before.statusCode, before.body).toBe(202);
    expect(await jobsInRedis()).toBe(1);

    await redis.stop();
    const latencies: number[] = [];
    const timed = async (extra: object) => {
      const started = performance.now();
      const response = await generate(extra);
      latencies.push(performance.now() - started);
      return response;
    };
    // One after another, then several at once, with and without an idempotency key.
    const refused = [await timed({}), await timed({ request_key: 'outage-1' })];
    refused.push(...(await Promise.all([1, 2, 3, 4].map((n) => timed({ request_key: `outage-p${n}` })))));
    refused.push(...(await Promise.all([1, 2, 3].map(() => timed({})))));
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ code: 'service_unavailable', status: 503 });
      expect(Number(response.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    console.info(
      `[redis down] ${refused.length} submissions answered 503 in ${Math.round(Math.max(...latencies))} ms at most (median ${Math.round(latencies.sort((x, y) => x - y)[Math.floor(latencies.length / 2)] ?? 0)} ms)`,
    );

    await redis.start();
    // Ready again once readiness sees Redis; a submission that went through proves the connection is back.
    await vi.waitFor(async () => expect((await t.app.inject({ url: '/readyz' })).statusCode).toBe(200), {
      timeout: 30_000,
      interval: 100,
    });
    const after = await generate({ request_key: 'outage-1' });
    expect(after.statusCode, after.body).toBe(202);
    // Exactly the job before the outage and the one after it: nothing refused was queued on the side.
    expect(await jobsInRedis()).toBe(2);
    const listed = await jobsListed();
    expect(listed.map((job) => job.id).sort()).toEqual(
      [before.json<{ job_id: string }>().job_id, after.json<{ job_id: string }>().job_id].sort(),
    );
    // The key refused during the outage was not left claimed: it now names a job that exists.
    const job = await t.app.inject({
      url: `/api/jobs/${after.json<{ job_id: string }>().job_id}`,
      headers: owner.auth,
    });
    expect(job.statusCode).toBe(200);
  });
});

describe('own redis-server helper', () => {
  it('keeps acknowledged data across a stop and a start', async () => {
    const { Redis } = await import('ioredis');
    const redis = await startOwnRedis();
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    try {
      await client.set('k', 'v');
      await redis.stop();
      await redis.start();
      expect(await client.get('k')).toBe('v');
    } finally {
      client.disconnect();
      await redis.dispose();
    }
  });
});
