import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '#server/errors/app-error.js';
import { IdempotencyClaims } from '#server/jobs/bullmq/idempotency-claims.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

describe.skipIf(Boolean(redisSkipReason))('BullMQ idempotency claims', () => {
  const prefix = testRedisPrefix();
  let redis: Redis;
  let claims: IdempotencyClaims;
  const none = async () => false;
  const all = async () => true;
  beforeAll(() => {
    redis = new Redis(TEST_REDIS_URL);
    claims = new IdempotencyClaims(redis, prefix, 3_600, 10);
  });
  afterAll(async () => {
    redis.disconnect();
    await deleteRedisPrefix(prefix);
  });

  it('gives a confirmed key’s job to every repeat', async () => {
    expect(await claims.claim('b1', 'k1', 'job-1', none)).toBeUndefined();
    await claims.confirm('b1', 'k1', 'job-1');
    expect(await claims.claim('b1', 'k1', 'job-2', none)).toBe('job-1');
    expect(await claims.claim('b2', 'k1', 'job-3', none)).toBeUndefined();
  });

  it('frees a released key at once, and a released claim cannot release a newer one', async () => {
    expect(await claims.claim('b1', 'k2', 'job-1', none)).toBeUndefined();
    await claims.release('b1', 'k2', 'job-1');
    expect(await claims.claim('b1', 'k2', 'job-2', none)).toBeUndefined();
    await claims.release('b1', 'k2', 'job-1');
    await claims.confirm('b1', 'k2', 'job-1');
    await claims.confirm('b1', 'k2', 'job-2');
    expect(await claims.claim('b1', 'k2', 'job-3', none)).toBe('job-2');
  });

  it('never hands out the id of a job that does not exist: a pending claim asks the repeat to retry', async () => {
    expect(await claims.claim('b1', 'k3', 'job-1', none)).toBeUndefined();
    const refused = await claims.claim('b1', 'k3', 'job-2', none).catch((error: unknown) => error);
    expect(isAppError(refused, 'service_unavailable')).toBe(true);
    // …but once the job is there (its confirmation was lost), repeats get it.
    expect(await claims.claim('b1', 'k3', 'job-2', all)).toBe('job-1');
    // A pending claim expires by itself: its submission can take at most a few seconds.
    expect(await redis.ttl(`${prefix}:mcc:idempotency:b1:k3`)).toBeLessThanOrEqual(10);
  });
});
