import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteTestDatabase } from '../support/databases.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// A public path: the global per-IP limit counts every request to it (404s included).
const LIMITED_URL = '/api/no-such-route';

describe.skipIf(Boolean(redisSkipReason))('rate limits shared through Redis', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function instance(env: Record<string, string>): Promise<TestApp> {
    const testApp = await createTestApp(await createSqliteTestDatabase(), { RATE_LIMIT_MAX: '3', ...env });
    cleanups.push(async () => {
      await testApp.close();
      await testApp.services.jobQueue.close();
    });
    return testApp;
  }

  async function statuses(testApp: TestApp, count: number): Promise<number[]> {
    const codes: number[] = [];
    for (let i = 0; i < count; i += 1)
      codes.push((await testApp.app.inject({ url: LIMITED_URL })).statusCode);
    return codes;
  }

  it('counts requests to instance A against the same client on instance B', async () => {
    const prefix = testRedisPrefix();
    cleanups.push(() => deleteRedisPrefix(prefix));
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix };
    const a = await instance(env);
    const b = await instance(env);

    expect(await statuses(a, 3)).toEqual([404, 404, 404]);
    const limited = await b.app.inject({ url: LIMITED_URL });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });

    // Another installation on the same Redis (another prefix) keeps its own counters.
    const otherPrefix = testRedisPrefix();
    cleanups.push(() => deleteRedisPrefix(otherPrefix));
    const other = await instance({ REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: otherPrefix });
    expect(await statuses(other, 1)).toEqual([404]);
  });

  it('keeps counters per process without Redis', async () => {
    const a = await instance({});
    const b = await instance({});
    expect(await statuses(a, 4)).toEqual([404, 404, 404, 429]);
    expect(await statuses(b, 1)).toEqual([404]);
  });

  it('serves requests while the Redis counter store is unreachable (readiness reports it)', async () => {
    const unreachable = await instance({ REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: testRedisPrefix() });
    expect(await statuses(unreachable, 4)).toEqual([404, 404, 404, 404]);
  });
});
