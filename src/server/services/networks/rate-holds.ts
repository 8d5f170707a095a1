import { Redis } from 'ioredis';

/**
 * Until when a network's rate limit holds each connected account: the time the network said to come back
 * after a 429. Kept in Redis when the instance has one, so every process and worker on an account stops
 * at the first 429 any of them gets, instead of each spending a request to learn the same limit.
 */
export interface RateHolds {
  /** The hold's end in epoch milliseconds, or undefined when the account is free. */
  until(accountId: string): Promise<number | undefined>;
  /** Hold the account until `untilMs`; a later hold already in place is kept. */
  hold(accountId: string, untilMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Holds of this process only (one process, or Redis away). */
export class MemoryRateHolds implements RateHolds {
  private readonly holds = new Map<string, number>();

  constructor(private readonly now: () => Date) {}

  async until(accountId: string): Promise<number | undefined> {
    const held = this.holds.get(accountId);
    if (held === undefined) return undefined;
    if (held > this.now().getTime()) return held;
    this.holds.delete(accountId);
    return undefined;
  }

  async hold(accountId: string, untilMs: number): Promise<void> {
    if (untilMs > (this.holds.get(accountId) ?? 0)) this.holds.set(accountId, untilMs);
  }

  async close(): Promise<void> {}
}

// Keep the later of two holds: two processes may learn different reset times from two 429s.
const HOLD_SCRIPT = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
end
return 1`;

/**
 * Holds shared through Redis under `<prefix>:network-hold:<account id>`, each expiring when it ends. The
 * expiry is a duration from this process's clock, not an instant of Redis's, so a hold means the same with
 * a clock that is not Redis's. Every hold is also kept in memory, which answers while Redis is unreachable:
 * publishing never waits on Redis, and a 429 learned meanwhile still holds this process.
 */
export class RedisRateHolds implements RateHolds {
  private readonly memory: MemoryRateHolds;

  constructor(
    private readonly client: Redis,
    private readonly prefix: string,
    private readonly now: () => Date,
  ) {
    this.memory = new MemoryRateHolds(now);
  }

  async until(accountId: string): Promise<number | undefined> {
    const local = await this.memory.until(accountId);
    let shared: number | undefined;
    try {
      const value = await this.client.get(this.key(accountId));
      shared = value === null ? undefined : Number(value);
    } catch {
      shared = undefined;
    }
    const held = Math.max(local ?? 0, shared ?? 0);
    return held > this.now().getTime() ? held : undefined;
  }

  async hold(accountId: string, untilMs: number): Promise<void> {
    await this.memory.hold(accountId, untilMs);
    const ttl = Math.ceil(untilMs - this.now().getTime());
    if (ttl <= 0) return;
    try {
      await this.client.eval(HOLD_SCRIPT, 1, this.key(accountId), String(untilMs), String(ttl));
    } catch {
      // Redis is away: the memory copy holds this process, which is all that can be done.
    }
  }

  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private key(accountId: string): string {
    return `${this.prefix}:network-hold:${accountId}`;
  }
}

/**
 * The holds for the configured mode: shared on Redis when `redis.url` is set, else in memory. The Redis
 * connection opens on first use, so commands that never publish never connect.
 *
 * @example
 * const holds = createRateHolds(config.redis, now);
 */
export function createRateHolds(
  redis: { url: string | undefined; prefix: string },
  now: () => Date,
): RateHolds {
  if (!redis.url) return new MemoryRateHolds(now);
  const client = new Redis(redis.url, {
    connectionName: 'mcc-network-holds',
    lazyConnect: true,
    // One retry, then the memory copy answers: a publish waits at most a reconnect for Redis.
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  client.on('error', () => {});
  return new RedisRateHolds(client, redis.prefix, now);
}
