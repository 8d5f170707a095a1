import { Redis } from 'ioredis';
import { type LiveEvent, liveEventSchema, type NewLiveEvent } from '#shared/events.schema.js';
import type { EventBus, EventListener, SubscribeOptions, Subscription } from './event-bus.js';
import { newEpoch } from './event-id.js';
import { WorkspaceFeeds, type WorkspaceFeedsOptions } from './workspace-feeds.js';

export interface RedisEventBusOptions extends WorkspaceFeedsOptions {
  url: string;
  /** Namespaces keys and channels, so several installations (or test runs) can share one Redis. */
  prefix: string;
  now?: () => Date;
}

// Numbering and publishing in one script: Redis runs it atomically, so events reach every subscriber in
// the order of their numbers even when several instances publish to the same workspace at once.
const PUBLISH_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
local epoch = redis.call('GET', KEYS[1])
local seq = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[3], epoch .. '-' .. seq .. ' ' .. ARGV[2])
return {epoch, seq}
`;
const POSITION_SCRIPT = `
redis.call('SET', KEYS[1], ARGV[1], 'NX')
return {redis.call('GET', KEYS[1]), tonumber(redis.call('GET', KEYS[2]) or '0')}
`;

/**
 * The scale-out bus: one pub/sub channel per workspace (`<prefix>:events:<businessId>`), so Redis routes
 * each event only to the instances with a client in that workspace, and a tenant's events never reach a
 * handler subscribed for another. Two connections: commands, and one in subscriber mode.
 */
export class RedisEventBus implements EventBus {
  readonly kind = 'redis';
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly feeds: WorkspaceFeeds;
  private readonly prefix: string;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;

  constructor(options: RedisEventBusOptions) {
    this.prefix = `${options.prefix}:events:`;
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => {});
    this.publisher = new Redis(options.url, { connectionName: 'mcc-events', maxRetriesPerRequest: 2 });
    this.subscriber = this.publisher.duplicate({ connectionName: 'mcc-events-sub' });
    for (const client of [this.publisher, this.subscriber]) client.on('error', this.onError);

    this.feeds = new WorkspaceFeeds(
      {
        open: async (businessId) => {
          await this.subscriber.subscribe(this.channel(businessId));
        },
        close: async (businessId) => {
          if (this.subscriber.status === 'ready') await this.subscriber.unsubscribe(this.channel(businessId));
        },
        position: (businessId) => this.position(businessId),
      },
      options,
    );
    this.subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
    // ioredis subscribes again after a reconnect; events published meanwhile are lost, so check for gaps.
    let connected = false;
    this.subscriber.on('ready', () => {
      if (connected) this.feeds.catchUp().catch(this.onError);
      connected = true;
    });
  }

  async publish(input: NewLiveEvent): Promise<LiveEvent> {
    const at = this.now().toISOString();
    const body = JSON.stringify({ ...input, at });
    // Validate before numbering, so a bad event never burns an id.
    liveEventSchema.parse({ ...input, at, id: 'x-0' });
    const [epoch, seq] = (await this.publisher.eval(
      PUBLISH_SCRIPT,
      2,
      this.epochKey(),
      this.sequenceKey(input.business_id),
      newEpoch(),
      body,
      this.channel(input.business_id),
    )) as [string, number];
    return liveEventSchema.parse({ ...input, at, id: `${epoch}-${seq}` });
  }

  emit(input: NewLiveEvent): void {
    this.publish(input).catch(this.onError);
  }

  subscribe(businessId: string, listener: EventListener, options?: SubscribeOptions): Promise<Subscription> {
    return this.feeds.subscribe(businessId, listener, options);
  }

  async close(): Promise<void> {
    await this.feeds.close();
    await Promise.all([quit(this.subscriber), quit(this.publisher)]);
  }

  private async position(businessId: string) {
    const [epoch, seq] = (await this.publisher.eval(
      POSITION_SCRIPT,
      2,
      this.epochKey(),
      this.sequenceKey(businessId),
      newEpoch(),
    )) as [string, number];
    return { epoch, seq };
  }

  private receive(channel: string, message: string): void {
    if (!channel.startsWith(this.prefix)) return;
    const businessId = channel.slice(this.prefix.length);
    const space = message.indexOf(' ');
    try {
      const event = liveEventSchema.parse({
        ...JSON.parse(message.slice(space + 1)),
        id: message.slice(0, space),
      });
      // The channel names the tenant; an event claiming another one is dropped, never delivered.
      if (event.business_id !== businessId) throw new Error(`Event for another workspace on ${channel}`);
      this.feeds.deliver(event);
    } catch (error) {
      this.onError(error);
    }
  }

  private channel(businessId: string): string {
    return `${this.prefix}${businessId}`;
  }

  private epochKey(): string {
    return `${this.prefix}epoch`;
  }

  private sequenceKey(businessId: string): string {
    return `${this.prefix}seq:${businessId}`;
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end') return;
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
