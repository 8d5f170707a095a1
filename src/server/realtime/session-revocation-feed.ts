import type { Config } from '../config/config.js';
import { RedisSessionRevocationFeed } from './redis-session-revocation-feed.js';

/** What an instance does when sessions end elsewhere. */
export interface RevocationListener {
  /** These sessions ended (signed out, password changed, token reuse detected). */
  revoked(sessionIds: readonly string[]): void;
  /** Announcements may have been lost (a broken Redis connection): forget whatever was cached. */
  missed(): void;
}

/**
 * Tells the other instances that sessions ended, so they drop what they cached about them. The instance
 * that ends a session acts on it itself first; the feed only carries the news to the others.
 */
export interface SessionRevocationFeed {
  announce(sessionIds: readonly string[]): Promise<void>;
  /** Start receiving announcements (the first call connects); resolves once they arrive. */
  listen(listener: RevocationListener): Promise<void>;
  /** Whether announcements arrive right now, so a cached "still signed in" can be trusted. */
  readonly listening: boolean;
  close(): Promise<void>;
}

/** One process has nobody to tell. */
export class LocalSessionRevocationFeed implements SessionRevocationFeed {
  readonly listening = true;

  async announce(): Promise<void> {}

  async listen(): Promise<void> {}

  async close(): Promise<void> {}
}

/**
 * The feed for the configured mode: Redis pub/sub with `REDIS_URL` (several instances), otherwise none.
 *
 * @example
 * const feed = createSessionRevocationFeed(config.redis, { onError: () => errors.inc() });
 */
export function createSessionRevocationFeed(
  redis: Config['redis'],
  options: { onError?: (error: unknown) => void } = {},
): SessionRevocationFeed {
  return redis.url
    ? new RedisSessionRevocationFeed({ url: redis.url, prefix: redis.prefix, onError: options.onError })
    : new LocalSessionRevocationFeed();
}
