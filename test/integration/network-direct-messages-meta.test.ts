import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { RetryLaterError } from '#server/jobs/run-job.js';
import type { NetworkAccount, NetworkId, NetworkSyncResult } from '#shared/network.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { inboxThread } from '../support/inbox-thread.js';
import { FAKE_APP, FakeMetaServer } from '../support/networks/meta/fake-meta-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Direct messages on Facebook Pages (Messenger) and Instagram, through accounts connected with Facebook
// Login against Meta's contract fake: read twice, stored once, as direct messages in the customer's
// conversation; the Page's own messages never stored as the customer's; the inbox's answer sent
// privately to the person who wrote (no name put in front), and refused with a reason when Meta's 24-hour
// window has closed; an account connected without the messaging permission still reads its comments.
// SQLite only: the ingest and its SQL are the same as for every network (network-direct-messages.test.ts
// runs them on both dialects); what is checked here is the wiring of the Meta providers to them.

const PUBLIC_URL = 'http://mcc.test';
const HOUR_MS = 3_600_000;

describe('Meta direct messages through connected accounts', () => {
  let t: TestApp;
  let meta: FakeMetaServer;
  let owner: TestAccount;

  beforeAll(async () => {
    const testDb = await createSqliteTestDatabase();
    meta = await FakeMetaServer.start();
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      // The providers keep the fake's clock, which a test moves past the 24-hour window.
      now: () => meta.now(),
      baseUrls: { facebook: meta.url, instagram: meta.url },
    });
    const env: Record<string, string> = { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1', PUBLIC_URL };
    for (const network of ['FACEBOOK', 'INSTAGRAM']) {
      env[`MCC_OAUTH_${network}_CLIENT_ID`] = FAKE_APP.clientId;
      env[`MCC_OAUTH_${network}_CLIENT_SECRET`] = FAKE_APP.clientSecret;
    }
    t = await createTestApp(testDb, env, { networks });
    owner = await registerAccount(t.app);
  });
  afterAll(async () => {
    await t?.close();
    await meta?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...owner.auth, ...(cookie ? { cookie: `mcc_oauth=${cookie}` } : {}) },
      ...(payload ? { payload } : {}),
    });

  let workspaces = 0;
  /** A workspace whose owner signs in with Facebook (declining `declined`) and connects its one Page or Instagram account. */
  const connected = async (network: NetworkId, declined: string[] = []) => {
    const businessId = (await createBusiness(t.app, owner, `Shop on ${network}`)).id;
    workspaces += 1;
    const { user, pages, instagram } = meta.addFacebookUser('Ada Baker', [
      { name: 'The Bakery', username: `bakery${workspaces}`, instagram: `the.bakery${workspaces}` },
    ]);
    meta.approveAs('facebook', user.id, declined);
    const started = await call('POST', `/api/oauth/${network}/start`, { business_id: businessId });
    expect(started.statusCode, started.body).toBe(200);
    const cookie = started.cookies.find((c) => c.name === 'mcc_oauth')?.value ?? '';
    const consent = await fetch(started.json<{ authorization_url: string }>().authorization_url, {
      redirect: 'manual',
    });
    const back = new URL(consent.headers.get('location') ?? '');
    const done = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: `mcc_oauth=${cookie}` },
    });
    expect(done.statusCode, done.body).toBe(303);
    const outcome = Object.fromEntries(new URL(done.headers.location as string).searchParams);
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ oauth: 'connected' });
    const page = pages[0];
    const ig = instagram[0];
    if (!page || !ig) throw new Error('the fake made no Page');
    return { businessId, accountId: outcome.account as string, page, ig };
  };

  const sync = async (accountId: string) => {
    const synced = await call('POST', `/api/network-accounts/${accountId}/sync`);
    expect(synced.statusCode, synced.body).toBe(200);
    return synced.json<NetworkSyncResult>();
  };
  const { onlyConversation, reply } = inboxThread(call);
  const sendsTo = (path: string) =>
    meta.requests.filter((request) => request.method === 'POST' && request.path === path).length;

  it('Facebook Page: a Messenger message read twice is stored once, without the Page’s own, and answered privately', async () => {
    const { businessId, accountId, page } = await connected('facebook');
    const jo = meta.messaging.user('messenger', 'Jo Client');
    const question = meta.messaging.write(page.id, jo, 'Can I order a cake for Sunday?');
    meta.advance(2_000);
    // Someone at the Page answered in Meta's own inbox: that is not the customer's message.
    meta.messaging.writeAsBusiness(page.id, jo, 'Hi Jo! Checking the oven schedule');

    expect(await sync(accountId)).toMatchObject({ messages_received: 1, problems: [] });
    expect(await sync(accountId)).toMatchObject({ messages_received: 0, problems: [] });

    const { id, thread } = await onlyConversation(businessId);
    expect(
      thread.messages.map((message) => [
        message.external_id,
        message.visibility,
        message.author,
        message.body,
      ]),
    ).toEqual([[`dm:${jo.id}:${question.id}`, 'direct', 'Jo Client', 'Can I order a cake for Sunday?']]);

    const sent = await reply(id, 'Yes: which size?');
    expect(sent).toMatchObject({ delivery_status: 'sent', visibility: 'direct' });
    const answers = meta.messaging.sentTo(page.id, jo);
    // To Jo's Page-scoped id, in Messenger, as written: no name in front, nothing in public.
    expect(answers.map((message) => message.text)).toEqual([
      'Hi Jo! Checking the oven schedule',
      'Yes: which size?',
    ]);
    expect(sent.external_id).toBe(answers.at(-1)?.id);
    expect([...meta.comments.values()]).toEqual([]);

    // Reading again stores neither the answer nor the Page's earlier message as the customer's.
    expect(await sync(accountId)).toMatchObject({ messages_received: 0 });
    expect(
      (await onlyConversation(businessId)).thread.messages.filter((m) => m.direction === 'in'),
    ).toHaveLength(1);
  });

  it('Instagram: a direct message read twice is stored once, and the answer goes privately to its sender', async () => {
    const { businessId, accountId, ig } = await connected('instagram');
    const sam = meta.messaging.user('instagram', 'sam.loves.bread');
    const question = meta.messaging.write(ig.id, sam, 'Is the sourdough vegan?');

    expect(await sync(accountId)).toMatchObject({ messages_received: 1, problems: [] });
    expect(await sync(accountId)).toMatchObject({ messages_received: 0, problems: [] });
    const { id, thread } = await onlyConversation(businessId);
    expect(thread.messages).toEqual([
      expect.objectContaining({
        external_id: expect.stringMatching(new RegExp(`^dm:${sam.id}:`)),
        visibility: 'direct',
        body: 'Is the sourdough vegan?',
      }),
    ]);
    expect(thread.messages[0]?.external_id).not.toBe(question.id);

    const sent = await reply(id, 'It is!');
    expect(sent).toMatchObject({ delivery_status: 'sent', visibility: 'direct' });
    expect(meta.messaging.sentTo(ig.id, sam).map((message) => message.text)).toEqual(['It is!']);
    expect(await sync(accountId)).toMatchObject({ messages_received: 0 });
  });

  it('after the 24-hour window the answer is refused with the reason, and nothing is sent', async () => {
    const { businessId, accountId, page } = await connected('facebook');
    const lee = meta.messaging.user('messenger', 'Lee');
    meta.messaging.write(page.id, lee, 'Do you deliver on Mondays?');
    expect(await sync(accountId)).toMatchObject({ messages_received: 1 });
    meta.advance(25 * HOUR_MS);

    const before = sendsTo(`/v21.0/${page.id}/messages`);
    const { id } = await onlyConversation(businessId);
    const refused = await reply(id, 'Yes we do');
    expect(refused).toMatchObject({
      delivery_status: 'failed',
      visibility: 'direct',
      delivery_error:
        "Messenger only allows answers within 24 hours of the customer's last message: this answer was not sent (answer them another way, or when they write again)",
    });
    expect(sendsTo(`/v21.0/${page.id}/messages`)).toBe(before);
    expect(meta.messaging.sentTo(page.id, lee)).toEqual([]);
  });

  it('an account connected without the messaging permission still reads comments, and says to reconnect for direct messages', async () => {
    const { businessId, accountId, page } = await connected('facebook', ['pages_messaging']);
    const post = meta.pagePost(page.id, 'New loaves on Friday');
    const comment = meta.commentOn(post.id, { id: '5550101', name: 'Kim' }, 'What time?');
    meta.messaging.write(page.id, meta.messaging.user('messenger', 'Kim'), 'A private question');

    const synced = await sync(accountId);
    expect(synced.messages_received).toBe(1);
    expect(synced.problems).toEqual([
      expect.stringMatching(
        /^Reconnect the account to read its Messenger direct messages: .*pages_messaging/,
      ),
    ]);
    const { thread } = await onlyConversation(businessId);
    expect(thread.messages.map((message) => [message.external_id, message.visibility])).toEqual([
      [comment.id, 'public'],
    ]);
    // Still connected: a missing permission is not a dead token.
    const account = (await call('GET', `/api/network-accounts?business_id=${businessId}`)).json<{
      items: NetworkAccount[];
    }>().items[0];
    expect(account).toMatchObject({ id: accountId, status: 'connected' });
  });

  it('a throttled reading (Graph code 32, answered as HTTP 400) is postponed to the time Meta names, not failed', async () => {
    const { businessId, accountId, page } = await connected('facebook');
    meta.messaging.write(page.id, meta.messaging.user('messenger', 'Lou'), 'Open on Monday?');
    meta.inject(FakeMetaServer.rateLimit(/\/conversations$/, 7, 'GET'));

    const reading = t.services.networkSync.readDue(businessId, accountId);
    await expect(reading).rejects.toBeInstanceOf(RetryLaterError);
    const error = (await reading.catch((caught: unknown) => caught)) as RetryLaterError;
    expect(error.message).toMatch(/rate-limited us \(code 32\)/);
    // Seven minutes on Meta's clock, which the tests move ahead of this one.
    const expected = meta.now().getTime() + 7 * 60_000 - Date.now();
    expect(error.delayMs).toBeGreaterThan(expected - 60_000);
    expect(error.delayMs).toBeLessThanOrEqual(expected + 1_000);
  });
});
