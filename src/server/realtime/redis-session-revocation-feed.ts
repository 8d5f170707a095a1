import { Redis } from 'ioredis';
import { z } from 'zod';
import type { RevocationListener, SessionRevocationFeed } from './session-revocation-feed.js';

export interface RedisSessionRevocationFeedOptions {
  url: string;
  /** Namespaces the channel, like the event bus's (`<prefix>:sessions:revoked`). */
  prefix: string;
  onError?: (error: unknown) => void;
}

const announcementSchema = z.object({ session_ids: z.array(z.string().min(1).max(100)).min(1).max(10_000) });

/**
 * Session revocations over one Redis pub/sub channel. Both connections open lazily: a process that never
 * checks sessions (the job worker, the CLI) never connects. While the subscriber is disconnected the feed
 * reports `listening: false`; after it reconnects the listener hears `missed()`.
 */
export class RedisSessionRevocationFeed implements SessionRevocationFeed {
  private readonly publisher: Redis;
  private subscriber: Redis | undefined;
  private readonly channel: string;
  private readonly onError: (error: unknown) => void;
  private readonly listeners: RevocationListener[] = [];
  private subscribed = false;
  private firstSubscription: Promise<void> | undefined;

  constructor(options: RedisSessionRevocationFeedOptions) {
    this.channel = `${options.prefix}:sessions:revoked`;
    this.onError = options.onError ?? (() => {});
    this.publisher = new Redis(options.url, {
      connectionName: 'mcc-sessions',
      lazyConnect: true,
      maxRetriesPerRequest: 1,
    });
    this.publisher.on('error', this.onError);
  }

  get listening(): boolean {
    return this.subscribed;
  }

  async announce(sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await this.publisher.publish(this.channel, JSON.stringify({ session_ids: sessionIds }));
  }

  listen(listener: RevocationListener): Promise<void> {
    this.listeners.push(listener);
    this.firstSubscription ??= this.connect();
    return this.firstSubscription;
  }

  private connect(): Promise<void> {
    const subscriber = this.publisher.duplicate({ connectionName: 'mcc-sessions-sub', lazyConnect: false });
    this.subscriber = subscriber;
    subscriber.on('error', this.onError);
    subscriber.on('message', (channel: string, message: string) => this.receive(channel, message));
    subscriber.on('close', () => {
      this.subscribed = false;
    });
    // Announcements sent while disconnected are gone: subscribe again (ioredis does too, without telling
    // when it is done), and only then trust the cache again, starting from an empty one.
    return new Promise((resolve) => {
      subscriber.on('ready', () => {
        subscriber.subscribe(this.channel).then(() => {
          this.subscribed = true;
          for (const each of this.listeners) each.missed();
          resolve();
        }, this.onError);
      });
    });
  }

  async close(): Promise<void> {
    this.subscribed = false;
    await Promise.all([quit(this.publisher), this.subscriber && quit(this.subscriber)]);
  }

  private receive(channel: string, message: string): void {
    if (channel !== this.channel) return;
    try {
      const { session_ids: ids } = announcementSchema.parse(JSON.parse(message));
      for (const listener of this.listeners) listener.revoked(ids);
    } catch (error) {
      this.onError(error);
    }
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status === 'end' || client.status === 'wait') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}
