import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP, FakeMetaServer } from '../../../../../test/support/networks/meta/fake-meta-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { withFreshTokens } from '../fresh-tokens.js';
import type { ConnectedAccount, NetworkPublication, NetworkSession, PublishedPart } from '../provider.js';
import { createThreadsProvider, THREADS_SCOPES } from './threads-provider.js';

// The provider over HTTP against the fake Threads API (test/support/networks/meta/): the code exchange
// through the described OAuth flow, the 60-day token and its renewal, threads as chained replies,
// results, replies and answers.

const DAY = 24 * 3_600_000;

describe('Threads provider', () => {
  let meta: FakeMetaServer;
  beforeAll(async () => {
    meta = await FakeMetaServer.start();
  });
  afterAll(async () => {
    await meta.close();
  });

  // As the registry builds it: wrapped to renew the token before a call when it nears expiry (fresh-tokens.ts).
  const provider = () =>
    withFreshTokens(
      createThreadsProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => meta.now(),
        baseUrl: meta.url,
        wait: async () => {},
      }),
      () => meta.now(),
    );

  const connect = async (username = 'thebakery') => {
    const user = meta.addThreadsUser(username, 'The Bakery');
    const connected = await provider().connect({
      access_token: meta.threadsToken(user, THREADS_SCOPES),
      refresh_token: null,
      expires_in: 3600,
      scopes: THREADS_SCOPES,
      client: FAKE_APP,
    });
    if (!connected.ok) throw new Error(connected.failure.message);
    return { user, connected: connected.value };
  };
  const sessionOf = (connected: ConnectedAccount, stored: NetworkSession[] = []): NetworkSession => ({
    baseUrl: connected.baseUrl,
    accessToken: connected.accessToken,
    refreshToken: connected.refreshToken,
    tokenExpiresAt: connected.tokenExpiresAt,
    remoteAccountId: connected.remoteAccountId,
    handle: connected.handle,
    onRenewed: async (renewed) => {
      stored.push(renewed);
    },
  });
  const publication = (
    parts: string[],
    overrides: Partial<NetworkPublication> = {},
  ): NetworkPublication & { out: PublishedPart[] } => {
    const out: PublishedPart[] = [];
    return {
      parts,
      media: async () => [],
      firstComment: null,
      idempotencyKey: 'item-1@2031-03-03T10:00:00.000Z',
      dueAt: new Date(meta.now().getTime() - 60_000).toISOString(),
      published: [],
      onPublished: async (part) => {
        out.push(part);
      },
      out,
      ...overrides,
    };
  };

  it('goes through its own authorization window and token endpoint, then trades for a 60-day token', async () => {
    const threads = provider();
    const oauth = threads.oauth;
    if (!oauth) throw new Error('no oauth');
    expect(oauth).toEqual({
      authorizeUrl: `${meta.url}/oauth/authorize`,
      tokenUrl: `${meta.url}/oauth/access_token`,
      scopes: THREADS_SCOPES,
      scopeSeparator: ',',
      pkce: false,
      clientAuth: 'body',
      renewal: { withAccessToken: true, aheadMs: 10 * DAY },
    });
    // What the OAuth service does with the spec, by hand: approve, then exchange the code.
    const user = meta.addThreadsUser('dialog.user', 'Dialog User');
    meta.approveAs('threads', user.id);
    const authorize = new URL(oauth.authorizeUrl);
    authorize.search = new URLSearchParams({
      client_id: FAKE_APP.clientId,
      redirect_uri: 'https://mcc.example/oauth/callback',
      scope: oauth.scopes.join(oauth.scopeSeparator),
      response_type: 'code',
      state: 'st4te',
    }).toString();
    const dialog = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(dialog.headers.get('location') ?? '');
    expect(back.searchParams.get('state')).toBe('st4te');
    const exchanged = await fetch(oauth.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        client_id: FAKE_APP.clientId,
        client_secret: FAKE_APP.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: 'https://mcc.example/oauth/callback',
        code: back.searchParams.get('code') ?? '',
      }),
    });
    const body = (await exchanged.json()) as { access_token: string };
    const connected = await threads.connect({
      access_token: body.access_token,
      refresh_token: null,
      expires_in: 3600,
      scopes: THREADS_SCOPES,
      client: FAKE_APP,
    });
    expect(connected).toMatchObject({
      ok: true,
      value: {
        remoteAccountId: user.id,
        handle: '@dialog.user',
        displayName: 'Dialog User',
        profileUrl: 'https://www.threads.net/@dialog.user',
        refreshToken: null,
      },
    });
    const left = connected.ok ? Date.parse(connected.value.tokenExpiresAt ?? '') - meta.now().getTime() : 0;
    expect(left).toBeGreaterThan(59 * DAY);
    expect(meta.tokenGrant(connected.ok ? connected.value.accessToken : '')).toMatchObject({
      longLived: true,
    });
  });

  it('renews the token when it nears expiry (and stores it), not before', async () => {
    const { connected } = await connect('renewer');
    const stored: NetworkSession[] = [];
    const session = sessionOf(connected, stored);
    expect(await provider().refresh(session)).toEqual({ ok: true, value: session });
    meta.advance(55 * DAY);
    try {
      const posted = await provider().publish(session, publication(['Still here']));
      expect(posted.ok).toBe(true);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.accessToken).not.toBe(connected.accessToken);
      expect(Date.parse(stored[0]?.tokenExpiresAt ?? '') - meta.now().getTime()).toBeGreaterThan(59 * DAY);
    } finally {
      meta.advance(-55 * DAY);
    }
  });

  it('keeps using a short-lived token Threads will not renew until it expires', async () => {
    const user = meta.addThreadsUser('shortlived');
    const connected = await provider().connect({
      access_token: meta.threadsToken(user, THREADS_SCOPES),
      refresh_token: null,
      expires_in: 3600,
      scopes: THREADS_SCOPES,
    });
    if (!connected.ok) throw new Error(connected.failure.message);
    expect(Date.parse(connected.value.tokenExpiresAt ?? '') - meta.now().getTime()).toBeLessThanOrEqual(
      3_600_000,
    );
    const stored: NetworkSession[] = [];
    const session = sessionOf(connected.value, stored);
    expect((await provider().publish(session, publication(['Short and sweet']))).ok).toBe(true);
    expect(stored).toEqual([]);
    meta.advance(2 * 3_600_000);
    try {
      const expired = await provider().publish(session, publication(['Too late']));
      expect(expired.ok ? null : expired.failure).toMatchObject({
        kind: 'auth_expired',
        message: expect.stringContaining('Session has expired'),
      });
    } finally {
      meta.advance(-2 * 3_600_000);
    }
  });

  it('publishes a thread as chained replies with the first comment on the first post, and resumes without reposting', async () => {
    const { user, connected } = await connect('threader');
    const session = sessionOf(connected);
    meta.inject({
      method: 'POST',
      path: `/v1.0/${user.id}/threads_publish`,
      status: 500,
      afterHandling: true,
    });
    const first = publication(['One', 'Two', 'Three'], { firstComment: 'Menu: bakery.example' });
    const broken = await provider().publish(session, first);
    expect(broken.ok ? null : broken.failure.kind).toBe('retryable');
    expect(first.out).toEqual([]);

    const retry = publication(['One', 'Two', 'Three'], {
      firstComment: 'Menu: bakery.example',
      dueAt: first.dueAt,
    });
    const result = await provider().publish(session, retry);
    if (!result.ok) throw new Error(result.failure.message);
    const posts = meta.postsOf(user.id);
    expect(posts.map((post) => post.text)).toEqual(['One', 'Two', 'Three', 'Menu: bakery.example']);
    const [one, two, three, comment] = posts;
    expect([one?.replyTo, two?.replyTo, three?.replyTo, comment?.replyTo]).toEqual([
      null,
      one?.id,
      two?.id,
      one?.id,
    ]);
    expect(result.value.map((part) => [part.position, part.remoteId])).toEqual(
      posts.map((post, index) => [index, post.id]),
    );
    expect(result.value[0]?.url).toMatch(/^https:\/\/www\.threads\.net\/@threader\/post\//);
  });

  it('sends images as IMAGE and CAROUSEL containers with alt text, refusing files without a public address', async () => {
    const { user, connected } = await connect('pictures');
    const image = (name: string, url?: string) => ({
      kind: 'image' as const,
      fileName: `${name}.jpg`,
      mimeType: 'image/jpeg',
      bytes: Buffer.from([1]),
      description: `A ${name}`,
      width: 1080,
      height: 1080,
      ...(url ? { url } : {}),
    });
    const single = await provider().publish(
      sessionOf(connected),
      publication(['One picture'], { media: async () => [image('rye', 'https://mcc.example/rye.jpg')] }),
    );
    expect(single.ok).toBe(true);
    const many = await provider().publish(
      sessionOf(connected),
      publication(['Two pictures'], {
        media: async () => [
          image('rye', 'https://mcc.example/rye.jpg'),
          image('spelt', 'https://mcc.example/spelt.jpg'),
        ],
      }),
    );
    expect(many.ok).toBe(true);
    expect(meta.postsOf(user.id).map((post) => [post.text, post.media, post.altTexts])).toEqual([
      ['One picture', ['https://mcc.example/rye.jpg'], ['A rye']],
      [
        'Two pictures',
        ['https://mcc.example/rye.jpg', 'https://mcc.example/spelt.jpg'],
        ['A rye', 'A spelt'],
      ],
    ]);
    const local = await provider().publish(
      sessionOf(connected),
      publication(['No address'], { media: async () => [image('x')] }),
    );
    expect(local.ok ? null : local.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('PUBLIC_URL'),
    });
  });

  it('reads insights and replies to recent posts, and answers a reply', async () => {
    const { connected } = await connect('talker');
    const session = sessionOf(connected);
    const posted = await provider().publish(session, publication(['What should we bake?']));
    const postId = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
    meta.setInsights(postId, { views: 300, likes: 12, reposts: 2, quotes: 1 });
    const answer = meta.threadsReply('jo.client', postId, 'Cinnamon rolls!');
    expect(await provider().metrics(session, postId)).toEqual({
      ok: true,
      value: { impressions: 300, reach: null, likes: 12, comments: 1, shares: 3, clicks: null },
    });
    const read = await provider().mentions(session, null);
    expect(read.ok && read.value.mentions).toEqual([
      {
        remoteId: answer.id,
        inReplyTo: postId,
        author: { remoteId: 'jo.client', name: null, handle: '@jo.client' },
        text: 'Cinnamon rolls!',
        url: expect.stringContaining('/@jo.client/post/'),
        sentAt: expect.any(String),
      },
    ]);
    const replied = await provider().reply(session, {
      inReplyTo: answer.id,
      text: 'Noted!',
      idempotencyKey: 'r1',
      writtenAt: meta.now().toISOString(),
    });
    if (!replied.ok) throw new Error(replied.failure.message);
    expect(meta.objects.get(replied.value.remoteId)).toMatchObject({ text: 'Noted!', replyTo: answer.id });
    const writtenAt = new Date(meta.now().getTime() - 5_000).toISOString();
    const again = await provider().reply(session, {
      inReplyTo: answer.id,
      text: 'Noted!',
      idempotencyKey: 'r1',
      writtenAt,
    });
    expect(again).toEqual(replied);
    expect(
      [...meta.objects.values()].filter((post) => post.replyTo === answer.id && post.text === 'Noted!'),
    ).toHaveLength(1);
  });

  it('maps a revoked token, an over-long text and a rate limit', async () => {
    const { user, connected } = await connect('errors');
    const session = sessionOf(connected);
    const long = await provider().publish(session, publication(['x'.repeat(501)]));
    expect(long.ok ? null : long.failure).toEqual({
      kind: 'rejected',
      message: 'Threads refused it (code 100): Param text must be at most 500 characters long.',
      statusCode: 400,
      retryAt: null,
    });
    meta.inject(FakeMetaServer.rateLimit(`/v1.0/${user.id}/threads`, 5));
    const limited = await provider().publish(session, publication(['Hi']));
    expect(limited.ok ? null : limited.failure.kind).toBe('retryable');
    meta.revoke(session.accessToken);
    const revoked = await provider().mentions(session, null);
    expect(revoked.ok ? null : revoked.failure.kind).toBe('auth_expired');
  });
});
