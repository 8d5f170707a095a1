import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';

/** Receives one workspace's events, in order. */
export type EventListener = (event: LiveEvent) => void;

/** Stops a subscription; calling it twice is harmless. */
export type Unsubscribe = () => void;

/** A running subscription: call it to stop. */
export interface Subscription extends Unsubscribe {
  /** The newest event id the subscriber has been brought up to: where a client resumes from later. */
  readonly lastEventId: string;
}

export interface SubscribeOptions {
  /**
   * The last event the subscriber saw: the missed ones still in this instance's recent-events buffer are
   * delivered to the listener before `subscribe` resolves; if some are gone, `onResync` is called instead.
   */
  lastEventId?: string;
  /** Events were lost (too old to replay, or a broken Redis connection): the subscriber should refetch. */
  onResync?: () => void;
}

/**
 * Workspace-scoped publish/subscribe for live updates. Two implementations pass the same contract test:
 * in-process (one server) and Redis pub/sub (every instance sees every instance's events). A listener only
 * ever receives events of the workspace it subscribed to.
 */
export interface EventBus {
  readonly kind: 'in-process' | 'redis';
  /** Stamp the event with the workspace's next id and the time, and deliver it to every subscriber. */
  publish(event: NewLiveEvent): Promise<LiveEvent>;
  /** Fire and forget: a failure is reported to the bus's `onError`, never to the caller. */
  emit(event: NewLiveEvent): void;
  subscribe(businessId: string, listener: EventListener, options?: SubscribeOptions): Promise<Subscription>;
  /** Drop every subscription and disconnect. */
  close(): Promise<void>;
}

/** What a service needs to announce changes; optional in their dependencies. */
export type EventPublisher = Pick<EventBus, 'emit'>;
