import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import { createRepositories } from '#server/repositories/index.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { NetworkAccount } from '#shared/network.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import {
  type FakeAccount,
  FakeMastodonServer,
  type FakeStatus,
} from '../support/networks/mastodon/fake-mastodon-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The hourly reading of connected accounts, with no one pressing Sync: the app, its queue, its worker and
// the Mastodon provider all run on a fake clock; the test moves the clock and waits until no job is due,
// then looks at which statuses the fake instance was asked about.

const SILENT = { warn() {}, error() {} };
const H = 3_600_000;
const D = 24 * H;
/** The first post is published here; the clock starts ten minutes before. */
const T = new Date('2031-03-03T10:00:00.000Z');

describeEachDialect('reading results and mentions on a schedule', (create) => {
  let clock: Date;
  let t: TestApp;
  let runtime: JobRuntime;
  let mastodon: FakeMastodonServer;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    clock = new Date(T.getTime() - 10 * 60_000);
    const now = () => clock;
    const testDb = await create();
    mastodon = await FakeMastodonServer.start();
    const queue = new InProcessJobQueue({
      jobs: createRepositories(testDb.database.db, testDb.database.dialect).jobs,
      definitions: JOB_DEFINITIONS,
      pollIntervalMs: 10,
      backoff: { baseMs: 50, maxMs: 100 },
      now,
    });
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now,
      mediaPollMs: 5,
    });
    t = await createTestApp(
      testDb,
      { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' },
      { jobQueue: queue, networks, now },
    );
    runtime = await startJobRuntime({
      queue,
      handlerDeps: jobHandlerDeps(t.services),
      runWorker: true,
      concurrency: 1,
      logger: SILENT,
      now,
    });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await runtime.stop(2_000);
    await t.close();
    await mastodon.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const connect = async (token: string) => {
    const response = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'mastodon',
      credentials: { instance_url: mastodon.url, access_token: token },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<NetworkAccount>();
  };
  const schedule = async (body: string, at: Date) => {
    const item = await createContent(t.app, owner, businessId, { channel: 'mastodon', body });
    for (const [to, extra] of [
      ['in_review', {}],
      ['approved', {}],
      ['scheduled', { scheduled_at: at.toISOString() }],
    ] as const) {
      const current = (await call('GET', `/api/content/${item.id}`)).json<ContentItem>();
      const moved = await call('POST', `/api/content/${item.id}/transition`, {
        to,
        version: current.version,
        ...extra,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return item.id;
  };
  const jobs = () => t.database.db.selectFrom('jobs').selectAll().execute();
  /** Move the clock and wait until every job due by then has run (or is waiting for a later retry). */
  const runAt = async (at: Date) => {
    clock = at;
    await vi.waitFor(
      async () => {
        const pending = (await jobs()).filter(
          (job) => ['queued', 'running', 'failed'].includes(job.state) && job.run_at <= at.toISOString(),
        );
        expect(pending.map((job) => `${job.name} ${job.state}`)).toEqual([]);
      },
      { timeout: 10_000, interval: 10 },
    );
  };
  /** The statuses whose counts were asked for since the last call, by name. */
  let seen = 0;
  const readsSinceLastLook = (names: Map<string, string>) => {
    const reads = mastodon.requests
      .slice(seen)
      .filter((request) => request.method === 'GET' && /^\/api\/v1\/statuses\/\d+$/.test(request.path))
      .map((request) => names.get(request.path.split('/').at(-1) ?? '') ?? request.path);
    seen = mastodon.requests.length;
    return reads.sort();
  };
  const statusOf = (shop: FakeAccount, text: string): FakeStatus => {
    const status = mastodon.statusesBy(shop).find((candidate) => candidate.text === text);
    if (!status) throw new Error(`no status ${text}`);
    return status;
  };
  const messages = () => t.database.db.selectFrom('messages').select(['body', 'channel']).execute();

  it('reads each post hourly for seven days, daily until thirty, then stops; mentions arrive; a rate limit postpones the run to its reset', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery');
    await connect(token);
    const first = await schedule('Sourdough at ten.', T);
    const second = await schedule('Rye at half past.', new Date(T.getTime() + 30 * 60_000));
    const atAge = (ms: number) => new Date(T.getTime() + ms);

    await runAt(T);
    await runAt(atAge(30 * 60_000));
    const a = statusOf(shop, 'Sourdough at ten.');
    const b = statusOf(shop, 'Rye at half past.');
    const names = new Map([
      [a.id, 'A'],
      [b.id, 'B'],
    ]);
    expect(readsSinceLastLook(names)).toEqual([]);
    const published = await t.database.db
      .selectFrom('network_posts')
      .select(['content_item_id', 'created_at'])
      .orderBy('created_at')
      .execute();
    expect(published).toEqual([
      { content_item_id: first, created_at: T.toISOString() },
      { content_item_id: second, created_at: atAge(30 * 60_000).toISOString() },
    ]);

    // T+1h: A is an hour old, B half an hour (not yet due). A mention arrives with no Sync pressed.
    const fan = mastodon.remoteAccount('fan', 'A Fan');
    mastodon.mention(fan, shop, 'Is there rye today?', a.id);
    a.favourites_count = 3;
    await runAt(atAge(H));
    expect(readsSinceLastLook(names)).toEqual(['A']);
    expect(await messages()).toEqual([{ body: '@bakery Is there rye today?', channel: 'mastodon' }]);
    const results = await t.database.db
      .selectFrom('metrics')
      .select(['content_item_id', 'source', 'engagements'])
      .execute();
    expect(results.map((row) => ({ ...row, engagements: Number(row.engagements) }))).toEqual([
      { content_item_id: first, source: 'mastodon', engagements: 4 },
    ]);
    await runAt(atAge(H + 30 * 60_000));
    expect(readsSinceLastLook(names)).toEqual([]);
    await runAt(atAge(2 * H));
    expect(readsSinceLastLook(names)).toEqual(['A', 'B']);

    // T+3h: the instance rate-limits the first read; the run waits for the reset, then reads both.
    const reset = atAge(3 * H + 10 * 60_000);
    mastodon.inject({
      method: 'GET',
      path: /^\/api\/v1\/statuses\/\d+$/,
      status: 429,
      body: { error: 'Too many requests' },
      headers: {
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': reset.toISOString(),
      },
    });
    await runAt(atAge(3 * H));
    expect(readsSinceLastLook(names)).toHaveLength(1);
    const postponed = (await jobs()).filter(
      (job) => job.name === 'networks.read_account' && job.state === 'failed',
    );
    expect(postponed).toEqual([expect.objectContaining({ run_at: reset.toISOString(), attempts: 1 })]);
    expect(postponed[0]?.last_error).toContain('rate-limited us (HTTP 429)');
    await runAt(atAge(3 * H + 5 * 60_000));
    expect(readsSinceLastLook(names)).toEqual([]);
    await runAt(reset);
    expect(readsSinceLastLook(names)).toEqual(['A', 'B']);

    // Days later the runs catch up once, then go daily after seven days.
    await runAt(atAge(7 * D));
    expect(readsSinceLastLook(names)).toEqual(['A', 'B']);
    await runAt(atAge(7 * D + H));
    // B's last hourly reading (it is seven days and half an hour old); A is on its daily readings now.
    expect(readsSinceLastLook(names)).toEqual(['B']);
    await runAt(atAge(7 * D + 2 * H));
    expect(readsSinceLastLook(names)).toEqual([]);
    await runAt(atAge(7 * D + 23 * H));
    expect(readsSinceLastLook(names)).toEqual([]);
    await runAt(atAge(8 * D));
    expect(readsSinceLastLook(names)).toEqual(['A']);
    await runAt(atAge(8 * D + H));
    expect(readsSinceLastLook(names)).toEqual(['B']);
    await runAt(atAge(8 * D + 2 * H));
    expect(readsSinceLastLook(names)).toEqual([]);

    // Thirty days: the last readings, then none.
    await runAt(atAge(30 * D));
    expect(readsSinceLastLook(names)).toEqual(['A', 'B']);
    await runAt(atAge(30 * D + H));
    expect(readsSinceLastLook(names)).toEqual(['B']);
    await runAt(atAge(31 * D));
    await runAt(atAge(31 * D + H));
    await runAt(atAge(32 * D));
    expect(readsSinceLastLook(names)).toEqual([]);

    // One job per account per hour, never doubled.
    const perHour = (await jobs())
      .filter((job) => job.name === 'networks.read_account')
      .map((job) => job.idempotency_key);
    expect(new Set(perHour).size).toBe(perHour.length);
  });

  it('stops reading an account that needs reconnecting until it is reconnected, and a disconnected one for good', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery');
    const account = await connect(token);
    await schedule('Sourdough at ten.', T);
    const atAge = (ms: number) => new Date(T.getTime() + ms);
    const readJobs = async () => (await jobs()).filter((job) => job.name === 'networks.read_account');
    const instanceCalls = () => mastodon.requests.length;

    await runAt(T);
    await runAt(atAge(H));
    expect(mastodon.statusesBy(shop)).toHaveLength(1);

    mastodon.revoke(token);
    await runAt(atAge(2 * H));
    const stored = await t.database.db
      .selectFrom('network_accounts')
      .select(['status', 'last_error'])
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe('needs_reconnect');
    expect(stored.last_error).toContain('Mastodon refused the token (HTTP 401)');
    const refusedRun = (await readJobs()).at(-1);
    // The refusal ends the run: it is not tried again.
    expect(refusedRun).toMatchObject({ state: 'succeeded', attempts: 1 });

    const callsWhileRefused = instanceCalls();
    const jobsWhileRefused = (await readJobs()).length;
    await runAt(atAge(3 * H));
    await runAt(atAge(4 * H));
    expect(instanceCalls()).toBe(callsWhileRefused);
    expect((await readJobs()).length).toBe(jobsWhileRefused);

    const principal = { kind: 'user' as const, userId: owner.session.user.id };
    await t.services.networkAccounts.reconnect(principal, account.id, {
      credentials: { instance_url: mastodon.url, access_token: mastodon.issueToken(shop) },
    });
    await runAt(atAge(5 * H));
    expect((await readJobs()).length).toBe(jobsWhileRefused + 1);
    expect((await readJobs()).at(-1)).toMatchObject({ state: 'succeeded' });
    expect(
      mastodon.requests
        .slice(callsWhileRefused)
        .some((request) => /^\/api\/v1\/statuses\/\d+$/.test(request.path)),
    ).toBe(true);

    await t.services.networkAccounts.disconnect(principal, account.id);
    const callsAfterDisconnect = instanceCalls();
    await runAt(atAge(6 * H));
    await runAt(atAge(7 * H));
    expect(instanceCalls()).toBe(callsAfterDisconnect);
    expect((await readJobs()).length).toBe(jobsWhileRefused + 1);
  });
});
