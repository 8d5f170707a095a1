import { EventEmitter } from 'node:events';
import { type LiveEvent, liveEventSchema, type NewLiveEvent } from '#shared/events.schema.js';
import type { EventBus, EventListener, SubscribeOptions, Subscription } from './event-bus.js';
import { formatEventId, newEpoch } from './event-id.js';
import { WorkspaceFeeds, type WorkspaceFeedsOptions } from './workspace-feeds.js';

export interface InProcessEventBusOptions extends WorkspaceFeedsOptions {
  now?: () => Date;
}

/**
 * The single-process bus: an EventEmitter with one event name per workspace. Sequences live in memory, so
 * each process start is a new epoch and clients holding older ids are told to resync.
 */
export class InProcessEventBus implements EventBus {
  readonly kind = 'in-process';
  private readonly emitter = new EventEmitter();
  private readonly epoch = newEpoch();
  private readonly sequences = new Map<string, number>();
  private readonly feeds: WorkspaceFeeds;
  private readonly now: () => Date;
  private readonly onError: (error: unknown) => void;

  constructor(options: InProcessEventBusOptions = {}) {
    this.now = options.now ?? (() => new Date());
    this.onError = options.onError ?? (() => {});
    // One listener per subscribed workspace, however many workspaces: not a leak.
    this.emitter.setMaxListeners(0);
    const deliver = (event: LiveEvent) => this.feeds.deliver(event);
    this.feeds = new WorkspaceFeeds(
      {
        open: async (businessId) => {
          this.emitter.on(eventName(businessId), deliver);
        },
        close: async (businessId) => {
          this.emitter.off(eventName(businessId), deliver);
        },
        position: async (businessId) => ({ epoch: this.epoch, seq: this.sequences.get(businessId) ?? 0 }),
      },
      options,
    );
  }

  async publish(input: NewLiveEvent): Promise<LiveEvent> {
    const seq = (this.sequences.get(input.business_id) ?? 0) + 1;
    const event = liveEventSchema.parse({
      ...input,
      id: formatEventId(this.epoch, seq),
      at: this.now().toISOString(),
    });
    this.sequences.set(input.business_id, seq);
    this.emitter.emit(eventName(input.business_id), event);
    return event;
  }

  emit(input: NewLiveEvent): void {
    this.publish(input).catch(this.onError);
  }

  subscribe(businessId: string, listener: EventListener, options?: SubscribeOptions): Promise<Subscription> {
    return this.feeds.subscribe(businessId, listener, options);
  }

  close(): Promise<void> {
    return this.feeds.close();
  }
}

/** Prefixed, so no workspace id can collide with the emitter's special `error` event. */
function eventName(businessId: string): string {
  return `events:${businessId}`;
}
