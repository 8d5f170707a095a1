import { afterAll, beforeAll, expect, it } from 'vitest';
import { createNetworkRegistry, type OAuthTarget } from '#server/integrations/networks/index.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { createRepositories } from '#server/repositories/index.js';
import type { NetworkAccount } from '#shared/network.schema.js';
import type { OAuthNetwork, OAuthPick } from '#shared/oauth.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { FakeXServer, type FakeXUser } from '../support/networks/x/fake-x-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The OAuth connect flow over HTTP, with X's real provider against its contract fake: the authorization
// URL, the consent page's redirect back to the callback, the code exchange, the account stored; state
// bound to the browser of the person who started (another's or a reused state refused), a denied consent
// and a bad code ending on the channels page, the account picker, renewal before expiry, and tenancy.

const PUBLIC_URL = 'http://mcc.test';
const CLIENT = { id: 'mcc-x-client', secret: 'mcc-x-secret' };

describeEachDialect('connecting X through OAuth', (create) => {
  let t: TestApp;
  let x: FakeXServer;
  let owner: TestAccount;
  let admin: TestAccount;
  let outsider: TestAccount;
  let businessId: string;
  let bakery: FakeXUser;
  let repos: ReturnType<typeof createRepositories>;
  /** The accounts the test-only picker offers; null: X as it is (one login, one account). */
  let targets: OAuthTarget[] | null = null;
  const pickedIds: string[] = [];

  beforeAll(async () => {
    const testDb = await create();
    repos = createRepositories(testDb.database.db, testDb.database.dialect);
    x = await FakeXServer.start();
    x.registerApp(CLIENT.id, CLIENT.secret);
    bakery = x.addUser('bakery', 'The Bakery');
    const networks = createNetworkRegistry({
      guard: createOutboundGuard({ allowedHosts: ['127.0.0.1'] }),
      timeoutMs: 5_000,
      now: () => new Date(),
      baseUrls: { x: x.url },
    });
    const realX = networks.x;
    // X with a picker on top, as networks whose login manages several accounts (Pages) have: the flow
    // must stay generic, so the same service runs both.
    networks.x = {
      ...realX,
      connect: realX.connect.bind(realX),
      refresh: realX.refresh.bind(realX),
      publish: realX.publish.bind(realX),
      metrics: realX.metrics.bind(realX),
      mentions: realX.mentions.bind(realX),
      reply: realX.reply.bind(realX),
      async targets() {
        return { ok: true, value: targets ?? [{ id: 'only', name: 'The Bakery', avatarUrl: null }] };
      },
    };
    const connect = networks.x.connect;
    networks.x.connect = async (tokens) => {
      const id = (tokens as { target_id?: string }).target_id;
      if (id) pickedIds.push(id);
      return connect(tokens);
    };
    t = await createTestApp(
      testDb,
      {
        OUTBOUND_ALLOWED_HOSTS: '127.0.0.1',
        PUBLIC_URL,
        MCC_OAUTH_X_CLIENT_ID: CLIENT.id,
        MCC_OAUTH_X_CLIENT_SECRET: CLIENT.secret,
      },
      { networks },
    );
    owner = await registerAccount(t.app);
    admin = await registerAccount(t.app);
    outsider = await registerAccount(t.app);
    const business = await createBusiness(t.app, owner);
    businessId = business.id;
    await addMember(t.app, owner, business, admin, 'admin');
    await createBusiness(t.app, outsider, 'Elsewhere');
  });
  afterAll(async () => {
    await t.close();
    await x.close();
  });

  const call = (
    account: TestAccount,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    cookie?: string,
  ) =>
    t.app.inject({
      method,
      url,
      headers: { ...account.auth, ...(cookie ? { cookie: `mcc_oauth=${cookie}` } : {}) },
      ...(payload ? { payload } : {}),
    });

  /** Start as `account`, approve on X's page as `x.approver`: the callback URL X redirects to, and the cookie. */
  const authorize = async (account: TestAccount, extra: object = {}, cookie?: string) => {
    const started = await call(
      account,
      'POST',
      '/api/oauth/x/start',
      { business_id: businessId, ...extra },
      cookie,
    );
    expect(started.statusCode, started.body).toBe(200);
    const binder = started.cookies.find((c) => c.name === 'mcc_oauth');
    expect(binder).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/oauth' });
    const url = new URL(started.json<{ authorization_url: string }>().authorization_url);
    const consent = await fetch(url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    return { url, back, cookie: binder?.value ?? '' };
  };
  const callback = (back: URL, cookie: string | null) =>
    t.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: cookie ? { cookie: `mcc_oauth=${cookie}` } : {},
    });
  const outcomeOf = (location: string | undefined) => {
    const url = new URL(location ?? '');
    expect(url.origin + url.pathname).toBe(`${PUBLIC_URL}/w/${businessId}/settings/channels`);
    return Object.fromEntries(url.searchParams);
  };
  const accounts = async () =>
    (await call(owner, 'GET', `/api/network-accounts?business_id=${businessId}`)).json<{
      items: NetworkAccount[];
    }>().items;

  it('lists X with its least scopes and the redirect URL to register; the authorization URL carries state and PKCE', async () => {
    const listed = await call(owner, 'GET', `/api/oauth/networks?business_id=${businessId}`);
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: OAuthNetwork[] }>().items;
    // Every network connected through OAuth is listed; only X has an app on this instance.
    expect(items.map((item) => item.network).sort()).toEqual(
      ['facebook', 'google_business', 'instagram', 'linkedin', 'pinterest', 'threads', 'x'].sort(),
    );
    expect(items.find((item) => item.network === 'x')).toEqual({
      network: 'x',
      name: 'X',
      scopes: [
        'tweet.read',
        'tweet.write',
        'users.read',
        'offline.access',
        'media.write',
        'dm.read',
        'dm.write',
      ],
      redirect_url: `${PUBLIC_URL}/api/oauth/x/callback`,
      app_source: 'instance',
      workspace_app: null,
    });
    expect(items.find((item) => item.network === 'linkedin')?.app_source).toBeNull();
    x.approver = bakery;
    const { url } = await authorize(owner);
    expect(url.origin + url.pathname).toBe(`${x.url}/i/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT.id,
      redirect_uri: `${PUBLIC_URL}/api/oauth/x/callback`,
      scope: 'tweet.read tweet.write users.read offline.access media.write dm.read dm.write',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
  });

  it('connects the account the person approved, stores its tokens sealed, and refuses the same state twice', async () => {
    x.approver = bakery;
    const { back, cookie } = await authorize(owner);
    const done = await callback(back, cookie);
    expect(done.statusCode).toBe(303);
    const outcome = outcomeOf(done.headers.location as string);
    expect(outcome).toMatchObject({ oauth: 'connected', network: 'x' });
    const [account] = await accounts();
    expect(account).toMatchObject({
      id: outcome.account,
      network: 'x',
      handle: '@bakery',
      display_name: 'The Bakery',
      status: 'connected',
      scopes: [
        'tweet.read',
        'tweet.write',
        'users.read',
        'offline.access',
        'media.write',
        'dm.read',
        'dm.write',
      ],
      token_expires_at: expect.any(String),
    });
    const row = await repos.networkAccounts.find(businessId, account?.id ?? '');
    expect(row?.access_token_encrypted).not.toMatch(/^xat_/);
    expect(row?.refresh_token_encrypted).toBeTruthy();

    const again = await callback(back, cookie);
    expect(again.statusCode).toBe(400);
    expect(again.headers['content-type']).toContain('text/html');
    expect(again.body).toContain('finished already');

    // Reconnecting (the same remote account) updates the row; another X account cannot take its place.
    const reconnect = await authorize(owner, { account_id: account?.id }, cookie);
    expect(
      outcomeOf((await callback(reconnect.back, reconnect.cookie)).headers.location as string).oauth,
    ).toBe('connected');
    x.approver = x.addUser('someone_else');
    const wrong = await authorize(owner, { account_id: account?.id }, cookie);
    const refused = outcomeOf((await callback(wrong.back, wrong.cookie)).headers.location as string);
    expect(refused).toMatchObject({ oauth: 'failed', message: expect.stringContaining('not @bakery') });
    expect(await accounts()).toHaveLength(1);
  });

  it('finishes a flow only in the browser that started it: another person’s state or no cookie is refused', async () => {
    x.approver = bakery;
    const mine = await authorize(owner);
    const theirs = await authorize(admin);
    expect(theirs.cookie).not.toBe(mine.cookie);
    for (const cookie of [theirs.cookie, null]) {
      const refused = await callback(mine.back, cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('started by someone else');
    }
    // The flow stays for its own browser.
    expect(outcomeOf((await callback(mine.back, mine.cookie)).headers.location as string).oauth).toBe(
      'connected',
    );
  });

  it('ends a denied consent and a bad code on the channels page with a readable message', async () => {
    x.approver = null;
    const denied = await authorize(owner);
    expect(denied.back.searchParams.get('error')).toBe('access_denied');
    const deniedOutcome = outcomeOf((await callback(denied.back, denied.cookie)).headers.location as string);
    expect(deniedOutcome).toEqual({
      oauth: 'failed',
      network: 'x',
      message: 'You did not allow mcc to use your X account; nothing was connected.',
    });

    x.approver = bakery;
    const tampered = await authorize(owner);
    tampered.back.searchParams.set('code', 'not-a-code');
    const bad = await callback(tampered.back, tampered.cookie);
    expect(bad.statusCode).toBe(303);
    expect(outcomeOf(bad.headers.location as string)).toMatchObject({
      oauth: 'failed',
      message: expect.stringContaining('Value passed for the authorization code was invalid.'),
    });
  });

  it('lets the person who connected pick the account when the login manages several', async () => {
    x.approver = bakery;
    targets = [
      { id: 'page-1', name: 'Bakery North', avatarUrl: null },
      { id: 'page-2', name: 'Bakery South', avatarUrl: null },
    ];
    try {
      const { back, cookie } = await authorize(owner);
      const outcome = outcomeOf((await callback(back, cookie)).headers.location as string);
      expect(outcome).toMatchObject({ oauth: 'pick', network: 'x' });
      const pickUrl = `/api/oauth-picks/${outcome.flow}`;
      const pick = await call(owner, 'GET', pickUrl);
      expect(pick.statusCode).toBe(200);
      expect(pick.json<OAuthPick>().targets.map((target) => target.name)).toEqual([
        'Bakery North',
        'Bakery South',
      ]);
      // Only the person who connected sees it: an admin of the same workspace and an outsider get 404.
      expect((await call(admin, 'GET', pickUrl)).statusCode).toBe(404);
      expect((await call(outsider, 'GET', pickUrl)).statusCode).toBe(404);
      const unknown = await call(owner, 'POST', pickUrl, { target_id: 'page-9' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ errors: [{ path: 'body.target_id' }] });
      const picked = await call(owner, 'POST', pickUrl, { target_id: 'page-2' });
      expect(picked.statusCode, picked.body).toBe(201);
      expect(pickedIds.at(-1)).toBe('page-2');
      expect((await call(owner, 'POST', pickUrl, { target_id: 'page-2' })).statusCode).toBe(404);
    } finally {
      targets = null;
    }
  });

  it('renews a token about to expire before using it, and marks the account when X refuses the renewal', async () => {
    const [account] = await accounts();
    if (!account) throw new Error('connected above');
    const soon = new Date(Date.now() + 60_000).toISOString();
    await repos.networkAccounts.update(businessId, account.id, { token_expires_at: soon });
    // At X the token has expired: only a renewed one is accepted.
    x.clockMs = Date.now() + 7_200_000;
    const synced = await call(owner, 'POST', `/api/network-accounts/${account.id}/sync`);
    expect(synced.json()).toMatchObject({ problems: [] });
    const renewed = (await accounts()).find((candidate) => candidate.id === account.id);
    expect(renewed?.token_expires_at && renewed.token_expires_at > soon).toBe(true);

    x.revokeRefreshTokens();
    await repos.networkAccounts.update(businessId, account.id, { token_expires_at: soon });
    x.clockMs += 7_200_000;
    const refused = await call(owner, 'POST', `/api/network-accounts/${account.id}/sync`);
    expect(refused.json<{ problems: string[] }>().problems[0]).toContain('refused to renew the token');
    expect((await accounts()).find((candidate) => candidate.id === account.id)).toMatchObject({
      status: 'needs_reconnect',
    });
    x.clockMs = Date.now();
  });

  it('keeps the workspace’s own app (secret never shown), and answers another workspace’s ids with 404', async () => {
    x.registerApp('workspace-client', 'workspace-secret-value');
    const saved = await call(owner, 'PUT', '/api/oauth/x/app', {
      business_id: businessId,
      client_id: 'workspace-client',
      client_secret: 'workspace-secret-value',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<OAuthNetwork>()).toMatchObject({
      app_source: 'workspace',
      workspace_app: { client_id: 'workspace-client', has_secret: true },
    });
    expect(saved.body).not.toContain('workspace-secret-value');
    const stored = await repos.networkOAuthApps.find(businessId, 'x');
    expect(stored?.client_secret_encrypted).not.toContain('workspace-secret-value');
    const { url } = await authorize(owner);
    expect(url.searchParams.get('client_id')).toBe('workspace-client');
    expect((await call(owner, 'DELETE', `/api/oauth/x/app?business_id=${businessId}`)).statusCode).toBe(204);
    expect((await call(owner, 'DELETE', `/api/oauth/x/app?business_id=${businessId}`)).statusCode).toBe(404);

    const notOAuth = await call(owner, 'POST', '/api/oauth/mastodon/start', { business_id: businessId });
    expect(notOAuth.statusCode).toBe(400);

    for (const response of [
      await call(outsider, 'GET', `/api/oauth/networks?business_id=${businessId}`),
      await call(outsider, 'POST', '/api/oauth/x/start', { business_id: businessId }),
      await call(outsider, 'PUT', '/api/oauth/x/app', { business_id: businessId, client_id: 'mine' }),
      await call(outsider, 'DELETE', `/api/oauth/x/app?business_id=${businessId}`),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
    }
  });
});
