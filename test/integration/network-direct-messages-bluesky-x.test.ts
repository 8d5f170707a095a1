import { afterEach, beforeEach, expect, it } from 'vitest';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { RetryLaterError } from '#server/jobs/run-job.js';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { inboxThread } from '../support/inbox-thread.js';
import { CHAT_PROXY, FakeBlueskyServer } from '../support/networks/bluesky/fake-bluesky-server.js';
import { FakeXServer, type FakeXUser } from '../support/networks/x/fake-x-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Bluesky's chat and X's direct messages through connected accounts, against each network's contract fake,
// with the app and both fakes on one clock: a direct message reaches the inbox once (read twice, stored
// once) in the customer's conversation, marked direct; the answer goes back privately into the same
// conversation and is never read back as the customer's; an account whose token may not read direct
// messages still reads its mentions and says how to allow them; a rate limit on the DM endpoint is waited
// out, and what it held back is read afterwards.

const T = new Date('2031-03-03T10:00:00.000Z');
const CLIENT = { id: 'mcc-x-client', secret: 'mcc-x-secret' };
const PUBLIC_URL = 'https://mcc.example.org';
/** The scopes X accounts were connected with before mcc read direct messages. */
const SCOPES_BEFORE_DMS = 'tweet.read tweet.write users.read offline.access media.write';

