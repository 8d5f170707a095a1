import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import type { Problem } from '#shared/problem.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { describeEachDialect } from '../support/databases.js';
import { FakeTelegramServer } from '../support/networks/telegram/fake-telegram-server.js';
import type { TestApp } from '../support/test-app.js';

// A Telegram channel end to end, through the API and the job path: the app's Telegram provider pointed at
// the fake Bot API (its base-URL override), the real job runtime. Connect with a bot token, schedule a
// post, see it in the channel and its t.me link on the item; nothing is read back from the account.

describeEachDialect('Telegram through a connected channel', (create) => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let telegram: FakeTelegramServer;
  let owner: TestAccount;
  let businessId: string;

  beforeAll(async () => {
    const testDb = await create();
    telegram = await FakeTelegramServer.start();
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now: () => new Date(),
      baseUrls: { telegram: telegram.url },
    });
    ({ t, stop } = await startAppWithJobs(testDb, {
      backoff: { baseMs: 50, maxMs: 100 },
      announceJobs: true,
      networks,
    }));
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterAll(async () => {
    await stop();
    await telegram.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: owner.auth, ...(payload ? { payload } : {}) });
  const connect = (bot_token: string, channel: string) =>
    call('POST', '/api/network-accounts', {
      business_id: businessId,
      network: 'telegram',
      credentials: { bot_token, channel },
    });

  it('connects with a bot token, publishes a scheduled post with its link, and reads nothing back', async () => {
    const bot = telegram.addBot('bakery_bot');
    const channel = telegram.addChannel('Bakery news', 'bakerynews');

    // Not an administrator yet: the form says what to do, on the channel field.
    const early = await connect(bot.token, '@bakerynews');
    expect(early.statusCode).toBe(422);
    expect(early.json<Problem>().errors).toEqual([
      expect.objectContaining({
        path: 'body.credentials.channel',
        message: expect.stringContaining('add it under the channel’s Administrators'),
      }),
    ]);
    telegram.promote(channel, bot);
    const revoked = telegram.addBot('revoked_bot');
    telegram.revoke(revoked);
    const refused = await connect(revoked.token, '@bakerynews');
    expect(refused.json<Problem>().errors).toEqual([
      expect.objectContaining({
        path: 'body.credentials.bot_token',
        message: 'Telegram refused the bot token: Unauthorized',
      }),
    ]);

    const connected = await connect(bot.token, 't.me/bakerynews');
    expect(connected.statusCode, connected.body).toBe(201);
    const account = connected.json<NetworkAccount>();
    expect(account).toMatchObject({
      network: 'telegram',
      display_name: 'Bakery news',
      handle: '@bakerynews',
      profile_url: 'https://t.me/bakerynews',
      base_url: null,
    });
    expect(connected.body).not.toContain(bot.token);

    const item = await createContent(t.app, owner, businessId, {
      channel: 'telegram',
      body: 'Fresh sourdough at 7.',
    });
    for (const [to, extra] of [
      ['in_review', () => ({})],
      ['approved', () => ({})],
      // A second ahead of the moment it is scheduled, not of the loop's start: earlier steps can be slow.
      ['scheduled', () => ({ scheduled_at: new Date(Date.now() + 1_000).toISOString() })],
    ] as const) {
      const current = (await call('GET', `/api/content/${item.id}`)).json<ContentItem>();
      const moved = await call('POST', `/api/content/${item.id}/transition`, {
        to,
        version: current.version,
        ...extra(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const published = await vi.waitFor(
      async () => {
        const current = (await call('GET', `/api/content/${item.id}`)).json<ContentItem>();
        expect(['published', 'failed']).toContain(current.status);
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(published.status, published.publish_error ?? '').toBe('published');
    const [message] = telegram.messagesIn(channel);
    expect(message?.text).toBe('Fresh sourdough at 7.');
    const attempts = (await call('GET', `/api/content/${item.id}/publish-attempts`)).json<{
      items: PublishAttempt[];
    }>().items;
    expect(attempts).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        connector_kind: 'telegram',
        account_id: account.id,
        external_id: String(message?.message_id),
        external_url: `https://t.me/bakerynews/${message?.message_id}`,
      }),
    ]);

    // A bot reads no channel's views or comments: no hourly reading is queued, "Sync now" says why.
    expect(await t.services.networkReadScheduler.queueReadings()).toEqual({ accounts: 0 });
    const synced = await call('POST', `/api/network-accounts/${account.id}/sync`);
    expect(synced.json<NetworkSyncResult>()).toEqual({
      posts_measured: 0,
      messages_received: 0,
      problems: [expect.stringContaining('reports no results or messages back')],
    });
  });
});
