import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent, ServerFrame } from '#shared/events.schema.js';
import { RealtimeClient, type RealtimeSocket, realtimeUrl } from './realtime.js';
import { isWorkspaceQuery, staleQueryPrefixes } from './realtime-invalidation.js';

const A = '0190a000-0000-7000-8000-00000000000a';
const B = '0190a000-0000-7000-8000-00000000000b';

/** A socket the test drives: it records what the client sends and plays the server's part. */
class FakeSocket implements RealtimeSocket {
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: ((close: { code: number }) => void) | null = null;
  readonly sent: Record<string, unknown>[] = [];
  closedByClient = false;

  constructor(readonly url: string) {}

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close(): void {
    this.closedByClient = true;
    this.readyState = 3;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: ServerFrame): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

const usageEvent = (businessId: string, seq: number): LiveEvent => ({
  type: 'usage.changed',
  id: `ep-${seq}`,
  business_id: businessId,
  at: '2025-01-01T00:00:00.000Z',
  data: { call_id: `call-${seq}`, task: 'writeContent', outcome: 'ok', cost_micro_usd: 0 },
});

describe('RealtimeClient', () => {
  let sockets: FakeSocket[];
  let token: string | undefined;
  let sessionListener: () => void;
  let events: LiveEvent[];
  let resyncs: string[];
  let refreshes: number;

  const makeClient = () =>
    new RealtimeClient({
      url: 'ws://app.test/api/ws',
      getToken: () => token,
      onSessionChange: (listener) => {
        sessionListener = listener;
        return () => {};
      },
      refreshToken: async () => {
        refreshes += 1;
        token = 'refreshed';
      },
      onEvent: (event) => events.push(event),
      onResync: (id) => resyncs.push(id),
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket;
      },
      random: () => 0,
      pingIntervalMs: 1000,
      pongTimeoutMs: 500,
    });
  const last = () => sockets[sockets.length - 1] as FakeSocket;
  /** Open the newest socket and accept its token. */
  const accept = () => {
    last().open();
    last().receive({ type: 'authenticated', expires_at: '2030-01-01T00:00:00.000Z' });
  };

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    token = 'token-1';
    events = [];
    resyncs = [];
    refreshes = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('authenticates with the first frame, never the URL, then follows the workspace', () => {
    const client = makeClient();
    client.setWorkspace(A);
    client.start();
    expect(client.getStatus()).toBe('connecting');
    last().open();
    expect(last().url).toBe('ws://app.test/api/ws');
    expect(last().sent).toEqual([{ type: 'auth', token: 'token-1' }]);
    last().receive({ type: 'authenticated', expires_at: '2030-01-01T00:00:00.000Z' });
    expect(client.getStatus()).toBe('live');
    expect(last().sent[1]).toEqual({ type: 'subscribe', business_id: A });

    last().receive({ type: 'event', event: usageEvent(A, 1) });
    last().receive({ type: 'event', event: usageEvent(B, 1) });
    expect(events.map((event) => event.business_id)).toEqual([A]);
  });

  it('reconnects with growing, jittered delays and resumes from the last event id', () => {
    const client = makeClient();
    client.setWorkspace(A);
    client.start();
    accept();
    last().receive({ type: 'subscribed', business_id: A, last_event_id: 'ep-4' });
    last().receive({ type: 'event', event: usageEvent(A, 5) });

    last().drop();
    expect(client.getStatus()).toBe('offline');
    vi.advanceTimersByTime(499);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    // A failed attempt waits longer next time.
    last().drop();
    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    accept();
    expect(last().sent[1]).toEqual({ type: 'subscribe', business_id: A, last_event_id: 'ep-5' });
    last().receive({ type: 'resync', business_id: A });
    expect(resyncs).toEqual([A]);
    // Back to the shortest delay once connected.
    last().drop();
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(4);
  });

  it('resumes from the subscribed position when no event arrived before the drop', () => {
    const client = makeClient();
    client.setWorkspace(A);
    client.start();
    accept();
    last().receive({ type: 'subscribed', business_id: A, last_event_id: 'ep-9' });
    last().drop();
    vi.advanceTimersByTime(500);
    accept();
    expect(last().sent[1]).toEqual({ type: 'subscribe', business_id: A, last_event_id: 'ep-9' });
  });

  it('re-authenticates on the same socket after a token refresh', () => {
    const client = makeClient();
    client.start();
    accept();
    token = 'token-2';
    sessionListener();
    expect(sockets).toHaveLength(1);
    expect(last().sent.at(-1)).toEqual({ type: 'auth', token: 'token-2' });
  });

  it('refreshes the token after a 4401 before reconnecting', async () => {
    const client = makeClient();
    client.start();
    accept();
    last().drop(4401);
    await vi.advanceTimersByTimeAsync(500);
    expect(refreshes).toBe(1);
    last().open();
    expect(last().sent[0]).toEqual({ type: 'auth', token: 'refreshed' });
  });

  it('closes on sign-out and stays closed; signs back in on a new session', () => {
    const client = makeClient();
    client.start();
    accept();
    token = undefined;
    sessionListener();
    expect(sockets[0]?.closedByClient).toBe(true);
    expect(client.getStatus()).toBe('idle');
    vi.advanceTimersByTime(60_000);
    expect(sockets).toHaveLength(1);
    token = 'token-3';
    sessionListener();
    expect(sockets).toHaveLength(2);
  });

  it('drops a connection that stops answering pings and reconnects', () => {
    const client = makeClient();
    client.start();
    accept();
    vi.advanceTimersByTime(1000);
    expect(last().sent.at(-1)).toEqual({ type: 'ping' });
    last().receive({ type: 'pong' });
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(500);
    expect(sockets[0]?.closedByClient).toBe(true);
    expect(client.getStatus()).toBe('offline');
    vi.advanceTimersByTime(500);
    expect(sockets).toHaveLength(2);
  });

  it('switches workspaces on the open socket', () => {
    const client = makeClient();
    client.setWorkspace(A);
    client.start();
    accept();
    client.setWorkspace(B);
    expect(last().sent.slice(-2)).toEqual([
      { type: 'unsubscribe', business_id: A },
      { type: 'subscribe', business_id: B },
    ]);
  });
});

