import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { jobHandlerDeps } from '#server/composition-root.js';
import { newId } from '#server/db/ids.js';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { InProcessJobQueue } from '#server/jobs/in-process/in-process-queue.js';
import { JOB_DEFINITIONS } from '#server/jobs/job-definitions.js';
import { type JobRuntime, startJobRuntime } from '#server/jobs/job-runtime.js';
import { createRepositories } from '#server/repositories/index.js';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { ConversationThread, Message } from '#shared/inbox.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { describeEachDialect } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { FakeMastodonServer } from '../support/networks/mastodon/fake-mastodon-server.js';
import { FixedWindowLimiter } from '../support/networks/rate-limit.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Mastodon end to end: the real connector over HTTP against a fake instance on 127.0.0.1 speaking
// Mastodon's REST API (the instance address is the account's setting), the real job runtime with a fast
// backoff. Connect with a token, schedule a post with an image and a thread, see it published once with
// its link, its results in the actuals, a mention in the inbox and the reply on the instance.

const SILENT = { warn() {}, error() {} };
const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describeEachDialect('Mastodon through a connected account', (create) => {
  let t: TestApp;
  let runtime: JobRuntime;
  let mastodon: FakeMastodonServer;
  let owner: TestAccount;
  let businessId: string;
  let dataDir: string;

  beforeEach(async () => {
    const testDb = await create();
    dataDir = mkdtempSync(path.join(tmpdir(), 'mcc-mastodon-'));
    mastodon = await FakeMastodonServer.start();
    const queue = new InProcessJobQueue({
      jobs: createRepositories(testDb.database.db, testDb.database.dialect).jobs,
      definitions: JOB_DEFINITIONS,
      pollIntervalMs: 25,
      backoff: { baseMs: 50, maxMs: 100 },
    });
    // The app's own providers, with a short wait between looks at an upload still processing.
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now: () => new Date(),
      mediaPollMs: 5,
    });
    t = await createTestApp(
      testDb,
      { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', DATA_DIR: dataDir },
      { jobQueue: queue, networks },
    );
    runtime = await startJobRuntime({
      queue,
      handlerDeps: jobHandlerDeps(t.services),
      runWorker: true,
      concurrency: 2,
      logger: SILENT,
      events: t.services.events,
    });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await runtime.stop(2_000);
    await t.close();
    await mastodon.close();
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
  const connect = async (token: string) => {
    const response = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'mastodon',
      credentials: { instance_url: mastodon.url, access_token: token },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<NetworkAccount>();
  };
  const itemOf = async (id: string) => (await call('GET', `/api/content/${id}`)).json<ContentItem>();
  const move = async (id: string, to: string, extra: object = {}) => {
    const response = await call('POST', `/api/content/${id}/transition`, {
      to,
      version: (await itemOf(id)).version,
      ...extra,
    });
    expect(response.statusCode, response.body).toBe(200);
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
  const schedule = async (fields: object, mediaIds: string[] = []) => {
    const item = await createContent(t.app, owner, businessId, { channel: 'mastodon', ...fields });
    if (mediaIds.length > 0) {
      const attached = await call('PUT', `/api/content/${item.id}/media`, {
        version: item.version,
        media_ids: mediaIds,
      });
      expect(attached.statusCode, attached.body).toBe(200);
    }
    await move(item.id, 'in_review');
    await move(item.id, 'approved');
    await move(item.id, 'scheduled', { scheduled_at: soon(1_200) });
    return itemOf(item.id);
  };
  const settled = (id: string) =>
    vi.waitFor(
      async () => {
        const item = await itemOf(id);
        expect(['published', 'failed']).toContain(item.status);
        return item;
      },
      { timeout: 15_000, interval: 50 },
    );
  const attemptsOf = async (id: string) =>
    (await call('GET', `/api/content/${id}/publish-attempts`)).json<{ items: PublishAttempt[] }>().items;

  it('publishes a post with an image and a thread once, through a lost answer, then reads results and conversations back', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery', 'The Bakery');
    const account = await connect(token);
    expect(account).toMatchObject({
      network: 'mastodon',
      display_name: 'The Bakery',
      handle: `@bakery@${new URL(mastodon.url).host}`,
      avatar_url: `${mastodon.url}/system/accounts/avatars/bakery.png`,
      base_url: mastodon.url,
      status: 'connected',
      token_expires_at: null,
    });
    expect(JSON.stringify(account)).not.toContain(token);
    const listed = (await call('GET', `/api/network-accounts?business_id=${businessId}`)).json<{
      items: NetworkAccount[];
    }>();
    expect(listed.items.map((item) => item.id)).toEqual([account.id]);

    const image = await imageWithAlt('A sourdough loaf on a wooden board');
    // The instance stores the first status and then fails to answer: the retry must not post it again.
    mastodon.inject({
      method: 'POST',
      path: '/api/v1/statuses',
      status: 503,
      afterHandling: true,
      body: { error: 'Service Unavailable' },
    });
    const item = await schedule(
      {
        format: 'thread',
        body: 'Fresh sourdough at 7.',
        hashtags: ['#bakery'],
        thread: ['Rye on Fridays.', 'See you soon!'],
      },
      [image.id],
    );

    const published = await settled(item.id);
    expect(published.status, published.publish_error ?? '').toBe('published');
    const statuses = mastodon.statusesBy(shop);
    expect(statuses.map((status) => status.text)).toEqual([
      'Fresh sourdough at 7.\n\n#bakery',
      'Rye on Fridays.',
      'See you soon!',
    ]);
    const [first, second, third] = statuses;
    expect(second?.in_reply_to_id).toBe(first?.id);
    expect(third?.in_reply_to_id).toBe(second?.id);
    const media = mastodon.mediaOf(first?.media_ids[0] ?? '');
    expect(media).toMatchObject({
      description: 'A sourdough loaf on a wooden board',
      mimeType: 'image/jpeg',
    });
    const statusPosts = mastodon.requests.filter(
      (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
    );
    expect(statusPosts.map((request) => request.idempotencyKey)).toEqual([
      `${item.id}@${item.scheduled_at}#0`,
      `${item.id}@${item.scheduled_at}#0`,
      `${item.id}@${item.scheduled_at}#1`,
      `${item.id}@${item.scheduled_at}#2`,
    ]);
    const url = `${mastodon.url}/@bakery/${first?.id}`;
    expect(await attemptsOf(item.id)).toEqual([
      expect.objectContaining({
        outcome: 'retrying',
        failure_kind: 'retryable',
        status_code: 503,
        account_id: account.id,
      }),
      expect.objectContaining({
        outcome: 'succeeded',
        connector_kind: 'mastodon',
        connector_id: null,
        account_id: account.id,
        external_id: first?.id,
        external_url: url,
      }),
    ]);

    // Results: the instance's counts into the actuals, with the network as their source.
    if (first) {
      first.favourites_count = 5;
      first.reblogs_count = 2;
    }
    const fan = mastodon.remoteAccount('fan', 'A Fan');
    const mention = mastodon.mention(fan, shop, 'Do you have gluten-free loaves?', first?.id ?? null);
    const synced = await call('POST', `/api/network-accounts/${account.id}/sync`);
    expect(synced.statusCode, synced.body).toBe(200);
    expect(synced.json<NetworkSyncResult>()).toEqual({
      posts_measured: 1,
      messages_received: 1,
      problems: [],
    });
    const metrics = await t.database.db
      .selectFrom('metrics')
      .selectAll()
      .where('content_item_id', '=', item.id)
      .execute();
    expect(metrics).toEqual([expect.objectContaining({ source: 'mastodon', impressions: 0, clicks: 0 })]);
    // 5 favourites, 2 boosts and 1 reply (the fan's mention answers the post).
    expect(Number(metrics[0]?.engagements)).toBe(8);
    // Reading again changes nothing: the mention is stored once.
    expect(
      (await call('POST', `/api/network-accounts/${account.id}/sync`)).json<NetworkSyncResult>(),
    ).toMatchObject({
      messages_received: 0,
    });

    const conversations = (await call('GET', `/api/messages?business_id=${businessId}`)).json<{
      items: Array<{ id: string }>;
    }>();
    expect(conversations.items).toHaveLength(1);
    const conversationId = conversations.items[0]?.id ?? '';
    const thread = (await call('GET', `/api/messages/${conversationId}`)).json<ConversationThread>();
    expect(thread.messages).toEqual([
      expect.objectContaining({
        direction: 'in',
        channel: 'mastodon',
        body: '@bakery Do you have gluten-free loaves?',
      }),
    ]);

    const replied = await call('POST', `/api/messages/${conversationId}/reply`, {
      body: 'Yes, on Saturdays!',
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(replied.json<Message>()).toMatchObject({ delivery_status: 'sent' });
    const answer = mastodon.statusesBy(shop).at(-1);
    expect(answer).toMatchObject({
      in_reply_to_id: mention.id,
      text: '@fan@elsewhere.example Yes, on Saturdays!',
    });
  });

  it('refuses a bad token in Mastodon’s words, marks a revoked one for reconnecting, and hides accounts from other workspaces', async () => {
    const bad = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'mastodon',
      credentials: { instance_url: mastodon.url, access_token: 'not-a-token' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<Problem>()).toMatchObject({
      code: 'network_refused',
      detail: 'Mastodon refused the token: The access token is invalid',
      errors: [expect.objectContaining({ path: 'body.credentials.access_token' })],
      // What the web app says in the reader's language, quoting only Mastodon's own words.
      facts: {
        reason: 'network_failed',
        network: 'mastodon',
        failure: 'credentials',
        status: 401,
        said: 'The access token is invalid',
      },
    });

    const { token } = mastodon.addAccount('bakery');
    const account = await connect(token);
    mastodon.revoke(token);
    const item = await schedule({ body: 'Open on Sunday.' });
    const failed = await settled(item.id);
    expect(failed.status).toBe('failed');
    expect(failed.publish_error).toContain(
      'Mastodon refused the token (HTTP 401): The access token is invalid',
    );
    const after = (await call('GET', `/api/network-accounts?business_id=${businessId}`)).json<{
      items: NetworkAccount[];
    }>();
    expect(after.items[0]).toMatchObject({ status: 'needs_reconnect' });

    const { token: fresh } = mastodon.addAccount('other');
    const wrongAccount = await call('PUT', `/api/network-accounts/${account.id}/credentials`, {
      credentials: { instance_url: mastodon.url, access_token: fresh },
    });
    expect(wrongAccount.statusCode).toBe(400);

    // Accounts connected through OAuth (a Facebook Page) have no credentials form to reconnect with.
    const at = new Date().toISOString();
    const oauthAccountId = newId();
    await createRepositories(t.database.db, t.database.dialect).networkAccounts.insert({
      id: oauthAccountId,
      business_id: businessId,
      network: 'facebook',
      display_name: 'The Bakery',
      handle: '@thebakery',
      avatar_url: null,
      profile_url: null,
      remote_account_id: '1122334455',
      base_url: '',
      scopes: '[]',
      token_expires_at: null,
      access_token_encrypted: 'sealed',
      refresh_token_encrypted: null,
      status: 'connected',
      last_error: null,
      checked_at: at,
      conversations_cursor: null,
      created_by: null,
      created_at: at,
      updated_at: at,
    });
    const oauthOnly = await call('PUT', `/api/network-accounts/${oauthAccountId}/credentials`, {
      credentials: { instance_url: mastodon.url, access_token: fresh },
    });
    expect(oauthOnly.statusCode).toBe(400);
    expect(oauthOnly.json<Problem>()).toMatchObject({
      detail: 'Facebook accounts are reconnected on its page',
      errors: [{ path: 'body.credentials', code: 'oauth_network' }],
    });
    expect((await call('DELETE', `/api/network-accounts/${oauthAccountId}`)).statusCode).toBe(204);

    const stranger = await registerAccount(t.app);
    const theirs = (await createBusiness(t.app, stranger)).id;
    expect((await as(stranger, 'GET', `/api/network-accounts?business_id=${businessId}`)).statusCode).toBe(
      404,
    );
    expect((await as(stranger, 'DELETE', `/api/network-accounts/${account.id}`)).statusCode).toBe(404);
    expect((await as(stranger, 'POST', `/api/network-accounts/${account.id}/sync`)).statusCode).toBe(404);
    expect((await as(stranger, 'GET', `/api/network-accounts?business_id=${theirs}`)).json()).toEqual({
      items: [],
    });
    expect((await call('DELETE', `/api/network-accounts/${account.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/network-accounts?business_id=${businessId}`)).json()).toEqual({
      items: [],
    });
  });

  it('waits for a rate limit’s reset and answers Mastodon’s validation error as a refusal', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery');
    await connect(token);
    let reset = '';
    mastodon.inject({
      method: 'POST',
      path: '/api/v1/statuses',
      status: 429,
      body: { error: 'Too many requests' },
      headers: () => {
        reset = new Date(Date.now() + 300).toISOString();
        return { 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset };
      },
    });
    const item = await schedule({ body: 'Croissants today.' });
    expect((await settled(item.id)).status).toBe('published');
    const posts = mastodon.requests.filter((request) => request.path === '/api/v1/statuses');
    expect(posts).toHaveLength(2);
    const [limited] = await attemptsOf(item.id);
    expect(limited).toMatchObject({ failure_kind: 'retryable', status_code: 429 });
    expect(limited?.error).toContain(`try again after ${reset}`);
    expect(mastodon.statusesBy(shop)).toHaveLength(1);

    mastodon.maxCharacters = 10;
    const long = await schedule({ body: 'A very long announcement.' });
    const refused = await settled(long.id);
    expect(refused.status).toBe('failed');
    expect(refused.publish_error).toContain('Validation failed: Text character limit of 10 exceeded');
  });

  it('holds an account at its rate limit: posts due together wait for the reset, none sent into the limit', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery');
    await connect(token);
    const limiter = new FixedWindowLimiter({ limit: 2, windowMs: 2_000 });
    mastodon.limiter = limiter;
    const items: ContentItem[] = [];
    for (let n = 1; n <= 4; n++) {
      const item = await createContent(t.app, owner, businessId, {
        channel: 'mastodon',
        body: `Batch ${n}.`,
      });
      await move(item.id, 'in_review');
      await move(item.id, 'approved');
      items.push(item);
    }
    // Scheduled an hour out one by one, then made due together by one bulk request: a slow machine
    // cannot let the shared time pass while the items are still being scheduled.
    for (const item of items) await move(item.id, 'scheduled', { scheduled_at: soon(3_600_000) });
    const due = await call('POST', '/api/content/bulk', {
      business_id: businessId,
      action: 'reschedule',
      ids: items.map((item) => item.id),
      scheduled_at: soon(1_500),
    });
    expect(due.statusCode, due.body).toBe(200);

    for (const item of items) expect((await settled(item.id)).status).toBe('published');
    expect(mastodon.statusesBy(shop)).toHaveLength(4);
    expect(limiter.violations).toBe(0);
    // Two in the first window; at most the next one learns of the limit with a 429; the rest wait untried.
    expect(limiter.refused).toBeLessThanOrEqual(1);
    const posts = mastodon.requests.filter((request) => request.path === '/api/v1/statuses');
    expect(posts).toHaveLength(4 + limiter.refused);
    const attempts = (await Promise.all(items.map((item) => attemptsOf(item.id)))).flat();
    // A post that waited for the reset without a request left no attempt behind: only the 429 did.
    expect(attempts.filter((attempt) => attempt.outcome === 'retrying')).toEqual(
      limiter.refused === 1 ? [expect.objectContaining({ status_code: 429 })] : [],
    );
    expect(attempts.filter((attempt) => attempt.outcome === 'succeeded')).toHaveLength(4);
  });
});
