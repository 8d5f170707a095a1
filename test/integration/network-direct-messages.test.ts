import { afterEach, beforeEach, expect, it } from 'vitest';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import type { ConversationThread, Message } from '#shared/inbox.schema.js';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { FakeMastodonServer } from '../support/networks/mastodon/fake-mastodon-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Direct messages, network by network, against each network's contract fake: a direct message reaches
// the inbox once (read twice, stored once: the ingest is idempotent on channel and external id), says it
// is direct, and the answer from the inbox goes back privately.

describeEachDialect('Direct messages through connected accounts', (create) => {
  let t: TestApp;
  let mastodon: FakeMastodonServer;
  let owner: TestAccount;
  let businessId: string;

  beforeEach(async () => {
    const testDb = await create();
    mastodon = await FakeMastodonServer.start();
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now: () => new Date(),
    });
    t = await createTestApp(testDb, { OUTBOUND_ALLOWED_HOSTS: '127.0.0.1' }, { networks });
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterEach(async () => {
    await t.close();
    await mastodon.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });

  it('Mastodon: a direct status arrives once as a direct message, and the answer is a direct status', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery', 'The Bakery');
    const connected = await call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'mastodon',
      credentials: { instance_url: mastodon.url, access_token: token },
    });
    expect(connected.statusCode, connected.body).toBe(201);
    const account = connected.json<NetworkAccount>();
    const fan = mastodon.remoteAccount('fan', 'A Fan');
    const mention = mastodon.mention(fan, shop, 'Love the rye!');
    const dm = mastodon.mention(fan, shop, 'Can I order a cake for Sunday?', null, 'direct');

    const sync = async () =>
      (await call('POST', `/api/network-accounts/${account.id}/sync`)).json<NetworkSyncResult>();
    expect(await sync()).toMatchObject({ messages_received: 2, problems: [] });
    expect(await sync()).toMatchObject({ messages_received: 0, problems: [] });

    const conversations = (await call('GET', `/api/messages?business_id=${businessId}`)).json<{
      items: Array<{ id: string }>;
    }>();
    expect(conversations.items).toHaveLength(1);
    const conversationId = conversations.items[0]?.id ?? '';
    const thread = (await call('GET', `/api/messages/${conversationId}`)).json<ConversationThread>();
    expect(thread.messages.map((message) => [message.external_id, message.visibility])).toEqual([
      [mention.id, 'public'],
      [dm.id, 'direct'],
    ]);

    const replied = await call('POST', `/api/messages/${conversationId}/reply`, {
      body: 'Yes: which size?',
    });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(replied.json<Message>()).toMatchObject({ delivery_status: 'sent', visibility: 'direct' });
    const answer = mastodon.statusesBy(shop).at(-1);
    // Direct, in the direct message's thread, naming the customer (a direct status reaches whom it names).
    expect(answer).toMatchObject({
      in_reply_to_id: dm.id,
      visibility: 'direct',
      text: '@fan@elsewhere.example Yes: which size?',
    });
    expect(replied.json<Message>().external_id).toBe(answer?.id);

    // A public mention after it is answered in public again.
    const later = mastodon.mention(fan, shop, 'See you Saturday');
    expect(await sync()).toMatchObject({ messages_received: 1 });
    const again = await call('POST', `/api/messages/${conversationId}/reply`, { body: 'See you!' });
    expect(again.json<Message>()).toMatchObject({ delivery_status: 'sent', visibility: 'public' });
    expect(mastodon.statusesBy(shop).at(-1)).toMatchObject({
      in_reply_to_id: later.id,
      visibility: 'public',
    });
  });
});
