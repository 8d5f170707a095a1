import { Redis } from 'ioredis';
import { MemoryResponseCache, type ResponseCache } from './response-cache.js';

/** Where the cache lives: Redis when the app runs scaled out, memory otherwise. */
export interface ResponseCacheOptions {
  ttlMs: number;
  redis: { url: string | undefined; prefix: string };
  /** Told about Redis trouble (the cache answers a miss meanwhile). */
  onError?: (error: unknown) => void;
}

/**
 * The scale-out cache: entries under `<prefix>:ai-cache:<key>` with a TTL, so an answer one instance paid
 * for serves the same request on any instance. Values are JSON.
 */
export class RedisResponseCache<V> implements ResponseCache<V> {
  readonly enabled = true;
  private readonly redis: Redis;
  private readonly keyPrefix: string;

  constructor(
    url: string,
    prefix: string,
    private readonly ttlMs: number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    this.redis = new Redis(url, {
      connectionName: 'mcc-ai-cache',
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    this.redis.on('error', onError);
    this.keyPrefix = `${prefix}:ai-cache:`;
  }

  async get(key: string): Promise<V | undefined> {
    try {
      const text = await this.redis.get(this.keyPrefix + key);
      return text === null ? undefined : (JSON.parse(text) as V);
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async set(key: string, value: V): Promise<void> {
    try {
      await this.redis.set(this.keyPrefix + key, JSON.stringify(value), 'PX', this.ttlMs);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * The AI response cache for the configured mode (docs/architecture.md, "Two modes").
 *
 * @example
 * const cache = createResponseCache({ ttlMs: config.ai.cacheTtlMs, redis: config.redis });
 */
export function createResponseCache<V>(options: ResponseCacheOptions): ResponseCache<V> {
  return options.redis.url && options.ttlMs > 0
    ? new RedisResponseCache<V>(options.redis.url, options.redis.prefix, options.ttlMs, options.onError)
    : new MemoryResponseCache<V>(options.ttlMs);
}