describe('staleQueryPrefixes', () => {
  it('refreshes the bell and the notification lists when my notifications change', () => {
    const created: LiveEvent = {
      type: 'notification.changed',
      id: 'e1-9',
      business_id: A,
      at: '2026-11-26T05:00:00.000Z',
      data: { user_id: 'u1', change: 'created' },
    };
    expect(staleQueryPrefixes(created)).toEqual([['notifications', A]]);
  });

  it('refreshes only the item’s comment thread when its comments change', () => {
    const commented: LiveEvent = {
      type: 'comment.changed',
      id: 'e1-10',
      business_id: A,
      at: '2026-11-26T05:00:00.000Z',
      data: { content_item_id: 'item-1', change: 'created' },
    };
    expect(staleQueryPrefixes(commented)).toEqual([['content', A, 'item', 'item-1', 'comments']]);
  });

  it('refreshes AI usage and calls, and the dashboard’s spend, on usage.changed, per workspace', () => {
    expect(staleQueryPrefixes(usageEvent(A, 1))).toEqual([
      ['ai', A],
      ['dashboard', A],
    ]);
  });

  it('refreshes the inbox and the dashboard when a message arrives', () => {
    const received: LiveEvent = {
      type: 'message.received',
      id: 'e1-4',
      business_id: A,
      at: '2026-11-26T05:00:00.000Z',
      data: { conversation_id: 'c1', message_id: 'm1' },
    };
    expect(staleQueryPrefixes(received)).toEqual([
      ['inbox', A],
      ['dashboard', A],
    ]);
  });

  it('refreshes jobs, webhook deliveries, publish attempts and network accounts when a job fails', () => {
    const failed: LiveEvent = {
      type: 'job.failed',
      id: 'e1-2',
      business_id: A,
      at: '2026-11-26T05:00:00.000Z',
      data: { job_id: 'job-1', name: 'webhook.deliver', error: 'HTTP 500', will_retry: true },
    };
    expect(staleQueryPrefixes(failed)).toEqual([
      ['jobs', A],
      ['webhooks', A],
      ['publishing', A],
      ['channels', A],
    ]);
  });

  it('refreshes network accounts when a post fails: a refused token marks its account for reconnecting', () => {
    const failed: LiveEvent = {
      type: 'content.failed',
      id: 'e1-3',
      business_id: A,
      at: '2026-11-26T05:00:00.000Z',
      data: { content_item_id: 'item-1', failure_kind: 'auth_expired', reason: 'Mastodon refused the token' },
    };
    expect(staleQueryPrefixes(failed)).toContainEqual(['channels', A]);
  });

  it('treats any query naming the workspace as stale after a resync', () => {
    expect(isWorkspaceQuery(['ai', A, 'usage'], A)).toBe(true);
    expect(isWorkspaceQuery(['workspaces', 'detail', A], A)).toBe(true);
    expect(isWorkspaceQuery(['ai', B, 'usage'], A)).toBe(false);
  });
});

describe('realtimeUrl', () => {
  it('uses the page origin, secure under https', () => {
    expect(realtimeUrl({ protocol: 'https:', host: 'mcc.example.com' })).toBe('wss://mcc.example.com/api/ws');
    expect(realtimeUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/api/ws');
  });
});
