import sharp from 'sharp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createGuardedFetch } from '#server/integrations/guarded-fetch.js';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { createRepositories } from '#server/repositories/index.js';
import { AVATAR_FRESH_MS, NetworkAvatarService } from '#server/services/networks/network-avatar.service.js';
import type { NetworkAccount } from '#shared/network.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { noisyPng } from '../support/media-fixtures.js';
import { FakeMastodonServer } from '../support/networks/mastodon/fake-mastodon-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Avatars under a CSP that allows images from our origin only: the server reads the network's avatar
// through the outbound guard at connect, keeps a 96-pixel WebP and serves it to the workspace's members.

describeEachDialect('Network account avatars', (create) => {
  let t: TestApp;
  let mastodon: FakeMastodonServer;
  let owner: TestAccount;
  let business: Awaited<ReturnType<typeof createBusiness>>;

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
    business = await createBusiness(t.app, owner);
  });
  afterEach(async () => {
    await t.close();
    await mastodon.close();
  });

  const connect = async (token: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/network-accounts',
      headers: owner.auth,
      payload: {
        business_id: business.id,
        network: 'mastodon',
        credentials: { instance_url: mastodon.url, access_token: token },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<NetworkAccount>();
  };
  const get = (url: string, account: TestAccount = owner, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers: { ...account.auth, ...headers } });

  it('reads the avatar at connect and serves a small WebP to members only, with an ETag', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery', 'The Bakery');
    // A 300 × 200 PNG: served square, whatever the network's shape.
    mastodon.serveAvatar(shop, await noisyPng(300, 200));
    const account = await connect(token);
    expect(account.avatar_url).toBe(`${mastodon.url}/system/accounts/avatars/bakery.png`);
    expect(account.avatar_src).toMatch(
      new RegExp(`^/api/network-accounts/${account.id}/avatar\\?v=[\\w-]+$`),
    );

    const listed = (await get(`/api/network-accounts?business_id=${business.id}`)).json<{
      items: NetworkAccount[];
    }>();
    expect(listed.items.map((item) => item.avatar_src)).toEqual([account.avatar_src]);

    const served = await get(account.avatar_src ?? '');
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['cache-control']).toBe('private, max-age=86400');
    const etag = String(served.headers.etag);
    expect(account.avatar_src).toContain(`?v=${etag.replaceAll('"', '')}`);
    const metadata = await sharp(served.rawPayload).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['webp', 96, 96]);

    const again = await get(account.avatar_src ?? '', owner, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);

    // Any member may see it (a viewer cannot manage channels, but sees who posts).
    const viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, viewer, 'viewer');
    expect((await get(account.avatar_src ?? '', viewer)).statusCode).toBe(200);
    // Another workspace's owner learns nothing: the very answer of an account that does not exist.
    const stranger = await registerAccount(t.app);
    await createBusiness(t.app, stranger);
    const foreign = await get(account.avatar_src ?? '', stranger);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.headers['content-type']).toContain('application/problem+json');
    expect(foreign.json()).toMatchObject({ code: 'not_found' });

    // Disconnecting forgets it.
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/network-accounts/${account.id}`,
      headers: owner.auth,
    });
    expect(gone.statusCode).toBe(204);
    expect((await get(account.avatar_src ?? '')).statusCode).toBe(404);
  });

  it('connects all the same when the avatar cannot be read or is not an image, and picks it up on a reading', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery', 'The Bakery');
    // The file host answers 404.
    const missing = await connect(token);
    expect(missing).toMatchObject({ status: 'connected', avatar_src: null });
    expect(mastodon.avatarReads).toBe(1);
    expect((await get(`/api/network-accounts/${missing.id}/avatar`)).statusCode).toBe(404);

    // An SVG that calls itself a PNG: the type comes from the bytes, and SVG is not decoded.
    mastodon.serveAvatar(shop, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    const sync = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/network-accounts/${missing.id}/sync`,
        headers: owner.auth,
      });
    expect((await sync()).statusCode).toBe(200);
    expect(mastodon.avatarReads).toBe(2);
    expect((await get(`/api/network-accounts/${missing.id}/avatar`)).statusCode).toBe(404);

    // A real picture now: the next reading (the avatar still missing) reads it.
    mastodon.serveAvatar(shop, await noisyPng(64, 64));
    expect((await sync()).statusCode).toBe(200);
    expect(mastodon.avatarReads).toBe(3);
    expect((await get(`/api/network-accounts/${missing.id}/avatar`)).statusCode).toBe(200);
    // Kept and fresh: the next reading leaves it alone.
    expect((await sync()).statusCode).toBe(200);
    expect(mastodon.avatarReads).toBe(3);
  });

  it('reads a kept avatar again after a day, and keeps the last one when the network fails', async () => {
    const { account: shop, token } = mastodon.addAccount('bakery', 'The Bakery');
    mastodon.serveAvatar(shop, await noisyPng(64, 64));
    const account = await connect(token);
    const repos = createRepositories(t.database.db, t.database.dialect);
    const row = await repos.networkAccounts.find(business.id, account.id);
    if (!row) throw new Error('The account was not stored');
    const avatarsAt = (ms: number) =>
      new NetworkAvatarService({
        repos,
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        now: () => new Date(Date.now() + ms),
      });

    await avatarsAt(AVATAR_FRESH_MS / 2).refreshIfStale(row);
    expect(mastodon.avatarReads).toBe(1);

    mastodon.serveAvatar(shop, await noisyPng(80, 80));
    await avatarsAt(AVATAR_FRESH_MS + 1_000).refreshIfStale(row);
    expect(mastodon.avatarReads).toBe(2);
    const listed = async () =>
      (await get(`/api/network-accounts?business_id=${business.id}`)).json<{ items: NetworkAccount[] }>()
        .items[0]?.avatar_src;
    const changed = await listed();
    expect(changed).not.toBe(account.avatar_src);

    // The file host fails: the last picture stays, and is not asked for again until a day later.
    mastodon.serveAvatar(shop, Buffer.from('oops'), 'text/plain');
    await avatarsAt(3 * AVATAR_FRESH_MS).refreshIfStale(row);
    expect(mastodon.avatarReads).toBe(3);
    expect(await listed()).toBe(changed);
    await avatarsAt(3 * AVATAR_FRESH_MS + 1_000).refreshIfStale(row);
    expect(mastodon.avatarReads).toBe(3);
  });
});
