import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe } from 'vitest';

/** Where the test suite finds Redis; each test uses its own key prefix there and deletes only those keys. */
export const TEST_REDIS_URL = process.env.MCC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUIRE_SERVICES = process.env.MCC_REQUIRE_SERVICES === '1';

/** A fresh key prefix `mcc_test_<random>`, so runs never see each other's keys. */
export function testRedisPrefix(): string {
  return `mcc_test_${randomBytes(6).toString('hex')}`;
}

/** Delete every key under `prefix` (and only those): what `obliterate` leaves, plus our own keys. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

async function redisUnavailableReason(): Promise<string | undefined> {
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${new URL(TEST_REDIS_URL).host} is not reachable (${String(error)})`;
  } finally {
    redis.disconnect();
  }
}

const redisSkipReason = await redisUnavailableReason();
if (redisSkipReason) {
  if (REQUIRE_SERVICES) throw new Error(`MCC_REQUIRE_SERVICES=1 but ${redisSkipReason}`);
  console.warn(`Skipping Redis tests: ${redisSkipReason}`);
}

/** A suite that needs Redis: skipped, with the reason printed, when Redis does not answer. */
export function describeWithRedis(name: string, body: () => void): void {
  describe.skipIf(Boolean(redisSkipReason))(name, body);
}
