import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import { createRepositories } from '#server/repositories/index.js';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { Message } from '#shared/inbox.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { type FakeAccount, FakeBlueskyServer } from '../support/networks/bluesky/fake-bluesky-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Bluesky end to end: the real provider (the official client) over HTTP against a fake PDS on 127.0.0.1
// (the PDS address is the account's setting), with the app, its queue, its worker and the fake all on one
// fake clock. Connect with an app password, publish a thread with an image once through a lost answer and
// a failed attempt, read its counts and the conversations on the hourly reading, answer in the thread,
// renew the session as it expires, and need reconnecting once it is revoked.

const SILENT = { warn() {}, error() {} };
const H = 3_600_000;
const D = 24 * H;
/** Posts go out here; the clock starts ten minutes before. */
const T = new Date('2031-03-03T10:00:00.000Z');

describeEachDialect('Bluesky through a connected account', (create) => {
  let clock: Date;
  let t: TestApp;
  let runtime: JobRuntime;
  let bluesky: FakeBlueskyServer;
  let owner: TestAccount;
  let businessId: string;
  let dataDir: string;

  beforeEach(async () => {
    clock = new Date(T.getTime() - 10 * 60_000);
    const now = () => clock;
    const testDb = await create();
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-bluesky-'));
    bluesky = await FakeBlueskyServer.start({ now });
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
    });
    t = await createTestApp(
      testDb,
      { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', DATA_DIR: dataDir },
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
    await bluesky.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const as = (
    account: TestAccount,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    as(owner, method, url, payload);
  const credentials = (account: FakeAccount, appPassword: string) => ({
    handle: `@${account.handle}`,
    app_password: appPassword,
    pds_url: bluesky.url,
  });
  const connect = async (account: FakeAccount, appPassword: string) => {
    const response = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'bluesky',
      credentials: credentials(account, appPassword),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<NetworkAccount>();
  };
  const itemOf = async (id: string) => (await call('GET', `/api/content/${id}`)).json<ContentItem>();
  const schedule = async (fields: object, at: Date, mediaIds: string[] = []) => {
    const item = await createContent(t.app, owner, businessId, { channel: 'bluesky', ...fields });
    if (mediaIds.length > 0) {
      const attached = await call('PUT', `/api/content/${item.id}/media`, {
        version: item.version,
        media_ids: mediaIds,
      });
      expect(attached.statusCode, attached.body).toBe(200);
    }
    for (const [to, extra] of [
      ['in_review', {}],
      ['approved', {}],
      ['scheduled', { scheduled_at: at.toISOString() }],
    ] as const) {
      const moved = await call('POST', `/api/content/${item.id}/transition`, {
        to,
        version: (await itemOf(item.id)).version,
        ...extra,
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    return itemOf(item.id);
  };
  const imageWithAlt = async (alt: string) => {
    const body = multipartFile(await noisyPng(48, 32), { fileName: 'loaf.png' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...owner.auth, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const media = uploaded.json<MediaItem>();
    expect((await call('PATCH', `/api/media/${media.id}`, { alt_text: alt })).statusCode).toBe(200);
    return media;
  };
  const jobs = () => t.database.db.selectFrom('jobs').selectAll().execute();
  /** Move the clock and wait until every job due by then has run (or waits for a later retry). */
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
  const attemptsOf = async (id: string) =>
    (await call('GET', `/api/content/${id}/publish-attempts`)).json<{ items: PublishAttempt[] }>().items;
  const storedAccount = () =>
    t.database.db.selectFrom('network_accounts').selectAll().executeTakeFirstOrThrow();
  const createCalls = () =>
    bluesky.requests
      .filter((request) => request.nsid === 'com.atproto.repo.createRecord')
      .map((request) => request.status);

  it('publishes a thread with an image once, reads its counts and conversations hourly, answers in the thread, and renews the session', async () => {
    const { account: shop, appPassword } = bluesky.addAccount('bakery.bsky.social', 'The Bakery');
    const account = await connect(shop, appPassword);
    expect(account).toMatchObject({
      network: 'bluesky',
      display_name: 'The Bakery',
      handle: '@bakery.bsky.social',
      avatar_url: shop.avatar,
      profile_url: 'https://bsky.app/profile/bakery.bsky.social',
      base_url: bluesky.url,
      scopes: ['com.atproto.appPass'],
      token_expires_at: new Date(clock.getTime() + 90 * D).toISOString(),
      status: 'connected',
    });
    const stored = await storedAccount();
    expect(stored.remote_account_id).toBe(shop.did);
    // The app password is never kept; the session's tokens only sealed.
    for (const column of [stored.access_token_encrypted, stored.refresh_token_encrypted ?? '']) {
      expect(column.startsWith('eyJ')).toBe(false);
    }
    expect(JSON.stringify(stored)).not.toContain(appPassword);

    const image = await imageWithAlt('A sourdough loaf on a wooden board');
    // The PDS writes the first post and the answer is lost (found again under its key in the same
    // attempt); it then fails the second (the attempt is retried and sends only what is not out yet).
    bluesky.inject({
      method: 'POST',
      nsid: 'com.atproto.repo.createRecord',
      status: 502,
      afterHandling: true,
    });
    bluesky.inject({ method: 'POST', nsid: 'com.atproto.repo.createRecord', status: 503 });
    const item = await schedule(
      {
        format: 'thread',
        body: 'Fresh sourdough at 7.',
        hashtags: ['#bakery'],
        thread: ['Rye on Fridays.', 'See you soon!'],
      },
      T,
      [image.id],
    );
    await runAt(T);
    expect((await itemOf(item.id)).status).toBe('scheduled');
    await runAt(new Date(T.getTime() + 60_000));
    const published = await itemOf(item.id);
    expect(published.status, published.publish_error ?? '').toBe('published');

    const posts = bluesky.postsBy(shop);
    expect(posts.map((post) => post.value.text)).toEqual([
      'Fresh sourdough at 7.\n\n#bakery',
      'Rye on Fridays.',
      'See you soon!',
    ]);
    expect(createCalls()).toEqual([502, 503, 200, 200]);
    const [first, second, third] = posts;
    if (!first || !second || !third) throw new Error('three posts');
    expect(third.value.reply).toEqual({
      root: { uri: first.uri, cid: first.cid },
      parent: { uri: second.uri, cid: second.cid },
    });
    expect(first.value.facets).toEqual([
      expect.objectContaining({ features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'bakery' }] }),
    ]);
    const [embedded] = (
      first.value.embed as { images: Array<{ alt: string; image: { ref: { $link: string } } }> }
    ).images;
    expect(embedded?.alt).toBe('A sourdough loaf on a wooden board');
    expect(bluesky.blobs.get(embedded?.image.ref.$link ?? '')).toMatchObject({ mimeType: 'image/jpeg' });
    const url = `https://bsky.app/profile/bakery.bsky.social/post/${first.rkey}`;
    expect(await attemptsOf(item.id)).toEqual([
      expect.objectContaining({ outcome: 'retrying', failure_kind: 'retryable', status_code: 503 }),
      expect.objectContaining({
        outcome: 'succeeded',
        connector_kind: 'bluesky',
        account_id: account.id,
        external_id: first.uri,
        external_url: url,
      }),
    ]);

    // An hour on, the hourly reading takes the post's counts and the conversations, with no Sync pressed.
    first.likeCount = 5;
    first.repostCount = 2;
    const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
    const { account: neighbour } = bluesky.addAccount('cafe.bsky.social', 'The Café');
    const question = bluesky.post(fan, 'Gluten-free loaves too?', { replyTo: first });
    bluesky.post(neighbour, 'Coffee and @bakery.bsky.social bread, best morning', { mention: shop });
    await runAt(new Date(T.getTime() + H));
    const metrics = await t.database.db
      .selectFrom('metrics')
      .select(['source', 'engagements', 'impressions'])
      .where('content_item_id', '=', item.id)
      .execute();
    // 5 likes, 2 reposts, and 1 reply (the thread's own second part is not a comment).
    expect(metrics.map((row) => ({ ...row, engagements: Number(row.engagements) }))).toEqual([
      { source: 'bluesky', engagements: 8, impressions: 0 },
    ]);
    const messages = await t.database.db
      .selectFrom('messages')
      .select(['body', 'channel', 'external_id'])
      .orderBy('body')
      .execute();
    expect(messages).toEqual([
      {
        body: 'Coffee and @bakery.bsky.social bread, best morning',
        channel: 'bluesky',
        external_id: expect.any(String),
      },
      { body: 'Gluten-free loaves too?', channel: 'bluesky', external_id: question.uri },
    ]);
    // The app password was made without direct-message access: the reading says how to allow it.
    expect(
      (await call('POST', `/api/network-accounts/${account.id}/sync`)).json<NetworkSyncResult>(),
    ).toMatchObject({
      messages_received: 0,
      problems: [expect.stringContaining('“Allow access to your direct messages”')],
    });

    const conversation = await t.database.db
      .selectFrom('messages')
      .select('conversation_id')
      .where('external_id', '=', question.uri)
      .executeTakeFirstOrThrow();
    const replied = await call('POST', `/api/messages/${conversation.conversation_id}/reply`, {
      body: 'Yes, on Saturdays!',
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(replied.json<Message>()).toMatchObject({ delivery_status: 'sent' });
    const answer = bluesky.postsBy(shop).at(-1);
    expect(answer?.value).toMatchObject({
      text: '@fan.bsky.social Yes, on Saturdays!',
      reply: { root: { uri: first.uri, cid: first.cid }, parent: { uri: question.uri, cid: question.cid } },
      facets: [
        expect.objectContaining({ features: [{ $type: 'app.bsky.richtext.facet#mention', did: fan.did }] }),
      ],
    });

    // Three hours on the two-hour access token has run out: the reading renews the session first and
    // stores the new pair (the refresh token rotates), so the session lasts 90 days from now.
    const before = await storedAccount();
    const renewals = () =>
      bluesky.requests.filter((request) => request.nsid === 'com.atproto.server.refreshSession').length;
    expect(renewals()).toBe(0);
    await runAt(new Date(T.getTime() + 3 * H));
    const after = await storedAccount();
    // Renewed once: the reading's later calls (its mentions) use the new pair.
    expect(renewals()).toBe(1);
    expect(after.status).toBe('connected');
    expect(after.access_token_encrypted).not.toBe(before.access_token_encrypted);
    expect(after.refresh_token_encrypted).not.toBe(before.refresh_token_encrypted);
    expect(after.token_expires_at).toBe(new Date(T.getTime() + 3 * H + 90 * D).toISOString());
    const readings = bluesky.requests.filter(
      (request) => request.nsid === 'app.bsky.feed.getPosts' && request.status === 200,
    );
    expect(readings.length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a wrong app password in Bluesky’s words, needs reconnecting once the session is revoked, and hides accounts from other workspaces', async () => {
    const { account: shop, appPassword } = bluesky.addAccount('bakery.bsky.social');
    const wrong = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'bluesky',
      credentials: credentials(shop, 'aaaa-bbbb-cccc-dddd'),
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<Problem>()).toMatchObject({
      code: 'network_refused',
      detail: 'Bluesky refused the app password: Invalid identifier or password',
      errors: [expect.objectContaining({ path: 'body.credentials.app_password' })],
      facts: {
        reason: 'network_failed',
        network: 'bluesky',
        failure: 'credentials',
        status: 401,
        said: 'Invalid identifier or password',
      },
    });
    const own = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'bluesky',
      credentials: credentials(shop, shop.password),
    });
    expect(own.statusCode).toBe(400);
    expect(bluesky.requests).toHaveLength(1);

    const account = await connect(shop, appPassword);
    bluesky.revokeSessions(shop);
    // The access token works until it runs out; after that the revoked session cannot be renewed.
    const item = await schedule({ body: 'Open on Sunday.' }, new Date(T.getTime() + 3 * H));
    await runAt(new Date(T.getTime() + 3 * H));
    const failed = await itemOf(item.id);
    expect(failed.status).toBe('failed');
    expect(failed.publish_error).toContain(
      'Bluesky refused the session (HTTP 400 ExpiredToken): Token has been revoked',
    );
    expect((await storedAccount()).status).toBe('needs_reconnect');
    expect(bluesky.postsBy(shop)).toEqual([]);

    const mastodonShaped = await call('PUT', `/api/network-accounts/${account.id}/credentials`, {
      credentials: { instance_url: 'https://mastodon.social', access_token: 'tok' },
    });
    expect(mastodonShaped.statusCode).toBe(400);
    const { account: other, appPassword: otherPassword } = bluesky.addAccount('other.bsky.social');
    const otherAccount = await call('PUT', `/api/network-accounts/${account.id}/credentials`, {
      credentials: credentials(other, otherPassword),
    });
    expect(otherAccount.statusCode).toBe(400);
    expect(otherAccount.json<Problem>().detail).toBe(
      'This app password belongs to @other.bsky.social, not @bakery.bsky.social',
    );
    const fresh = bluesky.addAppPassword(shop);
    const reconnected = await call('PUT', `/api/network-accounts/${account.id}/credentials`, {
      credentials: credentials(shop, fresh),
    });
    expect(reconnected.statusCode, reconnected.body).toBe(200);
    expect(reconnected.json<NetworkAccount>()).toMatchObject({ status: 'connected', last_error: null });

    const stranger = await registerAccount(t.app);
    const theirs = (await createBusiness(t.app, stranger)).id;
    expect((await as(stranger, 'GET', `/api/network-accounts?business_id=${businessId}`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await as(stranger, 'PUT', `/api/network-accounts/${account.id}/credentials`, {
          credentials: credentials(shop, fresh),
        })
      ).statusCode,
    ).toBe(404);
    expect((await as(stranger, 'POST', `/api/network-accounts/${account.id}/sync`)).statusCode).toBe(404);
    expect((await as(stranger, 'DELETE', `/api/network-accounts/${account.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'GET', `/api/network-accounts?business_id=${theirs}`)).json()).toEqual({
      items: [],
    });
    expect((await call('DELETE', `/api/network-accounts/${account.id}`)).statusCode).toBe(204);
  });

  it('waits for a rate limit’s reset and refuses a post the PDS refuses, in its words', async () => {
    const { account: shop, appPassword } = bluesky.addAccount('bakery.bsky.social');
    await connect(shop, appPassword);
    const reset = new Date(T.getTime() + 5 * 60_000);
    bluesky.inject({
      method: 'POST',
      nsid: 'com.atproto.repo.createRecord',
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: {
        'ratelimit-limit': '5000',
        'ratelimit-remaining': '0',
        'ratelimit-reset': String(reset.getTime() / 1000),
        'ratelimit-policy': '5000;w=3600',
      },
    });
    const item = await schedule({ body: 'Croissants today.' }, T);
    await runAt(T);
    const [limited] = await attemptsOf(item.id);
    expect(limited).toMatchObject({ failure_kind: 'retryable', status_code: 429 });
    expect(limited?.error).toContain(`try again after ${reset.toISOString()}`);
    await runAt(new Date(reset.getTime() - 60_000));
    expect((await itemOf(item.id)).status).toBe('scheduled');
    await runAt(reset);
    expect((await itemOf(item.id)).status).toBe('published');
    expect(createCalls()).toEqual([429, 200]);
    expect(bluesky.postsBy(shop)).toHaveLength(1);

    const refusal =
      'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text';
    bluesky.inject({
      method: 'POST',
      nsid: 'com.atproto.repo.createRecord',
      status: 400,
      body: { error: 'InvalidRequest', message: refusal },
    });
    const refused = await schedule(
      { body: 'A very long announcement.' },
      new Date(T.getTime() + 10 * 60_000),
    );
    await runAt(new Date(T.getTime() + 10 * 60_000));
    const failed = await itemOf(refused.id);
    expect(failed.status).toBe('failed');
    expect(failed.publish_error).toContain(`Bluesky refused it (HTTP 400): ${refusal}`);
    expect(bluesky.postsBy(shop)).toHaveLength(1);
  });
});
