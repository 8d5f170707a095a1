import { execFile } from 'node:child_process';
import { connect } from 'node:http2';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '#shared/auth.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import { type Cluster, type ClusterInstance, startCluster } from '../support/cluster.js';
import { postgresUnavailableReason } from '../support/databases.js';
import { redisSkipReason } from '../support/redis.js';
import { connectSocket } from '../support/ws-client.js';
import { composeEntry, ROOT, toolSkipReason } from './support/deploy-files.js';
import { type HttpsClient, httpsClient } from './support/https-client.js';
import { type NginxPrefix, prepareNginx, type RunningNginx, startNginx } from './support/nginx.js';

const WAIT = { timeout: 15_000, interval: 50 };
const skip =
  Boolean(redisSkipReason) ||
  Boolean(await postgresUnavailableReason()) ||
  Boolean(toolSkipReason('nginx') ?? toolSkipReason('openssl'));

/** How many requests an instance answered for `route` and `method`, from its own /metrics. */
async function served(instance: ClusterInstance, route: string, method = 'GET'): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  return text
    .split('\n')
    .filter(
      (line) =>
        line.startsWith('mcc_http_request_duration_seconds_count{') &&
        line.includes(`route="${route}"`) &&
        line.includes(`method="${method}"`),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/** The instance's address as an nginx upstream (it listens on 127.0.0.1; `localhost` may also mean ::1). */
function upstream(instance: ClusterInstance): string {
  return `127.0.0.1:${new URL(instance.url).port}`;
}

/** Live-update sockets open on an instance (`mcc_ws_connections`). */
async function openSockets(instance: ClusterInstance): Promise<number> {
  const text = await (await fetch(`${instance.url}/metrics`)).text();
  return Number(/^mcc_ws_connections (\d+)/m.exec(text)?.[1] ?? Number.NaN);
}

/**
 * The compose stack's front door on this machine: the shipped nginx config (deploy/nginx) in front of
 * two `mcc serve` processes and a `mcc worker`, on this machine's PostgreSQL and Redis.
 */
describe.skipIf(skip)('nginx in front of two `mcc serve` (deploy/nginx)', { timeout: 60_000 }, () => {
  let cluster: Cluster;
  let a: ClusterInstance;
  let b: ClusterInstance;
  let prefix: NginxPrefix;
  let nginx: RunningNginx;
  let client: HttpsClient;
  let auth: Record<string, string>;
  let accessToken: string;
  let businessId: string;

  beforeAll(async () => {
    cluster = await startCluster({
      instances: 2,
      worker: true,
      // Info level: the app's request line carries the request id nginx forwarded.
      // Sign-up signs in at once: the dev outbox would be the worker's, which serves no HTTP.
      env: { LOG_LEVEL: 'info', RATE_LIMIT_MAX: '100000', AUTH_RATE_LIMIT_MAX: '1000', SIGN_UP: 'immediate' },
    });
    [a, b] = cluster.instances as [ClusterInstance, ClusterInstance];
    prefix = await prepareNginx([upstream(a), upstream(b)]);
    nginx = await startNginx(prefix);
    client = httpsClient(`https://127.0.0.1:${prefix.httpsPort}`, prefix.ca);
    const registered = await client.request('POST', '/api/auth/register', {
      body: { email: `nginx.${Date.now()}@example.com`, password: 'violet-harbour-lantern-nginx', name: 'N' },
    });
    expect(registered.status, registered.body).toBe(201);
    accessToken = registered.json<Session>().access_token;
    auth = { authorization: `Bearer ${accessToken}` };
    const business = await client.request('POST', '/api/business/', {
      headers: auth,
      body: { name: 'Front Door Bakery' },
    });
    expect(business.status, business.body).toBe(201);
    businessId = business.json<{ id: string }>().id;
  }, 90_000);

  afterAll(async () => {
    client?.close();
    await nginx?.stop();
    prefix?.dispose();
    await cluster?.stop();
  });

  it('runs the commands the image and compose run: `mcc migrate`, `mcc serve`, `mcc worker`', async () => {
    const migrate = composeEntry('migrate');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, migrate.entry), ...migrate.args],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...cluster.env } },
    );
    expect(stdout).toMatch(/up to date/);
    const serve = composeEntry('app');
    const worker = composeEntry('worker');
    for (const instance of [a, b]) {
      expect(instance.child.spawnargs.slice(-2)).toEqual([path.join(ROOT, serve.entry), ...serve.args]);
    }
    expect(cluster.worker?.child.spawnargs.slice(-2)).toEqual([
      path.join(ROOT, worker.entry),
      ...worker.args,
    ]);
  });

  it('balances requests across both instances', async () => {
    const route = '/api/business/:id';
    const before = [await served(a, route), await served(b, route)];
    for (let i = 0; i < 40; i += 1) {
      expect((await client.request('GET', `/api/business/${businessId}`, { headers: auth })).status).toBe(
        200,
      );
    }
    const [onA, onB] = [
      (await served(a, route)) - (before[0] ?? 0),
      (await served(b, route)) - (before[1] ?? 0),
    ];
    expect(onA + onB).toBe(40);
    expect(onA).toBeGreaterThanOrEqual(10);
    expect(onB).toBeGreaterThanOrEqual(10);
    const upstreams = new Set(nginx.accessLog().map((line) => line.upstream));
    expect([...upstreams]).toEqual(expect.arrayContaining([upstream(a), upstream(b)]));
  });

  it('keeps a request id through the proxy, and gives one to requests that came without', async () => {
    const sent = await client.request('GET', '/healthz', {
      headers: { 'x-request-id': 'support-ticket-4711' },
    });
    expect(sent.headers['x-request-id']).toBe('support-ticket-4711');

    const bare = await client.request('GET', `/api/business/${businessId}`, { headers: auth });
    const generated = String(bare.headers['x-request-id']);
    expect(generated).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, adopted by the app
    await vi.waitFor(() => {
      expect(nginx.accessLog().some((line) => line.request_id === generated)).toBe(true);
      expect(`${a.output()}${b.output()}`).toContain(`"request_id":"${generated}"`);
    }, WAIT);

    // An id the app would not adopt (spaces, too long) is replaced by nginx before it reaches the app.
    const insane = await client.request('GET', '/healthz', { headers: { 'x-request-id': 'a b' } });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('upgrades a WebSocket at /api/ws that receives live events caused through the other instance and the worker', async () => {
    const socket = await connectSocket(`wss://127.0.0.1:${prefix.httpsPort}/api/ws`, { ca: prefix.ca });
    try {
      socket.send({ type: 'auth', token: accessToken });
      await socket.waitFor('authenticated');
      socket.send({ type: 'subscribe', business_id: businessId });
      await socket.waitFor('subscribed');
      const counts = [await openSockets(a), await openSockets(b)];
      expect(counts.sort()).toEqual([0, 1]);
      const other = (await openSockets(a)) === 1 ? b : a;

      const created = await fetch(`${other.url}/api/content`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          business_id: businessId,
          channel: 'linkedin',
          title: 'Live',
          body: 'Via the other',
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as ContentItem;
      await socket.waitFor(
        'event',
        (frame) => frame.event.type === 'content.changed' && frame.event.data.content_item_ids.includes(id),
      );

      // A job enqueued through nginx runs in the worker; its completion reaches the socket via Redis.
      const accepted = await client.request('POST', '/api/ai/strategy/generate-calendar', {
        headers: auth,
        body: { business_id: businessId, start_date: '2026-03-02', weeks: 1, channels: ['linkedin'] },
      });
      expect(accepted.status, accepted.body).toBe(202);
      const jobId = accepted.json<{ job_id: string }>().job_id;
      await socket.waitFor(
        'event',
        (frame) => frame.event.type === 'job.completed' && frame.event.data.job_id === jobId,
      );
    } finally {
      socket.close();
    }
  });

  it('speaks HTTP/2 and gzip, redirects HTTP to HTTPS and keeps /metrics private', async () => {
    const session = connect(`https://127.0.0.1:${prefix.httpsPort}`, { ca: prefix.ca });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':path': '/healthz' });
        stream.on('response', (headers) => resolve(Number(headers[':status'])));
        stream.on('error', reject);
        stream.resume();
      });
      expect(status).toBe(200);
    } finally {
      session.close();
    }

    for (let i = 0; i < 3; i += 1) {
      const created = await client.request('POST', '/api/content', {
        headers: auth,
        body: {
          business_id: businessId,
          channel: 'linkedin',
          title: `Long ${i}`,
          body: 'Fresh bread. '.repeat(60),
        },
      });
      expect(created.status).toBe(201);
    }
    const list = await client.request('GET', `/api/content?business_id=${businessId}&limit=100`, {
      headers: { ...auth, 'accept-encoding': 'gzip' },
    });
    expect(list.status).toBe(200);
    expect(list.headers['content-encoding']).toBe('gzip');

    const plain = await fetch(`http://127.0.0.1:${prefix.httpPort}/api/business/`, { redirect: 'manual' });
    expect(plain.status).toBe(301);
    expect(plain.headers.get('location')).toMatch(/^https:\/\//);

    expect((await client.request('GET', '/metrics')).status).toBe(404);
    expect((await fetch(`${a.url}/metrics`)).status).toBe(200);
  });

  it('loses no acknowledged write when an instance is killed mid-load, and routes around it', async () => {
    const acknowledged: string[] = [];
    const answers: Array<{ status: number; at: number }> = [];
    let running = true;
    let sequence = 0;
    const writer = async () => {
      while (running) {
        sequence += 1;
        const answer = await client
          .request('POST', '/api/content', {
            headers: auth,
            body: {
              business_id: businessId,
              channel: 'linkedin',
              title: `Load ${sequence}`,
              body: 'Under load',
            },
          })
          .catch(() => ({ status: 0, json: () => ({ id: '' }) }));
        answers.push({ status: answer.status, at: Date.now() });
        if (answer.status === 201) acknowledged.push(answer.json<ContentItem>().id);
      }
    };
    const writers = Array.from({ length: 8 }, writer);
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(40), WAIT);

    await b.stop('SIGKILL');
    const killedAt = Date.now();
    const beforeKill = acknowledged.length;
    await vi.waitFor(() => expect(acknowledged.length).toBeGreaterThanOrEqual(beforeKill + 80), WAIT);
    running = false;
    await Promise.all(writers);

    // Only requests in flight on the killed instance may fail (nginx never resends a POST it delivered).
    const failed = answers.filter((answer) => answer.status !== 201);
    expect(failed.length).toBeLessThanOrEqual(8);
    expect(failed.every((answer) => answer.status === 502)).toBe(true);
    expect(answers.filter((answer) => answer.at > killedAt + 1_000).every((x) => x.status === 201)).toBe(
      true,
    );

    // Every write the client saw acknowledged is in the database.
    const rows = await cluster.testDb.database.db
      .selectFrom('content_items')
      .select('id')
      .where('business_id', '=', businessId)
      .execute();
    const stored = new Set(rows.map((row) => row.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    // Reads keep working on the survivor.
    for (let i = 0; i < 10; i += 1) {
      expect((await client.request('GET', `/api/business/${businessId}`, { headers: auth })).status).toBe(
        200,
      );
    }
  });
});
