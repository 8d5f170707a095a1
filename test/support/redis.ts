import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** Where the test suite finds Redis; each test run works under its own key prefix there. */
export const TEST_REDIS_URL = process.env.MCC_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUIRE_SERVICES = process.env.MCC_REQUIRE_SERVICES === '1';

/** A prefix no other run uses: `mcc_test_<random>`. */
export function testRedisPrefix(): string {
  return `mcc_test_${randomBytes(6).toString('hex')}`;
}

/** Delete this run's keys, and only those (the machine's Redis is shared). */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}

async function probeRedis(): Promise<string | undefined> {
  const client = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    return `Redis at ${new URL(TEST_REDIS_URL).host} is not reachable (${String(error)})`;
  } finally {
    client.disconnect();
  }
}

/** Why the Redis tests are skipped, or undefined when Redis answers. */
export const redisSkipReason = await probeRedis();
if (redisSkipReason) {
  if (REQUIRE_SERVICES) throw new Error(`MCC_REQUIRE_SERVICES=1 but ${redisSkipReason}`);
  console.warn(`Skipping Redis tests: ${redisSkipReason}`);
}
