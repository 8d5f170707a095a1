import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGoogleBusinessServer } from '../../../../../test/support/networks/google-business/fake-google-business-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { withFreshTokens } from '../fresh-tokens.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
  OAuthTokens,
  PublishedPart,
} from '../provider.js';
import { createGoogleBusinessProvider, GOOGLE_BUSINESS_SCOPES } from './google-business-provider.js';

// The provider over HTTP against the Google Business Profile contract fake
// (test/support/networks/google-business/).

describe('Google Business Profile provider', () => {
  let google: FakeGoogleBusinessServer;
  let userCount = 0;
  // As the registry builds it: wrapped to renew an expiring token before each call (fresh-tokens.ts).
  const provider = () =>
    withFreshTokens(
      createGoogleBusinessProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => new Date(),
        baseUrl: google.url,
      }),
      () => new Date(),
    );
  const client = { clientId: 'gbp.apps.googleusercontent.example', clientSecret: 'GOCSPX-secret' };

  beforeAll(async () => {
    google = await FakeGoogleBusinessServer.start();
    google.clients.set(client.clientId, client.clientSecret);
  });
  afterAll(async () => {
    await google.close();
  });

  const tokensFor = (user: string, target?: string): OAuthTokens => ({
    ...google.issueTokens(user, GOOGLE_BUSINESS_SCOPES),
    scopes: GOOGLE_BUSINESS_SCOPES,
    ...(target ? { target_id: target } : {}),
  });
  const sessionOf = (connected: ConnectedAccount, stored: NetworkSession[] = []): NetworkSession => ({
    baseUrl: connected.baseUrl,
    accessToken: connected.accessToken,
    refreshToken: connected.refreshToken,
    tokenExpiresAt: connected.tokenExpiresAt,
    remoteAccountId: connected.remoteAccountId,
    handle: connected.handle,
    oauthClient: client,
    onRenewed: async (renewed) => {
      stored.push(renewed);
    },
  });
  const photo = (url: string | null): NetworkMedia => ({
    kind: 'image',
    fileName: 'shop.jpg',
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
    description: '',
    width: 1280,
    height: 960,
    url,
  });
  const publication = (
    text: string,
    overrides: Partial<NetworkPublication> = {},
  ): NetworkPublication & { out: PublishedPart[] } => {
    const out: PublishedPart[] = [];
    return {
      parts: [text],
      media: async () => [],
      firstComment: null,
      idempotencyKey: 'item-1@2031-03-03T10:00:00.000Z',
      dueAt: '2031-03-03T10:00:00.000Z',
      published: [],
      onPublished: async (part) => {
        out.push(part);
      },
      out,
      ...overrides,
    };
  };
  /** A Google user who manages a chain of two locations; connected to the first. */
  const connectShop = async () => {
    userCount += 1;
    const user = `google-user-${userCount}`;
    const [high, harbour] = google.addAccount(user, 'Bakery Group', [
      { title: 'The Bakery', locality: 'Springfield' },
      { title: 'The Bakery', locality: 'Shelbyville' },
    ]);
    const id = `accounts/${high?.accountId}/locations/${high?.id}`;
    const connected = await provider().connect(tokensFor(user, id));
    if (!connected.ok) throw new Error(connected.failure.message);
    return { user, high, harbour, id, connected: connected.value };
  };

  it('describes Google’s OAuth flow: offline access, consent, PKCE', async () => {
    expect(provider().oauth).toEqual({
      authorizeUrl: `${google.url}/o/oauth2/v2/auth`,
      tokenUrl: `${google.url}/token`,
      scopes: ['https://www.googleapis.com/auth/business.manage'],
      scopeSeparator: ' ',
      pkce: true,
      clientAuth: 'body',
      authorizeParams: { access_type: 'offline', prompt: 'consent' },
    });
    // The fake's token endpoint holds the code to its PKCE challenge, as Google does.
    const verifier = 'v'.repeat(64);
    const code = google.authorize('someone', {
      clientId: client.clientId,
      redirectUri: 'https://mcc.example/api/oauth/callback',
      scopes: GOOGLE_BUSINESS_SCOPES,
      codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
    });
    const form = (codeVerifier: string) =>
      new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: 'https://mcc.example/api/oauth/callback',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        code_verifier: codeVerifier,
      });
    const answer = await fetch(`${google.url}/token`, { method: 'POST', body: form(verifier) });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: 3599,
    });
  });

  it('lists a login’s locations across accounts and pages, and connects the one picked', async () => {
    const { user, high, harbour, id, connected } = await connectShop();
    google.pageSize = 1;
    const targets = await provider().targets?.(tokensFor(user));
    google.pageSize = 100;
    expect(targets).toEqual({
      ok: true,
      value: [
        { id, name: 'The Bakery (Springfield)', avatarUrl: null },
        {
          id: `accounts/${harbour?.accountId}/locations/${harbour?.id}`,
          name: 'The Bakery (Shelbyville)',
          avatarUrl: null,
        },
      ],
    });
    expect(connected).toMatchObject({
      baseUrl: '',
      remoteAccountId: id,
      displayName: 'The Bakery',
      handle: 'The Bakery (Springfield)',
      profileUrl: `https://maps.google.example/maps?cid=${high?.id}`,
    });
    const unpicked = await provider().connect(tokensFor(user));
    expect(unpicked.ok ? null : unpicked.failure.message).toBe(
      'This Google account manages 2 locations: pick the one to post for',
    );
    const stranger = await provider().connect(tokensFor('someone-else', id));
    expect(stranger.ok ? null : stranger.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 403,
      message: expect.stringContaining('PERMISSION_DENIED: The caller does not have permission'),
    });
  });

  it('publishes a local post with a Learn more button and a photo by its public link', async () => {
    const { connected } = await connectShop();
    const pub = publication('New rye this week! Menu: https://bakery.example/menu.', {
      media: async () => [photo('https://mcc.example/api/media/signed/b/m/w1280.jpg?expires=1&signature=s')],
    });
    const sent = await provider().publish(sessionOf(connected), pub);
    expect(sent.ok).toBe(true);
    const post = google.posts.get(pub.out[0]?.remoteId ?? '');
    expect(post).toMatchObject({
      summary: 'New rye this week! Menu: https://bakery.example/menu.',
      topicType: 'STANDARD',
      callToAction: { actionType: 'LEARN_MORE', url: 'https://bakery.example/menu' },
      media: [
        {
          mediaFormat: 'PHOTO',
          sourceUrl: 'https://mcc.example/api/media/signed/b/m/w1280.jpg?expires=1&signature=s',
        },
      ],
    });
    expect(pub.out[0]?.url).toMatch(/^https:\/\/local\.google\.example\/place\?/);
    const before = google.requests.length;
    expect(
      await provider().publish(sessionOf(connected), publication('again', { published: pub.out })),
    ).toEqual({ ok: true, value: pub.out });
    expect(google.requests.length).toBe(before);
  });

  it('refuses a photo Google could not fetch (no public address) and what a local post cannot hold', async () => {
    const { connected } = await connectShop();
    const session = sessionOf(connected);
    const sent = google.seen('POST', /localPosts$/).length;
    const noUrl = await provider().publish(session, publication('Hi', { media: async () => [photo(null)] }));
    expect(noUrl.ok ? null : noUrl.failure.message).toContain('set PUBLIC_URL');
    const two = await provider().publish(
      session,
      publication('Hi', {
        media: async () => [photo('https://a.example/1.jpg'), photo('https://a.example/2.jpg')],
      }),
    );
    expect(two.ok ? null : two.failure.kind).toBe('rejected');
    expect(google.seen('POST', /localPosts$/).length).toBe(sent);
    // Google's own check, in its words (the text is sent as written, never cut).
    const tooLong = await provider().publish(session, publication('x'.repeat(1501)));
    expect(tooLong.ok ? null : tooLong.failure).toEqual({
      kind: 'rejected',
      statusCode: 400,
      retryAt: null,
      message:
        'Google Business Profile refused it (HTTP 400): INVALID_ARGUMENT: Request contains an invalid argument. (summary: Summary is too long (maximum 1500 characters))',
      networkSaid:
        'INVALID_ARGUMENT: Request contains an invalid argument. (summary: Summary is too long (maximum 1500 characters))',
    });
  });

  it('reads a post’s views on Search and button clicks', async () => {
    const { connected } = await connectShop();
    const pub = publication('Measured');
    await provider().publish(sessionOf(connected), pub);
    const name = pub.out[0]?.remoteId ?? '';
    google.insights.set(name, { views: 310, actions: 14 });
    expect(await provider().metrics(sessionOf(connected), name)).toEqual({
      ok: true,
      value: { impressions: 310, reach: null, clicks: 14, likes: 0, comments: 0, shares: 0 },
    });
  });

  it('reads new reviews oldest first after the cursor, and answers one', async () => {
    const { high, connected } = await connectShop();
    if (!high) throw new Error('no location');
    const t0 = Date.parse('2031-03-01T09:00:00.000Z');
    const first = google.addReview(high, {
      by: 'Homer',
      stars: 'FIVE',
      comment: 'Best donuts',
      at: new Date(t0),
    });
    const second = google.addReview(high, {
      by: 'Someone',
      stars: 'TWO',
      at: new Date(t0 + 60_000),
      anonymous: true,
    });
    google.pageSize = 1;
    const read = await provider().mentions(sessionOf(connected), null);
    google.pageSize = 100;
    expect(read).toEqual({
      ok: true,
      value: {
        mentions: [
          {
            remoteId: first.name,
            inReplyTo: null,
            author: { remoteId: 'google-reviewer:Homer', name: 'Homer', handle: 'Homer' },
            text: '★★★★★ Best donuts',
            url: null,
            sentAt: first.createTime,
          },
          expect.objectContaining({
            remoteId: second.name,
            text: '★★☆☆☆',
            author: expect.objectContaining({ name: 'A Google user' }),
          }),
        ],
        cursor: second.createTime,
      },
    });
    const again = await provider().mentions(sessionOf(connected), second.createTime);
    expect(again).toEqual({ ok: true, value: { mentions: [], cursor: second.createTime } });

    const reply = {
      inReplyTo: first.name,
      text: 'Thank you, Homer!',
      idempotencyKey: 'k1',
      writtenAt: '2031-03-02T10:00:00.000Z',
    };
    expect(await provider().reply(sessionOf(connected), reply)).toEqual({
      ok: true,
      value: { position: 0, remoteId: `${first.name}/reply`, url: null },
    });
    // Sent twice (a lost answer): still one answer.
    await provider().reply(sessionOf(connected), reply);
    expect(google.reviews.get(first.name)?.reviewReply?.comment).toBe('Thank you, Homer!');
    const foreign = await provider().reply(sessionOf(connected), {
      ...reply,
      inReplyTo: 'accounts/1/locations/2/reviews/x',
    });
    expect(foreign.ok ? null : foreign.failure.kind).toBe('rejected');
  });

  it('maps Google’s errors, and renews the hour-long token keeping the refresh token', async () => {
    const { connected } = await connectShop();
    const session = sessionOf(connected);
    google.inject({
      method: 'POST',
      path: /localPosts$/,
      status: 429,
      body: {
        error: {
          code: 429,
          message:
            "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'mybusiness.googleapis.com'.",
          status: 'RESOURCE_EXHAUSTED',
        },
      },
      headers: { 'retry-after': '30' },
    });
    const limited = await provider().publish(session, publication('Hi'));
    expect(limited.ok ? null : limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      message: expect.stringContaining('RESOURCE_EXHAUSTED: Quota exceeded'),
    });
    expect(limited.ok ? null : limited.failure.retryAt).not.toBeNull();
    google.inject({ method: 'POST', path: /localPosts$/, status: 503 });
    const down = await provider().publish(session, publication('Hi'));
    expect(down.ok ? null : down.failure).toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('UNAVAILABLE'),
    });

    google.expire(connected.accessToken);
    const expired = await provider().mentions({ ...session, tokenExpiresAt: null }, null);
    expect(expired.ok ? null : expired.failure).toMatchObject({
      kind: 'auth_expired',
      statusCode: 401,
      message: expect.stringContaining('UNAUTHENTICATED: Request had invalid authentication credentials'),
    });

    const stored: NetworkSession[] = [];
    const renewed = await provider().mentions(
      { ...sessionOf(connected, stored), tokenExpiresAt: new Date(Date.now() + 1000).toISOString() },
      null,
    );
    expect(renewed.ok).toBe(true);
    // Google issues no new refresh token on renewal: the one stored stays.
    expect(stored[0]).toMatchObject({
      refreshToken: connected.refreshToken,
      accessToken: expect.not.stringMatching(connected.accessToken),
    });
    const tokenForm = new URLSearchParams(google.seen('POST', '/token').at(-1)?.raw.toString());
    expect(Object.fromEntries(tokenForm)).toMatchObject({
      grant_type: 'refresh_token',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
  });
});
