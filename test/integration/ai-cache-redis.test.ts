import { afterEach, describe, expect, it, vi } from 'vitest';
import { createResponseCache, RedisResponseCache } from '#server/ai/redis-response-cache.js';
import { MemoryResponseCache, type ResponseCache } from '#server/ai/response-cache.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

type Answer = { output: unknown; model: string };

describe.skipIf(Boolean(redisSkipReason))('the AI response cache on Redis', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function cacheOn(prefix: string, ttlMs = 60_000, onError?: (error: unknown) => void) {
    const cache = createResponseCache<Answer>({ ttlMs, redis: { url: TEST_REDIS_URL, prefix }, onError });
    cleanups.push(() => cache.close());
    return cache;
  }

  it('serves an answer stored by one instance to another, until its TTL passes', async () => {
    const prefix = testRedisPrefix();
    cleanups.push(() => deleteRedisPrefix(prefix));
    const a = cacheOn(prefix, 300);
    const b = cacheOn(prefix, 300);
    expect(a).toBeInstanceOf(RedisResponseCache);

    await a.set('k1', { output: { slogan: 'Fresh bread daily' }, model: 'gpt-test' });
    expect(await b.get('k1')).toEqual({ output: { slogan: 'Fresh bread daily' }, model: 'gpt-test' });
    expect(await b.get('k2')).toBeUndefined();
    // Another installation (prefix) on the same Redis sees nothing.
    expect(await cacheOn(testRedisPrefix()).get('k1')).toBeUndefined();

    // Redis expires the key after its TTL (300 ms): poll for it rather than sleep past it.
    await vi.waitFor(async () => expect(await b.get('k1')).toBeUndefined(), { timeout: 5_000, interval: 50 });
  });

  it('answers a miss, and reports it, while Redis is unreachable', async () => {
    const errors: unknown[] = [];
    const cache = createResponseCache<Answer>({
      ttlMs: 60_000,
      redis: { url: 'redis://127.0.0.1:1', prefix: testRedisPrefix() },
      onError: (error) => errors.push(error),
    });
    await cache.set('k', { output: 1, model: 'm' });
    expect(await cache.get('k')).toBeUndefined();
    expect(errors.length).toBeGreaterThanOrEqual(2);
    await cache.close();
  });
});

describe('the AI response cache in memory', () => {
  it('is used without Redis, and is off when the TTL is 0', async () => {
    const on: ResponseCache<number> = createResponseCache({
      ttlMs: 1_000,
      redis: { url: undefined, prefix: 'p' },
    });
    expect(on).toBeInstanceOf(MemoryResponseCache);
    await on.set('k', 7);
    expect(await on.get('k')).toBe(7);
    const off = createResponseCache<number>({ ttlMs: 0, redis: { url: TEST_REDIS_URL, prefix: 'p' } });
    expect(off.enabled).toBe(false);
    await off.set('k', 7);
    expect(await off.get('k')).toBeUndefined();
  });
});
