import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '#shared/events.schema.js';
import type { EventPosition } from './event-id.js';
import { type FeedTransport, WorkspaceFeeds } from './workspace-feeds.js';

const A = '0190a000-0000-7000-8000-00000000000a';

const event = (id: string): LiveEvent => ({
  type: 'job.completed',
  id,
  business_id: A,
  at: '2025-01-01T00:00:00.000Z',
  data: { job_id: id, name: 'noop' },
});

/** A transport whose sequence position the test sets, recording opens and closes. */
function fakeTransport(position: EventPosition = { epoch: 'e1', seq: 0 }) {
  const calls: string[] = [];
  const transport: FeedTransport & { position: FeedTransport['position'] } = {
    open: async (businessId) => {
      calls.push(`open ${businessId}`);
    },
    close: async (businessId) => {
      calls.push(`close ${businessId}`);
    },
    position: async () => position,
  };
  return { transport, calls, set: (next: EventPosition) => Object.assign(position, next) };
}

describe('WorkspaceFeeds', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('treats a jump in the sequence as lost events: listeners resync, and the buffer restarts', async () => {
    const { transport } = fakeTransport();
    const feeds = new WorkspaceFeeds(transport);
    const seen: string[] = [];
    let resyncs = 0;
    await feeds.subscribe(A, (e) => seen.push(e.id), { onResync: () => resyncs++ });
    feeds.deliver(event('e1-1'));
    feeds.deliver(event('e1-1'));
    feeds.deliver(event('e1-4'));
    expect(seen).toEqual(['e1-1', 'e1-4']);
    expect(resyncs).toBe(1);

    // Resuming from before the gap is impossible; from after it, fine.
    let late = 0;
    await feeds.subscribe(A, () => {}, { lastEventId: 'e1-1', onResync: () => late++ });
    expect(late).toBe(1);
    const replayed: string[] = [];
    feeds.deliver(event('e1-5'));
    await feeds.subscribe(A, (e) => replayed.push(e.id), { lastEventId: 'e1-4' });
    expect(replayed).toEqual(['e1-5']);
  });

  it('follows a new epoch (the sequence restarted) with a resync', async () => {
    const { transport } = fakeTransport({ epoch: 'e1', seq: 7 });
    const feeds = new WorkspaceFeeds(transport);
    let resyncs = 0;
    const seen: string[] = [];
    await feeds.subscribe(A, (e) => seen.push(e.id), { onResync: () => resyncs++ });
    feeds.deliver(event('e2-1'));
    expect(seen).toEqual(['e2-1']);
    expect(resyncs).toBe(1);
  });

  it('delivers events that arrived while the subscription was opening, dropping those already counted', async () => {
    const { transport } = fakeTransport({ epoch: 'e1', seq: 2 });
    const feeds = new WorkspaceFeeds(transport);
    const seen: string[] = [];
    const subscribed = feeds.subscribe(A, (e) => seen.push(e.id), { lastEventId: 'e1-2' });
    feeds.deliver(event('e1-2'));
    feeds.deliver(event('e1-3'));
    await subscribed;
    expect(seen).toEqual(['e1-3']);
  });

  it('keeps a workspace followed for the linger time after its last listener leaves', async () => {
    vi.useFakeTimers();
    const { transport, calls } = fakeTransport();
    const feeds = new WorkspaceFeeds(transport, { lingerMs: 1000 });
    const unsubscribe = await feeds.subscribe(A, () => {});
    unsubscribe();
    await vi.advanceTimersByTimeAsync(999);
    expect(feeds.openWorkspaces()).toEqual([A]);
    // A returning listener cancels the close.
    const again = await feeds.subscribe(A, () => {});
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toEqual([`open ${A}`]);
    again();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual([`open ${A}`, `close ${A}`]);
    expect(feeds.openWorkspaces()).toEqual([]);
  });

  it('after a reconnect, resyncs the workspaces whose sequence moved on meanwhile', async () => {
    const { transport, set } = fakeTransport({ epoch: 'e1', seq: 0 });
    const feeds = new WorkspaceFeeds(transport);
    let resyncs = 0;
    await feeds.subscribe(A, () => {}, { onResync: () => resyncs++ });
    feeds.deliver(event('e1-1'));
    set({ epoch: 'e1', seq: 1 });
    await feeds.catchUp();
    expect(resyncs).toBe(0);
    set({ epoch: 'e1', seq: 3 });
    await feeds.catchUp();
    expect(resyncs).toBe(1);
  });

  it('reports a throwing listener to onError and still serves the others', async () => {
    const errors: unknown[] = [];
    const feeds = new WorkspaceFeeds(fakeTransport().transport, { onError: (error) => errors.push(error) });
    const seen: string[] = [];
    await feeds.subscribe(A, () => {
      throw new Error('listener bug');
    });
    await feeds.subscribe(A, (e) => seen.push(e.id));
    feeds.deliver(event('e1-1'));
    expect(seen).toEqual(['e1-1']);
    expect(errors).toHaveLength(1);
  });
});
