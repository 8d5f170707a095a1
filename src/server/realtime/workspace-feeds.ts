import type { LiveEvent } from '#shared/events.schema.js';
import type { EventListener, SubscribeOptions, Subscription } from './event-bus.js';
import { type EventPosition, formatEventId, parseEventId } from './event-id.js';

/** How a bus receives one workspace's events; it hands each one to `WorkspaceFeeds.deliver`. */
export interface FeedTransport {
  /** Start receiving the workspace's events. */
  open(businessId: string): Promise<void>;
  /** Where the workspace's sequence stands: its epoch and the number of the last event published. */
  position(businessId: string): Promise<EventPosition>;
  /** Stop receiving them. */
  close(businessId: string): Promise<void>;
}

export interface WorkspaceFeedsOptions {
  /** Recent events kept per workspace for resuming clients. */
  capacity?: number;
  /** How long a workspace stays subscribed after its last listener left, so a reconnect can resume. */
  lingerMs?: number;
  onError?: (error: unknown) => void;
}

interface Subscriber {
  listener: EventListener;
  onResync: (() => void) | undefined;
}

interface Buffered {
  event: LiveEvent;
  seq: number;
}

/** One workspace's subscription on this instance: its listeners and its recent events. */
class Feed {
  readonly subscribers = new Set<Subscriber>();
  /** Consecutive events, oldest first; every event after `completeAfter` is here. */
  recent: Buffered[] = [];
  completeAfter = 0;
  lastSeq = 0;
  epoch = '';
  isOpen = false;
  /** Events that arrived while the transport was still opening. */
  early: LiveEvent[] = [];
  linger: NodeJS.Timeout | undefined;
  opened: Promise<void> = Promise.resolve();
}

export const DEFAULT_FEED_CAPACITY = 200;
export const DEFAULT_FEED_LINGER_MS = 120_000;

/**
 * The part both buses share: per-workspace listeners, a ring buffer of recent events for resuming, gap
 * detection (ids count up by one per workspace, so a jump means lost events) and lingering subscriptions.
 */
export class WorkspaceFeeds {
  private readonly feeds = new Map<string, Feed>();
  private readonly capacity: number;
  private readonly lingerMs: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly transport: FeedTransport,
    options: WorkspaceFeedsOptions = {},
  ) {
    this.capacity = options.capacity ?? DEFAULT_FEED_CAPACITY;
    this.lingerMs = options.lingerMs ?? DEFAULT_FEED_LINGER_MS;
    this.onError = options.onError ?? (() => {});
  }

  /** Add a listener; missed events (or a resync) reach it before this resolves. */
  async subscribe(
    businessId: string,
    listener: EventListener,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    const feed = this.feedFor(businessId);
    await feed.opened;
    const subscriber: Subscriber = { listener, onResync: options.onResync };
    // Replay and registration happen in one synchronous step, so no event falls between them.
    this.replay(feed, subscriber, options.lastEventId);
    feed.subscribers.add(subscriber);
    let done = false;
    const unsubscribe = () => {
      if (done) return;
      done = true;
      feed.subscribers.delete(subscriber);
      if (feed.subscribers.size === 0) this.scheduleClose(businessId, feed);
    };
    return Object.assign(unsubscribe, { lastEventId: formatEventId(feed.epoch, feed.lastSeq) });
  }

  /** Called by the transport for every event it receives. */
  deliver(event: LiveEvent): void {
    const feed = this.feeds.get(event.business_id);
    if (!feed) return;
    if (!feed.isOpen) {
      feed.early.push(event);
      return;
    }
    const position = parseEventId(event.id);
    if (!position) return;
    if (position.epoch !== feed.epoch || position.seq > feed.lastSeq + 1) {
      feed.epoch = position.epoch;
      this.lose(feed, position.seq - 1);
    } else if (position.seq <= feed.lastSeq) {
      return;
    }
    feed.recent.push({ event, seq: position.seq });
    feed.lastSeq = position.seq;
    if (feed.recent.length > this.capacity) {
      const dropped = feed.recent.shift();
      if (dropped) feed.completeAfter = dropped.seq;
    }
    for (const subscriber of [...feed.subscribers]) this.call(() => subscriber.listener(event));
  }

  /** After the transport may have missed events (a reconnect): compare with where each sequence stands. */
  async catchUp(): Promise<void> {
    for (const [businessId, feed] of this.feeds) {
      if (!feed.isOpen) continue;
      const position = await this.transport.position(businessId);
      if (position.epoch !== feed.epoch || position.seq !== feed.lastSeq) {
        feed.epoch = position.epoch;
        this.lose(feed, position.seq);
      }
    }
  }

  /** The workspaces this instance currently receives. */
  openWorkspaces(): string[] {
    return [...this.feeds.keys()];
  }

  async close(): Promise<void> {
    const ids = [...this.feeds.keys()];
    for (const feed of this.feeds.values()) clearTimeout(feed.linger);
    this.feeds.clear();
    await Promise.all(ids.map((id) => this.transport.close(id).catch(this.onError)));
  }

  private feedFor(businessId: string): Feed {
    const existing = this.feeds.get(businessId);
    if (existing) {
      clearTimeout(existing.linger);
      existing.linger = undefined;
      return existing;
    }
    const feed = new Feed();
    this.feeds.set(businessId, feed);
    feed.opened = this.transport
      .open(businessId)
      .then(() => this.transport.position(businessId))
      .then(
        (position) => {
          feed.epoch = position.epoch;
          feed.completeAfter = position.seq;
          feed.lastSeq = position.seq;
          feed.isOpen = true;
          const early = feed.early;
          feed.early = [];
          for (const event of early) this.deliver(event);
        },
        (error: unknown) => {
          if (this.feeds.get(businessId) === feed) this.feeds.delete(businessId);
          throw error;
        },
      );
    return feed;
  }

  private replay(feed: Feed, subscriber: Subscriber, lastEventId: string | undefined): void {
    if (lastEventId === undefined) return;
    const position = parseEventId(lastEventId);
    const replayable =
      position !== undefined &&
      position.epoch === feed.epoch &&
      position.seq >= feed.completeAfter &&
      position.seq <= feed.lastSeq;
    if (!replayable) {
      if (subscriber.onResync) this.call(subscriber.onResync);
      return;
    }
    for (const { event, seq } of feed.recent) {
      if (seq > position.seq) this.call(() => subscriber.listener(event));
    }
  }

  /** Events up to `seq` are unknown to this instance: forget the buffer and tell the listeners. */
  private lose(feed: Feed, seq: number): void {
    feed.recent = [];
    feed.completeAfter = seq;
    feed.lastSeq = seq;
    for (const subscriber of [...feed.subscribers]) {
      if (subscriber.onResync) this.call(subscriber.onResync);
    }
  }

  private scheduleClose(businessId: string, feed: Feed): void {
    clearTimeout(feed.linger);
    feed.linger = setTimeout(() => {
      if (feed.subscribers.size > 0 || this.feeds.get(businessId) !== feed) return;
      this.feeds.delete(businessId);
      this.transport.close(businessId).catch(this.onError);
    }, this.lingerMs);
    feed.linger.unref();
  }

  private call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      this.onError(error);
    }
  }
}