describeEachDialect('Direct messages on Bluesky and X', (create) => {
  let clock: Date;
  let t: TestApp;
  let bluesky: FakeBlueskyServer;
  let x: FakeXServer;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    clock = T;
    const now = () => clock;
    const testDb = await create();
    bluesky = await FakeBlueskyServer.start({ now });
    x = await FakeXServer.start();
    x.clockMs = T.getTime();
    x.registerApp(CLIENT.id, CLIENT.secret);
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now,
      baseUrls: { x: x.url },
    });
    t = await createTestApp(
      testDb,
      {
        OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
        PUBLIC_URL,
        MCC_OAUTH_X_CLIENT_ID: CLIENT.id,
        MCC_OAUTH_X_CLIENT_SECRET: CLIENT.secret,
      },
      { networks, now },
    );
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await t.close();
    await bluesky.close();
    await x.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object, cookie?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...owner.auth, ...(cookie ? { cookie: `mcc_oauth=${cookie}` } : {}) },
      ...(payload ? { payload } : {}),
    });
  /** A minute on, for the app and both networks: messages get distinct times. */
  const tick = () => {
    clock = new Date(clock.getTime() + 60_000);
    x.clockMs = clock.getTime();
  };
  const sync = async (account: NetworkAccount) =>
    (await call('POST', `/api/network-accounts/${account.id}/sync`)).json<NetworkSyncResult>();
  const accountNamed = async (id: string) =>
    (await call('GET', `/api/network-accounts?business_id=${businessId}`))
      .json<{ items: NetworkAccount[] }>()
      .items.find((account) => account.id === id);
  const inbox = inboxThread(call);
  const onlyConversation = () => inbox.onlyConversation(businessId);
  const reply = inbox.reply;

  const connectBluesky = async (directMessages: boolean) => {
    const { account: shop, appPassword } = bluesky.addAccount('bakery.bsky.social', 'The Bakery', {
      directMessages,
    });
    const connected = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'bluesky',
      credentials: { handle: shop.handle, app_password: appPassword, pds_url: bluesky.url },
    });
    expect(connected.statusCode, connected.body).toBe(201);
    return { shop, account: connected.json<NetworkAccount>() };
  };

  /** Through X's consent page as `user`, with the scopes mcc asks for or `scopes` in their place. */
  const connectX = async (
    user: FakeXUser,
    { scopes, accountId }: { scopes?: string; accountId?: string } = {},
  ) => {
    const started = await call('POST', '/api/oauth/x/start', {
      business_id: businessId,
      ...(accountId ? { account_id: accountId } : {}),
    });
    expect(started.statusCode, started.body).toBe(200);
    const cookie = started.cookies.find((c) => c.name === 'mcc_oauth')?.value ?? '';
    const consent = new URL(started.json<{ authorization_url: string }>().authorization_url);
    expect(consent.searchParams.get('scope')).toBe(`${SCOPES_BEFORE_DMS} dm.read dm.write`);
    if (scopes) consent.searchParams.set('scope', scopes);
    x.approver = user;
    const back = new URL((await fetch(consent, { redirect: 'manual' })).headers.get('location') ?? '');
    const done = await call('GET', `${back.pathname}${back.search}`, undefined, cookie);
    expect(done.statusCode, done.body).toBe(303);
    const outcome = new URL(String(done.headers.location)).searchParams;
    expect(outcome.get('oauth'), outcome.get('message') ?? '').toBe('connected');
    const account = await accountNamed(outcome.get('account') ?? '');
    if (!account) throw new Error('not connected');
    return account;
  };

  it('Bluesky: a chat message arrives once as a direct message, and the answer goes into its conversation', async () => {
    const { shop, account } = await connectBluesky(true);
    const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
    const mention = bluesky.post(fan, 'Hey @bakery.bsky.social, open Sunday?', { mention: shop });
    tick();
    const dm = bluesky.directMessage(fan, shop, 'Can I order a cake for Sunday?');

    expect(await sync(account)).toMatchObject({ messages_received: 2, problems: [] });
    expect(await sync(account)).toMatchObject({ messages_received: 0, problems: [] });
    const { id, thread } = await onlyConversation();
    expect(thread.messages.map((message) => [message.external_id, message.visibility])).toEqual([
      [mention.uri, 'public'],
      [`dm:${dm.convoId}:${dm.id}`, 'direct'],
    ]);

    tick();
    const answered = await reply(id, 'Yes: which size?');
    expect(answered).toMatchObject({ delivery_status: 'sent', visibility: 'direct' });
    const sent = bluesky.messagesIn(dm.convoId).at(-1);
    // In the customer's conversation, as written: a chat message names no one.
    expect(sent).toMatchObject({ sender: shop.did, text: 'Yes: which size?' });
    expect(answered.external_id).toBe(`dm:${dm.convoId}:${sent?.id}`);
    expect(bluesky.postsBy(shop)).toEqual([]);
    expect(
      bluesky.requests.filter((r) => r.nsid.startsWith('chat.bsky.')).every((r) => r.proxy === CHAT_PROXY),
    ).toBe(true);

    // The shop's own message is not read back as the customer's; the customer's next one is.
    expect(await sync(account)).toMatchObject({ messages_received: 0, problems: [] });
    tick();
    const size = bluesky.directMessage(fan, shop, 'Eight people');
    expect(await sync(account)).toMatchObject({ messages_received: 1, problems: [] });
    expect(
      (await onlyConversation()).thread.messages.map((message) => [message.direction, message.body]),
    ).toEqual([
      ['in', 'Hey @bakery.bsky.social, open Sunday?'],
      ['in', 'Can I order a cake for Sunday?'],
      ['out', 'Yes: which size?'],
      ['in', size.text],
    ]);
  });

  it('Bluesky: an app password without direct-message access still reads mentions, and says how to allow it', async () => {
    const { shop, account } = await connectBluesky(false);
    const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
    bluesky.post(fan, 'Hey @bakery.bsky.social, open Sunday?', { mention: shop });
    bluesky.directMessage(fan, shop, 'Psst');

    const read = await sync(account);
    expect(read).toMatchObject({ messages_received: 1 });
    expect(read.problems).toEqual([expect.stringContaining('“Allow access to your direct messages”')]);
    expect(await accountNamed(account.id)).toMatchObject({ status: 'connected', last_error: null });
    const { thread } = await onlyConversation();
    expect(thread.messages.map((message) => message.visibility)).toEqual(['public']);
  });

  it('X: a direct message arrives once, the answer goes into its DM conversation, and a 429 is waited out', async () => {
    const shop = x.addUser('bakery', 'The Bakery');
    const account = await connectX(shop);
    expect(account.scopes).toEqual([...SCOPES_BEFORE_DMS.split(' '), 'dm.read', 'dm.write']);
    const fan = x.addUser('crumbs', 'Crumb Fan');
    const mention = x.mention(fan, shop, 'Open Sunday?');
    tick();
    const dm = x.directMessage(fan, shop, 'Can I order a cake for Sunday?');

    expect(await sync(account)).toMatchObject({ messages_received: 2, problems: [] });
    expect(await sync(account)).toMatchObject({ messages_received: 0, problems: [] });
    const { id, thread } = await onlyConversation();
    expect(thread.messages.map((message) => [message.external_id, message.visibility])).toEqual([
      [mention.id, 'public'],
      [`dm:${dm.conversationId}:${dm.id}`, 'direct'],
    ]);

    tick();
    const answered = await reply(id, 'Yes: which size?');
    expect(answered).toMatchObject({ delivery_status: 'sent', visibility: 'direct' });
    const sent = x.dmEventsIn(dm.conversationId).at(-1);
    expect(sent).toMatchObject({ senderId: shop.id, text: 'Yes: which size?' });
    expect(answered.external_id).toBe(`dm:${dm.conversationId}:${sent?.id}`);
    // Nothing went out in public.
    expect([...x.tweets.values()].filter((tweet) => tweet.authorId === shop.id)).toEqual([]);
    expect(await sync(account)).toMatchObject({ messages_received: 0, problems: [] });

    // X rate-limits the DM endpoint: nothing is stored, the reading says until when, and the hourly
    // reading waits until then; afterwards the message it held back is read.
    tick();
    const later = x.directMessage(fan, shop, 'Eight people');
    const reset = new Date((Math.floor(x.clockMs / 1000) + 60) * 1000);
    x.rateLimit('GET', '/2/dm_events');
    const limited = await sync(account);
    expect(limited.messages_received).toBe(0);
    expect(limited.problems).toEqual([
      expect.stringContaining(
        `rate-limited us (HTTP 429): Too Many Requests; try again after ${reset.toISOString()}`,
      ),
    ]);
    x.rateLimit('GET', '/2/dm_events');
    const waited = await t.services.networkSync
      .readDue(businessId, account.id)
      .catch((error: unknown) => error);
    expect(waited).toBeInstanceOf(RetryLaterError);
    expect((waited as RetryLaterError).delayMs).toBe(reset.getTime() - clock.getTime());
    clock = reset;
    x.clockMs = reset.getTime();
    expect(await sync(account)).toMatchObject({ messages_received: 1, problems: [] });
    expect((await onlyConversation()).thread.messages.at(-1)).toMatchObject({
      external_id: `dm:${later.conversationId}:${later.id}`,
      visibility: 'direct',
    });
  });

  it('X: an account connected before the DM scopes still reads mentions, says to reconnect, and reads them once reconnected', async () => {
    const shop = x.addUser('bakery', 'The Bakery');
    const account = await connectX(shop, { scopes: SCOPES_BEFORE_DMS });
    expect(account.scopes).not.toContain('dm.read');
    const fan = x.addUser('crumbs', 'Crumb Fan');
    x.mention(fan, shop, 'Open Sunday?');
    tick();
    const dm = x.directMessage(fan, shop, 'Psst');

    const read = await sync(account);
    expect(read).toMatchObject({ messages_received: 1 });
    expect(read.problems).toEqual([expect.stringContaining('Reconnect the account to read and answer them')]);
    expect(await accountNamed(account.id)).toMatchObject({ status: 'connected', last_error: null });

    const reconnected = await connectX(shop, { accountId: account.id });
    expect(reconnected.scopes).toContain('dm.read');
    expect(await sync(reconnected)).toMatchObject({ messages_received: 1, problems: [] });
    expect((await onlyConversation()).thread.messages.map((message) => message.external_id)).toContain(
      `dm:${dm.conversationId}:${dm.id}`,
    );
  });
});
