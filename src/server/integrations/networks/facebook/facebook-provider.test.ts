import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_APP,
  FakeMetaServer,
  graphError,
} from '../../../../../test/support/networks/meta/fake-meta-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { createFacebookProvider, FACEBOOK_SCOPES } from './facebook-provider.js';

// The provider over HTTP against the fake Graph API (test/support/networks/meta/): the Login flow's
// last steps (Pages as targets, the Page token stored), publishing, results, comments and answers.

describe('Facebook Pages provider', () => {
  let meta: FakeMetaServer;
  beforeAll(async () => {
    meta = await FakeMetaServer.start();
  });
  afterAll(async () => {
    await meta.close();
  });

  const provider = () =>
    createFacebookProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => meta.now(),
      baseUrl: meta.url,
    });

  /** A person who manages two Pages signs in; the code exchange is the OAuth service's, so it is skipped. */
  const signIn = () => {
    const { user, pages } = meta.addFacebookUser('Ana Baker', [
      { name: 'The Bakery', username: 'thebakery' },
      { name: 'The Café', username: 'thecafe' },
    ]);
    const tokens = {
      access_token: meta.userToken(user, FACEBOOK_SCOPES),
      refresh_token: null,
      expires_in: 7200,
      scopes: FACEBOOK_SCOPES,
    };
    return { user, pages, tokens };
  };
  const connect = async () => {
    const { pages, tokens } = signIn();
    const page = pages[0];
    if (!page) throw new Error('no page');
    const connected = await provider().connect({ ...tokens, target_id: page.id, client: FAKE_APP });
    if (!connected.ok) throw new Error(connected.failure.message);
    return { page, connected: connected.value };
  };
  const sessionOf = (connected: ConnectedAccount): NetworkSession => ({
    baseUrl: connected.baseUrl,
    accessToken: connected.accessToken,
    refreshToken: connected.refreshToken,
    tokenExpiresAt: connected.tokenExpiresAt,
    remoteAccountId: connected.remoteAccountId,
    handle: connected.handle,
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
  const jpeg = (alt: string): NetworkMedia => ({
    kind: 'image',
    fileName: 'loaf.jpg',
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]),
    description: alt,
    width: 1280,
    height: 853,
  });

  it('describes Facebook Login with least scopes, comma-separated', () => {
    expect(provider().oauth).toEqual({
      authorizeUrl: `${meta.url}/v21.0/dialog/oauth`,
      tokenUrl: `${meta.url}/v21.0/oauth/access_token`,
      scopes: FACEBOOK_SCOPES,
      scopeSeparator: ',',
      pkce: false,
      clientAuth: 'body',
    });
    expect(createFacebookProvider({ fetch, timeoutMs: 1, now: () => new Date() }).oauth?.authorizeUrl).toBe(
      'https://www.facebook.com/v21.0/dialog/oauth',
    );
  });

  it('lists the Pages a login manages and stores the picked Page’s never-expiring token', async () => {
    const { pages, tokens } = signIn();
    const targets = await provider().targets?.(tokens);
    expect(targets).toEqual({
      ok: true,
      value: pages.map((page) => ({
        id: page.id,
        name: page.name,
        avatarUrl: expect.stringMatching(/^https:/),
      })),
    });
    const second = pages[1];
    if (!second) throw new Error('no page');
    const connected = await provider().connect({ ...tokens, target_id: second.id, client: FAKE_APP });
    expect(connected).toMatchObject({
      ok: true,
      value: {
        baseUrl: '',
        remoteAccountId: second.id,
        displayName: 'The Café',
        handle: '@thecafe',
        profileUrl: 'https://www.facebook.com/thecafe',
        tokenExpiresAt: null,
        refreshToken: null,
        scopes: FACEBOOK_SCOPES,
      },
    });
    // The user token was traded for a long-lived one first, so the Page token it listed never expires.
    const grant = meta.tokenGrant(connected.ok ? connected.value.accessToken : '');
    expect(grant).toMatchObject({ kind: 'page', subject: second.id, expiresAt: null });
    expect(meta.requests.some((request) => request.params.grant_type === 'fb_exchange_token')).toBe(true);

    // Without the app at hand the short-lived token is kept, with its expiry.
    const short = await provider().connect({ ...tokens, target_id: second.id });
    expect(short.ok && Date.parse(short.value.tokenExpiresAt ?? '') - meta.now().getTime()).toBeGreaterThan(
      7_000_000,
    );

    const stranger = await provider().connect({ ...tokens, target_id: '999' });
    expect(stranger.ok ? null : stranger.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('does not manage that Page'),
    });
  });

  it('posts text with its link to the feed, then the first comment, and finds the post after a lost answer', async () => {
    const { page, connected } = await connect();
    const session = sessionOf(connected);
    const text = 'Fresh rye today https://bakery.example/rye.';
    meta.inject({ method: 'POST', path: `/v21.0/${page.id}/feed`, status: 500, afterHandling: true });
    const first = publication([text], { firstComment: 'Order ahead: 555-0100' });
    const lost = await provider().publish(session, first);
    expect(lost.ok ? null : lost.failure.kind).toBe('retryable');
    expect(first.out).toEqual([]);

    const retry = publication([text], { firstComment: 'Order ahead: 555-0100', dueAt: first.dueAt });
    const result = await provider().publish(session, retry);
    if (!result.ok) throw new Error(result.failure.message);
    const posts = meta.postsOf(page.id);
    expect(posts.map((post) => [post.text, post.link])).toEqual([[text, 'https://bakery.example/rye']]);
    const post = posts[0];
    expect(result.value).toEqual([
      {
        position: 0,
        remoteId: post?.id,
        url: `https://www.facebook.com/${page.id}/posts/${post?.id.split('_')[1]}`,
      },
      { position: 1, remoteId: expect.any(String), url: null },
    ]);
    expect(retry.out).toEqual(result.value);
    expect(
      [...meta.comments.values()].filter((c) => c.objectId === post?.id).map((c) => [c.message, c.from.id]),
    ).toEqual([['Order ahead: 555-0100', page.id]]);

    // A third attempt with everything stored sends nothing.
    const before = meta.requests.length;
    const again = await provider().publish(
      session,
      publication([text], { firstComment: 'Order ahead: 555-0100', published: result.value }),
    );
    expect(again).toEqual({ ok: true, value: result.value });
    expect(meta.requests.length).toBe(before);
  });

  it('finds a first comment whose answer was lost instead of commenting twice', async () => {
    const { connected } = await connect();
    const session = sessionOf(connected);
    meta.inject({ method: 'POST', path: /\/comments$/, status: 502, afterHandling: true });
    const first = publication(['With a note'], { firstComment: 'The note' });
    const lost = await provider().publish(session, first);
    expect(lost.ok ? null : lost.failure.kind).toBe('retryable');
    expect(first.out.map((part) => part.position)).toEqual([0]);
    const retry = await provider().publish(
      session,
      publication(['With a note'], { firstComment: 'The note', published: first.out }),
    );
    if (!retry.ok) throw new Error(retry.failure.message);
    const postId = first.out[0]?.remoteId;
    const comments = [...meta.comments.values()].filter((comment) => comment.objectId === postId);
    expect(comments.map((comment) => comment.message)).toEqual(['The note']);
    expect(retry.value.map((part) => part.remoteId)).toEqual([postId, comments[0]?.id]);
  });

  it('uploads photos unpublished with their alt text and attaches them to one post', async () => {
    const { page, connected } = await connect();
    const result = await provider().publish(
      sessionOf(connected),
      publication(['Two loaves'], { media: async () => [jpeg('A rye loaf'), jpeg('A wheat loaf')] }),
    );
    if (!result.ok) throw new Error(result.failure.message);
    const photos = [...meta.objects.values()].filter(
      (object) => object.kind === 'fb_photo' && object.owner === page.id,
    );
    expect(photos.map((photo) => [photo.published, photo.altTexts])).toEqual([
      [false, ['A rye loaf']],
      [false, ['A wheat loaf']],
    ]);
    const [post] = meta.postsOf(page.id).filter((object) => object.kind === 'fb_post');
    expect(post?.media).toEqual(photos.map((photo) => photo.id));
    expect(post?.link).toBeNull();
  });

  it('maps Graph errors: an expired token, a rate limit with its usage header, a refusal in Graph’s words', async () => {
    const { page, connected } = await connect();
    const session = sessionOf(connected);
    meta.inject(FakeMetaServer.rateLimit(`/v21.0/${page.id}/feed`, 15));
    const limited = await provider().publish(session, publication(['Hello']));
    expect(limited.ok ? null : limited.failure).toMatchObject({ kind: 'retryable', statusCode: 400 });
    const retryAt = limited.ok ? null : limited.failure.retryAt;
    expect((retryAt?.getTime() ?? 0) - meta.now().getTime()).toBeGreaterThan(14 * 60_000);
    expect((retryAt?.getTime() ?? 0) - meta.now().getTime()).toBeLessThanOrEqual(15 * 60_000 + 1000);

    const empty = await provider().publish(session, publication(['   ']));
    expect(empty.ok ? null : empty.failure).toEqual({
      kind: 'rejected',
      message:
        'Facebook refused it (code 100): (#100) Invalid parameter — Your post is empty: add text, a link or a photo.',
      statusCode: 400,
      retryAt: null,
    });

    meta.revoke(session.accessToken);
    const expired = await provider().publish(session, publication(['Hello again']));
    expect(expired.ok ? null : expired.failure).toMatchObject({
      kind: 'auth_expired',
      message:
        'Facebook refused the token (code 190): Invalid OAuth access token - Cannot parse access token',
    });
    expect(meta.postsOf(page.id)).toEqual([]);
  });

  it('reads a post’s insights and counts', async () => {
    const { connected } = await connect();
    const session = sessionOf(connected);
    const posted = await provider().publish(session, publication(['Counted']));
    const id = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
    meta.setInsights(id, {
      post_impressions: 1200,
      post_impressions_unique: 800,
      post_clicks: 31,
      reactions: 42,
      shares: 5,
    });
    meta.commentOn(id, { id: '5550001', name: 'Jo' }, 'Yum');
    expect(await provider().metrics(session, id)).toEqual({
      ok: true,
      value: { impressions: 1200, reach: 800, clicks: 31, likes: 42, comments: 1, shares: 5 },
    });
  });

  it('reads comments on recent posts, oldest first, without the Page’s own, and answers one', async () => {
    const { page, connected } = await connect();
    const session = sessionOf(connected);
    const posted = await provider().publish(
      session,
      publication(['Ask us anything'], { firstComment: 'Our own note' }),
    );
    const postId = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
    const question = meta.commentOn(postId, { id: '5550002', name: 'Jo Client' }, 'Gluten-free?');
    const read = await provider().mentions(session, null);
    if (!read.ok) throw new Error(read.failure.message);
    expect(read.value.mentions).toEqual([
      {
        remoteId: question.id,
        inReplyTo: postId,
        author: { remoteId: '5550002', name: 'Jo Client', handle: 'Jo Client' },
        text: 'Gluten-free?',
        url: expect.stringContaining(question.id),
        sentAt: new Date(question.createdAt).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      },
    ]);
    expect(read.value.cursor).not.toBeNull();

    const answered = await provider().reply(session, {
      inReplyTo: question.id,
      text: 'Yes, on Fridays',
      idempotencyKey: 'reply-1',
      writtenAt: meta.now().toISOString(),
    });
    if (!answered.ok) throw new Error(answered.failure.message);
    const answer = meta.comments.get(answered.value.remoteId);
    expect(answer).toMatchObject({
      parentId: question.id,
      message: 'Yes, on Fridays',
      from: { id: page.id },
    });
    // Sent again (the first answer lost): the answer already there is the one.
    const again = await provider().reply(session, {
      inReplyTo: question.id,
      text: 'Yes, on Fridays',
      idempotencyKey: 'reply-1',
      writtenAt: meta.now().toISOString(),
    });
    expect(again).toEqual(answered);
    expect([...meta.comments.values()].filter((comment) => comment.parentId === question.id)).toHaveLength(1);

    meta.advance(2_000);
    const later = meta.commentOn(postId, { id: '5550003', name: 'Sam' }, 'And Saturdays?', question.id);
    const next = await provider().mentions(session, read.value.cursor);
    if (!next.ok) throw new Error(next.failure.message);
    // The cursor's own second may come again (the ingest keeps one of each); nothing older does.
    expect(next.value.mentions.map((mention) => [mention.remoteId, mention.inReplyTo])).toContainEqual([
      later.id,
      question.id,
    ]);
    expect(next.value.mentions.every((mention) => mention.sentAt >= (read.value.cursor ?? ''))).toBe(true);
  });

  it('treats throttling and outages as retryable and an unknown object as a refusal', async () => {
    const { connected } = await connect();
    const session = sessionOf(connected);
    meta.inject({
      method: 'GET',
      path: /\/insights$/,
      status: 503,
      body: graphError(2, 'Service temporarily unavailable', { is_transient: true }),
      headers: { 'retry-after': '120' },
    });
    const down = await provider().metrics(session, `${session.remoteAccountId}_1`);
    expect(down.ok ? null : down.failure).toMatchObject({ kind: 'retryable', statusCode: 503 });
    expect((down.ok ? 0 : (down.failure.retryAt?.getTime() ?? 0)) - meta.now().getTime()).toBeGreaterThan(
      100_000,
    );
    const unknown = await provider().metrics(session, '424242');
    expect(unknown.ok ? null : unknown.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('(code 100)'),
    });
  });
});
