import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNetworkRegistry } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { createRepositories } from '#server/repositories/index.js';
import type { PublishAttempt } from '#shared/connector.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import type { NetworkAccount, NetworkId } from '#shared/network.schema.js';
import type { OAuthPick } from '#shared/oauth.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createContent } from '../factories/marketing.js';
import { startAppWithJobs } from '../support/app-with-jobs.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { noisyPng, shortMp4 } from '../support/media-fixtures.js';
import { multipartFile } from '../support/multipart.js';
import { FakeGoogleBusinessServer } from '../support/networks/google-business/fake-google-business-server.js';
import { FakeLinkedInServer } from '../support/networks/linkedin/fake-linkedin-server.js';
import { FAKE_APP, FakeMetaServer } from '../support/networks/meta/fake-meta-server.js';
import { FakePinterestServer } from '../support/networks/pinterest/fake-pinterest-server.js';
import type { TestApp } from '../support/test-app.js';

// The wiring of every network connected through OAuth (X has its own file, network-oauth.test.ts): the
// app's registry pointed at each contract fake by its base-URL override, the instance's app from env,
// then start → the network's consent page → callback (→ pick, where the login manages several accounts)
// → the account listed with its name, scopes and expiry. LinkedIn (as an organization, a text and a video
// uploaded in parts) and Instagram (an image, fetched by the network from its signed public link) then
// publish through the real job path.
// SQLite only: what is checked is the wiring between providers, flow and publisher, not SQL.

const PUBLIC_URL = 'http://mcc.test';
const APPS = {
  linkedin: { id: 'li-client', secret: 'li-secret' },
  pinterest: { id: 'pin-client', secret: 'pin-secret' },
  google_business: { id: 'gbp.apps.googleusercontent.example', secret: 'GOCSPX-secret' },
} as const;

