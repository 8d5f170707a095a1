import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventBus } from '#server/realtime/event-bus.js';
import { InProcessEventBus } from '#server/realtime/in-process-event-bus.js';
import { RedisEventBus } from '#server/realtime/redis-event-bus.js';
import type { WorkspaceFeedsOptions } from '#server/realtime/workspace-feeds.js';
import type { LiveEvent, NewLiveEvent } from '#shared/events.schema.js';
import { deleteRedisPrefix, redisSkipReason, TEST_REDIS_URL, testRedisPrefix } from '../support/redis.js';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';

const usage = (businessId: string, n: number): NewLiveEvent => ({
  type: 'usage.changed',
  business_id: businessId,
  data: { call_id: `call-${n}`, task: 'writeContent', outcome: 'ok', cost_micro_usd: n },
});

/** A listener that records what it receives. */
function recorder() {
  const events: LiveEvent[] = [];
  let resyncs = 0;
  return {
    events,
    get resyncs() {
      return resyncs;
    },
    listener: (event: LiveEvent) => events.push(event),
    onResync: () => {
      resyncs += 1;
    },
  };
}

const seqOf = (event: LiveEvent) => Number(event.id.split('-')[1]);
const callIds = (events: LiveEvent[]) => events.map((event) => (event.data as { call_id: string }).call_id);

const prefixes: string[] = [];
const BUSES: {
  kind: EventBus['kind'];
  skip: boolean;
  create: (options?: WorkspaceFeedsOptions, prefix?: string) => EventBus;
}[] = [
  { kind: 'in-process', skip: false, create: (options) => new InProcessEventBus(options) },
  {
    kind: 'redis',
    skip: Boolean(redisSkipReason),
    create: (options, prefix = testRedisPrefix()) => {
      prefixes.push(prefix);
      return new RedisEventBus({ ...options, url: TEST_REDIS_URL, prefix });
    },
  },
];

