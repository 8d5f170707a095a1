import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import type { CalendarJobResult } from '#shared/calendar.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { LiveEvent } from '#shared/events.schema.js';
import type { Job } from '#shared/jobs.schema.js';
import { type Cluster, type ClusterInstance, startCluster } from '../support/cluster.js';
import { postgresUnavailableReason } from '../support/databases.js';
import { redisSkipReason } from '../support/redis.js';
import { connectSocket, type TestSocket } from '../support/ws-client.js';

const WAIT = { timeout: 30_000, interval: 100 };
const RATE_LIMIT_MAX = 60;
const skip = Boolean(redisSkipReason) || Boolean(await postgresUnavailableReason());

/**
 * The scale-out mode as the compose stack runs it: two `mcc serve` processes that leave jobs to one
 * `mcc worker`, all on this machine's PostgreSQL and Redis (a database and key prefix of their own).
 */
describe.skipIf(skip)('scale-out: two `mcc serve` and a `mcc worker` on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let a: ClusterInstance;
  let b: ClusterInstance;
  let auth: { authorization: string };
  let accessToken: string;
  let businessId: string;

  beforeAll(async () => {
    cluster = await startCluster({
      instances: 2,
      worker: true,
      // Sign-up signs in at once: the dev outbox would be the worker's, which serves no HTTP.
      env: { RATE_LIMIT_MAX: String(RATE_LIMIT_MAX), SIGN_UP: 'immediate' },
    });
    [a, b] = cluster.instances as [ClusterInstance, ClusterInstance];
    const registered = await call(a, 'POST', '/api/auth/register', {
      email: `scale-out.${Date.now()}@example.com`,
      password: 'violet-harbour-lantern-scale',
      name: 'Scale Out',
    });
    expect(registered.status).toBe(201);
    accessToken = ((await registered.json()) as Session).access_token;
    auth = { authorization: `Bearer ${accessToken}` };
    const business = await call(b, 'POST', '/api/business/', { name: 'Two Instance Bakery' });
    expect(business.status).toBe(201);
    businessId = ((await business.json()) as { id: string }).id;
  }, 90_000);
  afterAll(() => cluster?.stop());

  function call(instance: ClusterInstance, method: string, path: string, body?: object) {
    return fetch(`${instance.url}${path}`, {
      method,
      headers: { ...auth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  }

  async function subscribedSocket(instance: ClusterInstance): Promise<TestSocket> {
    const socket = await connectSocket(`${instance.url.replace(/^http/, 'ws')}/api/ws`);
    socket.send({ type: 'auth', token: accessToken });
    await socket.waitFor('authenticated');
    socket.send({ type: 'subscribe', business_id: businessId });
    await socket.waitFor('subscribed');
    return socket;
  }

  it('runs a job enqueued through instance A once, in the worker, and streams its events to instance B', async () => {
    const socket = await subscribedSocket(b);
    try {
      const accepted = await call(a, 'POST', '/api/ai/strategy/generate-calendar', {
        business_id: businessId,
        start_date: '2026-03-02',
        weeks: 1,
        channels: ['instagram', 'linkedin'],
      });
      expect(accepted.status).toBe(202);
      const { job_id: jobId } = (await accepted.json()) as { job_id: string };

      const job = await vi.waitFor(async () => {
        const current = (await (await call(b, 'GET', `/api/jobs/${jobId}`)).json()) as Job;
        expect(current.state).toBe('succeeded');
        return current;
      }, WAIT);
      expect(job.attempts).toBe(1);

      const sawEvent = (type: LiveEvent['type']) =>
        socket.frames.some(
          (frame) =>
            frame.type === 'event' &&
            frame.event.type === type &&
            'job_id' in frame.event.data &&
            frame.event.data.job_id === jobId,
        );
      await vi.waitFor(() => expect(sawEvent('job.completed')).toBe(true), WAIT);
      expect(sawEvent('job.progress')).toBe(true);

      // Exactly once: the items the job reports are all the workspace has, each saved one time.
      const result = job.result as CalendarJobResult;
      const list = await call(
        a,
        'GET',
        `/api/content?business_id=${businessId}&from=2026-03-01T00:00:00Z&to=2026-03-10T00:00:00Z&limit=100`,
      );
      const items = ((await list.json()) as { items: ContentItem[] }).items;
      expect(result.content_item_ids.length).toBeGreaterThan(0);
      expect(items.map((item) => item.id).sort()).toEqual([...result.content_item_ids].sort());
    } finally {
      socket.close();
    }
  });

  it('counts a client’s requests on instance A against its limit on instance B', async () => {
    // The limit counts every request from this address, so this test runs last and spends the budget.
    let limitedOnA = false;
    for (let i = 0; i <= RATE_LIMIT_MAX && !limitedOnA; i += 1) {
      limitedOnA = (await fetch(`${a.url}/api/no-such-route`)).status === 429;
    }
    expect(limitedOnA).toBe(true);
    const onB = await fetch(`${b.url}/api/no-such-route`);
    expect(onB.status).toBe(429);
    expect(onB.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