describe('connecting every OAuth network through its contract fake', () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  let linkedin: FakeLinkedInServer;
  let pinterest: FakePinterestServer;
  let google: FakeGoogleBusinessServer;
  let meta: FakeMetaServer;
  let owner: TestAccount;
  let businessId: string;
  let repos: ReturnType<typeof createRepositories>;
  /** The waits between looks at a processing video: recorded, no real time passes. */
  const videoWaits: number[] = [];

  beforeAll(async () => {
    const testDb = await createSqliteTestDatabase();
    [linkedin, pinterest, google, meta] = await Promise.all([
      FakeLinkedInServer.start(),
      FakePinterestServer.start(),
      FakeGoogleBusinessServer.start(),
      FakeMetaServer.start(),
    ]);
    linkedin.clients.set(APPS.linkedin.id, APPS.linkedin.secret);
    pinterest.clients.set(APPS.pinterest.id, APPS.pinterest.secret);
    google.clients.set(APPS.google_business.id, APPS.google_business.secret);
    repos = createRepositories(testDb.database.db, testDb.database.dialect);
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now: () => new Date(),
      mediaPollMs: 5,
      videoWait: async (ms) => {
        videoWaits.push(ms);
      },
      baseUrls: {
        linkedin: linkedin.url,
        pinterest: pinterest.url,
        google_business: google.url,
        facebook: meta.url,
        instagram: meta.url,
        threads: meta.url,
      },
    });
    const env: Record<string, string> = { PUBLIC_URL };
    for (const [network, app] of Object.entries(APPS)) {
      env[`MCC_OAUTH_${network.toUpperCase()}_CLIENT_ID`] = app.id;
      env[`MCC_OAUTH_${network.toUpperCase()}_CLIENT_SECRET`] = app.secret;
    }
    for (const network of ['FACEBOOK', 'INSTAGRAM', 'THREADS']) {
      env[`MCC_OAUTH_${network}_CLIENT_ID`] = FAKE_APP.clientId;
      env[`MCC_OAUTH_${network}_CLIENT_SECRET`] = FAKE_APP.clientSecret;
    }
    ({ t, stop } = await startAppWithJobs(testDb, {
      backoff: { baseMs: 50, maxMs: 100 },
      env,
      networks,
    }));
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
  });
  afterAll(async () => {
    await stop?.();
    await Promise.all([linkedin?.close(), pinterest?.close(), google?.close(), meta?.close()]);
  });

  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, cookie?: string) =>
    t.app.inject({
      method,
      url,
      headers: { ...owner.auth, ...(cookie ? { cookie: `mcc_oauth=${cookie}` } : {}) },
      ...(payload ? { payload } : {}),
    });

  /**
   * Start, approve on the network's page (the fake's approver), come back to the callback; pick `pick`
   * when the login manages several accounts. The connected account as the channels page lists it.
   */
  const connect = async (network: NetworkId, pick?: (targets: OAuthPick['targets']) => string) => {
    const started = await call('POST', `/api/oauth/${network}/start`, { business_id: businessId });
    expect(started.statusCode, started.body).toBe(200);
    const cookie = started.cookies.find((c) => c.name === 'mcc_oauth')?.value ?? '';
    const consent = await fetch(started.json<{ authorization_url: string }>().authorization_url, {
      redirect: 'manual',
    });
    expect(consent.status).toBe(302);
    const back = new URL(consent.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/oauth/${network}/callback`);
    const done = await t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { cookie: `mcc_oauth=${cookie}` },
    });
    expect(done.statusCode, done.body).toBe(303);
    let outcome = Object.fromEntries(new URL(done.headers.location as string).searchParams);
    if (outcome.oauth === 'pick') {
      if (!pick) throw new Error(`${network} asked to pick an account: ${JSON.stringify(outcome)}`);
      const flow = (await call('GET', `/api/oauth-picks/${outcome.flow}`)).json<OAuthPick>();
      const picked = await call('POST', `/api/oauth-picks/${outcome.flow}`, {
        target_id: pick(flow.targets),
      });
      expect(picked.statusCode, picked.body).toBe(201);
      outcome = { oauth: 'connected', account: picked.json<NetworkAccount>().id };
    }
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ oauth: 'connected' });
    const listed = (await call('GET', `/api/network-accounts?business_id=${businessId}`)).json<{
      items: NetworkAccount[];
    }>().items;
    const account = listed.find((candidate) => candidate.id === outcome.account);
    if (!account) throw new Error(`${network}: the connected account is not listed`);
    expect(account).toMatchObject({ network, status: 'connected' });
    return account;
  };
  const byName = (name: string) => (targets: OAuthPick['targets']) => {
    const found = targets.find((target) => target.name === name);
    if (!found) throw new Error(`no target ${name} in ${targets.map((target) => target.name).join(', ')}`);
    return found.id;
  };
  /** Milliseconds a token has left, per the account's listed expiry. */
  const left = (account: NetworkAccount) => Date.parse(account.token_expires_at ?? '') - Date.now();
  const DAY = 86_400_000;

  const uploadMedia = async (bytes: Buffer, fileName: string) => {
    const upload = multipartFile(bytes, { fileName });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...owner.auth, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    return uploaded.json<MediaItem>();
  };
  const itemOf = async (id: string) => (await call('GET', `/api/content/${id}`)).json<ContentItem>();
  const schedule = async (channel: NetworkId, body: string, mediaIds: string[] = []) => {
    const item = await createContent(t.app, owner, businessId, { channel, body });
    if (mediaIds.length > 0) {
      const attached = await call('PUT', `/api/content/${item.id}/media`, {
        version: item.version,
        media_ids: mediaIds,
      });
      expect(attached.statusCode, attached.body).toBe(200);
    }
    for (const [to, extra] of [
      ['in_review', () => ({})],
      ['approved', () => ({})],
      // A second ahead of the moment it is scheduled, not of the loop's start: earlier steps can be slow.
      ['scheduled', () => ({ scheduled_at: new Date(Date.now() + 1_000).toISOString() })],
    ] as const) {
      const moved = await call('POST', `/api/content/${item.id}/transition`, {
        to,
        version: (await itemOf(item.id)).version,
        ...extra(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const settled = await vi.waitFor(
      async () => {
        const current = await itemOf(item.id);
        expect(['published', 'failed']).toContain(current.status);
        return current;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(settled.status, settled.publish_error ?? '').toBe('published');
    const attempts = (await call('GET', `/api/content/${item.id}/publish-attempts`)).json<{
      items: PublishAttempt[];
    }>().items;
    return { item: settled, attempts };
  };

  it('LinkedIn: the member picks the organization, which then publishes a scheduled post', async () => {
    const { member, urn } = linkedin.addMember('Ada Baker');
    const org = linkedin.addOrganization('Bakery & Co', 'bakery-co', { [urn]: 'ADMINISTRATOR' });
    linkedin.approver = member.sub;
    const account = await connect('linkedin', byName('Bakery & Co'));
    const remoteId = `urn:li:organization:${org.id}`;
    expect((await repos.networkAccounts.find(businessId, account.id))?.remote_account_id).toBe(remoteId);
    expect(account).toMatchObject({
      display_name: 'Bakery & Co',
      profile_url: 'https://www.linkedin.com/company/bakery-co/',
      scopes: expect.arrayContaining(['w_organization_social', 'r_organization_social']),
    });
    expect(left(account)).toBeGreaterThan(59 * DAY);

    const { attempts } = await schedule('linkedin', 'Fresh sourdough at 7.');
    const post = [...linkedin.posts.values()].find((candidate) => candidate.author === remoteId);
    expect(post).toBeDefined();
    expect(attempts).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        account_id: account.id,
        external_id: post?.urn,
        external_url: `https://www.linkedin.com/feed/update/${post?.urn}/`,
      }),
    ]);

    // A video: refused at scheduling when LinkedIn's rules say no (a second is under its three), else
    // uploaded in parts by the job and posted once LinkedIn has processed it.
    const tooShort = await uploadMedia(await shortMp4(), 'blink.mp4');
    const blink = await createContent(t.app, owner, businessId, { channel: 'linkedin', body: 'Blink' });
    await call('PUT', `/api/content/${blink.id}/media`, { version: blink.version, media_ids: [tooShort.id] });
    for (const to of ['in_review', 'approved'] as const) {
      await call('POST', `/api/content/${blink.id}/transition`, {
        to,
        version: (await itemOf(blink.id)).version,
      });
    }
    const refused = await call('POST', `/api/content/${blink.id}/transition`, {
      to: 'scheduled',
      version: (await itemOf(blink.id)).version,
      scheduled_at: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'media_check_failed',
      errors: [
        {
          code: 'video_unsuitable',
          path: 'body.media.0',
          message: 'LinkedIn cannot take “blink.mp4”: it lasts 1 s; it takes 3 s to 30 min',
        },
        {
          code: 'video_unsuitable',
          path: 'body.media.0',
          message: expect.stringMatching(
            /^LinkedIn cannot take “blink\.mp4”: it is \d+ KB; it takes at least 75 KB$/,
          ),
        },
      ],
    });

    linkedin.videoPartBytes = 32 * 1024;
    const clip = await uploadMedia(await shortMp4(['-t', '4', '-b:v', '400k']), 'oven.mp4');
    expect(clip.size_bytes).toBeGreaterThan(75 * 1024);
    const withVideo = await schedule('linkedin', 'Our oven at work.', [clip.id]);
    const videoPost = linkedin.posts.get(withVideo.attempts[0]?.external_id ?? '');
    expect(videoPost?.video).toMatch(/^urn:li:video:/);
    const sent = linkedin.videoBytes(videoPost?.video ?? '');
    const stored = await t.app.inject({
      method: 'GET',
      url: `/api/media/${clip.id}/file`,
      headers: owner.auth,
    });
    expect(sent?.equals(stored.rawPayload)).toBe(true);
    expect(linkedin.videos.get(videoPost?.video ?? '')?.parts.length).toBeGreaterThan(2);
    expect(videoWaits.length).toBeGreaterThan(0);
  });

  it('Pinterest: the person picks the board the Pins go to', async () => {
    pinterest.addUser('bakeryshop', ['Breads', 'Cakes'], 'The Bakery Shop');
    pinterest.approver = 'bakeryshop';
    const account = await connect('pinterest', byName('Cakes'));
    expect(account).toMatchObject({
      display_name: expect.stringContaining('Cakes'),
      scopes: expect.arrayContaining(['pins:write', 'boards:read']),
    });
    expect(left(account)).toBeGreaterThan(29 * DAY);
  });

  it('Google Business Profile: the manager picks the location; the hour-long token comes with a refresh token', async () => {
    google.addAccount('google-user-1', 'Bakery Group', [
      { title: 'Bakery North', locality: 'Leeds' },
      { title: 'Bakery South', locality: 'Brighton' },
    ]);
    google.approver = 'google-user-1';
    const account = await connect('google_business', byName('Bakery South (Brighton)'));
    expect(account).toMatchObject({
      display_name: expect.stringContaining('Bakery South'),
      scopes: ['https://www.googleapis.com/auth/business.manage'],
    });
    expect(left(account)).toBeGreaterThan(50 * 60_000);
    expect(left(account)).toBeLessThanOrEqual(3_600_000);
    const row = await repos.networkAccounts.find(businessId, account.id);
    expect(row?.refresh_token_encrypted).toBeTruthy();
  });

  it('Facebook: the person picks the Page; its token does not expire', async () => {
    const { user } = meta.addFacebookUser('Ada Baker', [
      { name: 'Bakery Page', username: 'bakerypage' },
      { name: 'Cafe Page', username: 'cafepage' },
    ]);
    meta.approveAs('facebook', user.id);
    const account = await connect('facebook', byName('Cafe Page'));
    expect(account).toMatchObject({
      display_name: 'Cafe Page',
      token_expires_at: null,
      scopes: expect.arrayContaining(['pages_manage_posts']),
    });
  });

  it('Instagram: the one professional account connects without a pick and publishes an image from its signed link', async () => {
    const { user, instagram } = meta.addFacebookUser('Bea Baker', [
      { name: 'Crumbs', username: 'crumbs', instagram: 'crumbs.gram' },
      { name: 'No Instagram here', username: 'plainpage' },
    ]);
    meta.approveAs('facebook', user.id);
    const account = await connect('instagram');
    expect((await repos.networkAccounts.find(businessId, account.id))?.remote_account_id).toBe(
      instagram[0]?.id,
    );
    expect(account).toMatchObject({
      handle: '@crumbs.gram',
      // It publishes with the Page's token, taken from a long-lived user token: it does not expire.
      token_expires_at: null,
      scopes: expect.arrayContaining(['instagram_content_publish']),
    });

    const upload = multipartFile(await noisyPng(64, 64), { fileName: 'loaf.png' });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/media?business_id=${businessId}`,
      headers: { ...owner.auth, ...upload.headers },
      payload: upload.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const media = uploaded.json<MediaItem>();
    const described = await call('PATCH', `/api/media/${media.id}`, { alt_text: 'A sourdough loaf' });
    expect(described.statusCode, described.body).toBe(200);
    const { attempts } = await schedule('instagram', 'Our loaf of the week', [media.id]);
    const container = [...meta.containers.values()].find((candidate) => candidate.network === 'instagram');
    // Instagram fetched the file itself, from the server's public address, signed (no sign-in).
    expect(container?.params.image_url).toMatch(new RegExp(`^${PUBLIC_URL}/.+`));
    const link = new URL(container?.params.image_url ?? '');
    const fetched = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(fetched.statusCode).toBe(200);
    expect(fetched.headers['content-type']).toMatch(/^image\//);
    expect(attempts).toEqual([
      expect.objectContaining({
        outcome: 'succeeded',
        account_id: account.id,
        external_id: expect.any(String),
        external_url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//),
      }),
    ]);
  });

  it('Threads: one login, one account, its short token traded for the 60-day one', async () => {
    const user = meta.addThreadsUser('bakery.threads', 'The Bakery');
    meta.approveAs('threads', user.id);
    const account = await connect('threads');
    expect((await repos.networkAccounts.find(businessId, account.id))?.remote_account_id).toBe(user.id);
    expect(account).toMatchObject({
      handle: '@bakery.threads',
      display_name: 'The Bakery',
      scopes: expect.arrayContaining(['threads_content_publish']),
    });
    expect(left(account)).toBeGreaterThan(59 * DAY);
  });
});
