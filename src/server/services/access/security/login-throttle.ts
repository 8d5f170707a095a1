import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterRes,
} from 'rate-limiter-flexible';

/** How the throttle counts; the defaults are the app's. */
export interface LoginThrottleOptions {
  /** Failures allowed before any wait. */
  freeAttempts?: number;
  /** The first wait; each further failure doubles it. */
  baseDelaySeconds?: number;
  /** The longest wait, however many failures. */
  maxDelaySeconds?: number;
  /** A key's failures are forgotten this long after its first one (or at its first success). */
  forgetAfterSeconds?: number;
}

const LOCKED = 1;

/**
 * Slows down repeated login failures for one account from one address: after `freeAttempts` failures,
 * each further failure locks the key for twice as long as the last (capped at `maxDelaySeconds`).
 * The counts live in the shared store — Redis when the app runs scaled out, so N replicas together
 * allow what one does; memory otherwise — behind rate-limiter-flexible. Keys are hashed, so the store
 * never holds an email address.
 */
export class LoginThrottle {
  private readonly freeAttempts: number;
  private readonly baseDelaySeconds: number;
  private readonly maxDelaySeconds: number;

  constructor(
    private readonly stores: { failures: RateLimiterAbstract; locks: RateLimiterAbstract },
    options: LoginThrottleOptions = {},
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.freeAttempts = options.freeAttempts ?? 5;
    this.baseDelaySeconds = options.baseDelaySeconds ?? 1;
    this.maxDelaySeconds = options.maxDelaySeconds ?? 900;
  }

  /** Seconds the caller must still wait before trying `key` again (0 when it may try now). */
  async retryAfterSeconds(key: string): Promise<number> {
    const lock = await this.stores.locks.get(hashed(key));
    return isLocked(lock) ? Math.max(1, Math.ceil(lock.msBeforeNext / 1000)) : 0;
  }

  async recordFailure(key: string): Promise<void> {
    const id = hashed(key);
    const { consumedPoints: failures } = await this.stores.failures.penalty(id, 1);
    if (failures < this.freeAttempts) return;
    const delay = Math.min(this.baseDelaySeconds * 2 ** (failures - this.freeAttempts), this.maxDelaySeconds);
    await this.stores.locks.block(id, delay);
  }

  async recordSuccess(key: string): Promise<void> {
    const id = hashed(key);
    await Promise.all([this.stores.failures.delete(id), this.stores.locks.delete(id)]);
  }

  /** Release the store's connection (Redis), if it has one. */
  close(): Promise<void> {
    return this.onClose();
  }
}

function isLocked(lock: RateLimiterRes | null): lock is RateLimiterRes {
  return lock !== null && lock.consumedPoints > LOCKED && lock.msBeforeNext > 0;
}

function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

function memoryStores(options: LoginThrottleOptions, keyPrefix: string) {
  const duration = options.forgetAfterSeconds ?? 86_400;
  return {
    failures: new RateLimiterMemory({
      keyPrefix: `${keyPrefix}:failures`,
      points: Number.MAX_SAFE_INTEGER,
      duration,
    }),
    locks: new RateLimiterMemory({ keyPrefix: `${keyPrefix}:locks`, points: LOCKED, duration }),
  };
}

/**
 * The throttle for the configured mode: on Redis under `<prefix>:login-throttle:*` when `redis.url` is
 * set (memory stands in while Redis is unreachable, so sign-in keeps working), in memory otherwise.
 *
 * @example
 * const throttle = createLoginThrottle(config.redis);
 */
export function createLoginThrottle(
  redis: { url: string | undefined; prefix: string },
  options: LoginThrottleOptions = {},
): LoginThrottle {
  const keyPrefix = 'login-throttle';
  const memory = memoryStores(options, keyPrefix);
  if (!redis.url) return new LoginThrottle(memory, options);
  // Fail fast while Redis is away: the memory stand-in answers at once instead of a queued command.
  const client = new Redis(redis.url, {
    connectionName: 'mcc-login-throttle',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  client.on('error', () => {});
  const shared = (name: 'failures' | 'locks', points: number) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${redis.prefix}:${keyPrefix}:${name}`,
      points,
      duration: options.forgetAfterSeconds ?? 86_400,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory[name],
    });
  return new LoginThrottle(
    { failures: shared('failures', Number.MAX_SAFE_INTEGER), locks: shared('locks', LOCKED) },
    options,
    async () => {
      await client.quit().catch(() => client.disconnect());
    },
  );
}