for (const { kind, skip, create } of BUSES) {
  describe.skipIf(skip)(`event bus contract [${kind}]`, () => {
    const open: EventBus[] = [];
    const bus = (options?: WorkspaceFeedsOptions, prefix?: string) => {
      const created = create(options, prefix);
      open.push(created);
      return created;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((each) => each.close()));
      await Promise.all(prefixes.splice(0).map(deleteRedisPrefix));
    });

    it('delivers a workspace’s events to its subscribers in order, numbered and stamped', async () => {
      const events = bus();
      const first = recorder();
      const second = recorder();
      await events.subscribe(A, first.listener);
      await events.subscribe(A, second.listener);
      const published: LiveEvent[] = [];
      for (let n = 1; n <= 5; n++) published.push(await events.publish(usage(A, n)));

      await vi.waitFor(() => expect(first.events).toHaveLength(5));
      await vi.waitFor(() => expect(second.events).toHaveLength(5));
      expect(first.events).toEqual(published);
      expect(second.events).toEqual(published);
      expect(published.map(seqOf)).toEqual([1, 2, 3, 4, 5]);
      expect(published[0]).toMatchObject({ business_id: A, type: 'usage.changed' });
      expect(Date.parse(published[0]?.at ?? '')).not.toBeNaN();
    });

    it('never delivers one workspace’s events to another’s subscribers', async () => {
      const events = bus();
      const a = recorder();
      const b = recorder();
      await events.subscribe(A, a.listener);
      await events.subscribe(B, b.listener);
      await events.publish(usage(B, 1));
      await events.publish(usage(A, 2));
      await events.publish(usage(B, 3));

      await vi.waitFor(() => expect(b.events).toHaveLength(2));
      await vi.waitFor(() => expect(a.events).toHaveLength(1));
      expect(a.events.every((event) => event.business_id === A)).toBe(true);
      expect(b.events.every((event) => event.business_id === B)).toBe(true);
      // Each workspace counts on its own.
      expect(b.events.map(seqOf)).toEqual([1, 2]);
      expect(a.events.map(seqOf)).toEqual([1]);
    });

    it('stops delivering after unsubscribe', async () => {
      const events = bus();
      const gone = recorder();
      const stays = recorder();
      const unsubscribe = await events.subscribe(A, gone.listener);
      await events.subscribe(A, stays.listener);
      unsubscribe();
      unsubscribe();
      await events.publish(usage(A, 1));
      await vi.waitFor(() => expect(stays.events).toHaveLength(1));
      expect(gone.events).toEqual([]);
    });

    it('replays what a returning subscriber missed, before subscribe resolves', async () => {
      const events = bus();
      // Another subscriber keeps the workspace followed and shows when events have arrived.
      const keeper = recorder();
      await events.subscribe(A, keeper.listener);
      const before = recorder();
      const unsubscribe = await events.subscribe(A, before.listener);
      for (let n = 1; n <= 3; n++) await events.publish(usage(A, n));
      await vi.waitFor(() => expect(before.events).toHaveLength(3));
      unsubscribe();
      const missed = [await events.publish(usage(A, 4)), await events.publish(usage(A, 5))];
      await vi.waitFor(() => expect(keeper.events).toHaveLength(5));

      const back = recorder();
      const subscription = await events.subscribe(A, back.listener, {
        lastEventId: before.events[2]?.id,
        onResync: back.onResync,
      });
      expect(back.events).toEqual(missed);
      expect(subscription.lastEventId).toBe(missed[1]?.id);
      expect(back.resyncs).toBe(0);
      await events.publish(usage(A, 6));
      await vi.waitFor(() => expect(callIds(back.events)).toEqual(['call-4', 'call-5', 'call-6']));
    });

    it('asks for a resync when the missed events are gone or the id is from another epoch', async () => {
      const events = bus({ capacity: 2 });
      const watcher = recorder();
      await events.subscribe(A, watcher.listener);
      for (let n = 1; n <= 5; n++) await events.publish(usage(A, n));
      await vi.waitFor(() => expect(watcher.events).toHaveLength(5));

      const stale = recorder();
      await events.subscribe(A, stale.listener, {
        lastEventId: watcher.events[0]?.id,
        onResync: stale.onResync,
      });
      expect(stale.resyncs).toBe(1);
      expect(stale.events).toEqual([]);

      const stranger = recorder();
      await events.subscribe(A, stranger.listener, { lastEventId: 'zzz-3', onResync: stranger.onResync });
      expect(stranger.resyncs).toBe(1);

      // The newest buffered event is still a valid place to resume from: nothing to replay.
      const current = recorder();
      await events.subscribe(A, current.listener, {
        lastEventId: watcher.events[4]?.id,
        onResync: current.onResync,
      });
      expect(current.resyncs).toBe(0);
      expect(current.events).toEqual([]);
    });

    it('asks for a resync when events were published while nobody on this instance followed', async () => {
      const events = bus();
      const first = await events.publish(usage(A, 1));
      await events.publish(usage(A, 2));
      const late = recorder();
      await events.subscribe(A, late.listener, { lastEventId: first.id, onResync: late.onResync });
      expect(late.resyncs).toBe(1);
    });

    it('refuses an invalid event without numbering it', async () => {
      const events = bus();
      await expect(events.publish({ ...usage(A, 1), business_id: 'not-a-uuid' })).rejects.toThrow();
      expect(seqOf(await events.publish(usage(A, 2)))).toBe(1);
    });

    it('reports a failed fire-and-forget publish to onError', async () => {
      const errors: unknown[] = [];
      const events = bus({ onError: (error) => errors.push(error) });
      events.emit({ ...usage(A, 1), business_id: 'not-a-uuid' });
      await vi.waitFor(() => expect(errors).toHaveLength(1));
    });
  });
}

describe.skipIf(Boolean(redisSkipReason))('event bus on Redis across instances', () => {
  const buses: EventBus[] = [];
  let prefix = '';
  afterEach(async () => {
    await Promise.all(buses.splice(0).map((each) => each.close()));
    await deleteRedisPrefix(prefix);
  });
  const instance = (onPrefix = prefix) => {
    const bus = new RedisEventBus({ url: TEST_REDIS_URL, prefix: onPrefix });
    buses.push(bus);
    return bus;
  };

  it('delivers an event published on one instance to subscribers on another, in one sequence', async () => {
    prefix = testRedisPrefix();
    const a = instance();
    const b = instance();
    const onB = recorder();
    const onA = recorder();
    await b.subscribe(A, onB.listener);
    await a.subscribe(A, onA.listener);
    await a.publish(usage(A, 1));
    await b.publish(usage(A, 2));
    await a.publish(usage(A, 3));
    await vi.waitFor(() => expect(onB.events).toHaveLength(3));
    await vi.waitFor(() => expect(onA.events).toHaveLength(3));
    expect(onB.events.map(seqOf)).toEqual([1, 2, 3]);
    expect(onA.events).toEqual(onB.events);
  });

  it('keeps installations with different prefixes apart', async () => {
    prefix = testRedisPrefix();
    const other = testRedisPrefix();
    const mine = instance();
    const theirs = instance(other);
    const heard = recorder();
    await theirs.subscribe(A, heard.listener);
    const control = recorder();
    await mine.subscribe(A, control.listener);
    await mine.publish(usage(A, 1));
    await vi.waitFor(() => expect(control.events).toHaveLength(1));
    await theirs.publish(usage(A, 2));
    await vi.waitFor(() => expect(heard.events).toHaveLength(1));
    expect(callIds(heard.events)).toEqual(['call-2']);
    await deleteRedisPrefix(other);
  });
});
