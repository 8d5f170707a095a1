import type { Config } from '../config/config.js';
import type { EventBus } from './event-bus.js';
import { InProcessEventBus } from './in-process-event-bus.js';
import { RedisEventBus } from './redis-event-bus.js';
import type { WorkspaceFeedsOptions } from './workspace-feeds.js';

export interface EventBusOptions extends WorkspaceFeedsOptions {
  now?: () => Date;
}

/**
 * The bus for the configured mode (docs/architecture.md, "Two modes"): Redis pub/sub when `REDIS_URL` is set, so every
 * instance sees every event; otherwise an in-process emitter.
 *
 * @example
 * const bus = createEventBus(config.redis, { onError: (error) => log.warn({ err: error }) });
 */
export function createEventBus(redis: Config['redis'], options: EventBusOptions = {}): EventBus {
  return redis.url
    ? new RedisEventBus({ ...options, url: redis.url, prefix: redis.prefix })
    : new InProcessEventBus(options);
}
