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
// last steps (Pages as targets, the Page token stored), publishing, results, comments and answers, and
// Messenger conversations read as direct messages and answered privately.

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
  const signIn = (scopes = FACEBOOK_SCOPES) => {
    const { user, pages } = meta.addFacebookUser('Ana Baker', [
      { name: 'The Bakery', username: 'thebakery' },
      { name: 'The Café', username: 'thecafe' },
    ]);
    const tokens = {
      access_token: meta.userToken(user, scopes),
      refresh_token: null,
      expires_in: 7200,
      scopes,
    };
    return { user, pages, tokens };
  };
  const connect = async (scopes = FACEBOOK_SCOPES) => {
    const { pages, tokens } = signIn(scopes);
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

  describe('Messenger direct messages', () => {
    /** Graph's whole-second time of a fake message, as the provider reports it. */
    const isoSecond = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();
    const answer = (inReplyTo: string, text: string) => ({
      inReplyTo,
      text,
      idempotencyKey: `reply:${text}`,
      writtenAt: meta.now().toISOString(),
      direct: true,
    });
    const sentMessages = () =>
      meta.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));

    it('reads the Page’s conversations as direct messages, leaves its own out, and answers the person privately', async () => {
      const { page, connected } = await connect();
      const session = sessionOf(connected);
      const jo = meta.messaging.user('messenger', 'Jo Client');
      const question = meta.messaging.write(page.id, jo, 'Is the cake gluten-free?');
      meta.advance(2_000);
      const own = meta.messaging.writeAsBusiness(page.id, jo, 'Hi Jo, let me check');

      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      expect(read.value.mentions).toEqual([
        {
          remoteId: `dm:${jo.id}:${question.id}`,
          inReplyTo: null,
          author: { remoteId: jo.id, name: 'Jo Client', handle: 'Jo Client' },
          text: 'Is the cake gluten-free?',
          url: null,
          sentAt: isoSecond(question.createdAt),
          visibility: 'direct',
        },
      ]);
      // The Page's own message moves the cursor but is not the customer's.
      expect(read.value.cursor).toBe(isoSecond(own.createdAt));
      expect(read.value.notices).toBeUndefined();
      expect(meta.requests.find((r) => r.path === `/v21.0/${page.id}/conversations`)?.params).toMatchObject({
        platform: 'messenger',
        fields: 'updated_time,messages.limit(20){id,message,from,to,created_time}',
      });

      const sent = await provider().reply(session, answer(`dm:${jo.id}:${question.id}`, 'Yes, it is'));
      if (!sent.ok) throw new Error(sent.failure.message);
      const [reply] = meta.messaging.sentTo(page.id, jo).slice(-1);
      expect(reply).toMatchObject({ text: 'Yes, it is' });
      expect(sent.value).toEqual({ position: 0, remoteId: reply?.id, url: null });
      expect(sentMessages().at(-1)).toMatchObject({
        path: `/v21.0/${page.id}/messages`,
        params: {
          recipient: JSON.stringify({ id: jo.id }),
          message: JSON.stringify({ text: 'Yes, it is' }),
          messaging_type: 'RESPONSE',
        },
      });
      // Nothing in public.
      expect([...meta.comments.values()].some((comment) => comment.message === 'Yes, it is')).toBe(false);

      // Sent again (the first answer lost): the answer already there is the one; nothing more is sent.
      const before = sentMessages().length;
      expect(await provider().reply(session, answer(`dm:${jo.id}:${question.id}`, 'Yes, it is'))).toEqual(
        sent,
      );
      expect(sentMessages()).toHaveLength(before);

      // The next reading starts at the cursor: the new message (and the answer, the Page's own, left out);
      // nothing from before the cursor's second.
      meta.advance(2_000);
      const later = meta.messaging.write(page.id, jo, 'Great, two please');
      const next = await provider().mentions(session, read.value.cursor);
      if (!next.ok) throw new Error(next.failure.message);
      expect(next.value.mentions.map((mention) => mention.remoteId)).toEqual([`dm:${jo.id}:${later.id}`]);
      expect(next.value.cursor).toBe(isoSecond(later.createdAt));
    });

    it('walks the conversation pages back to the cursor, and no further', async () => {
      const { page, connected } = await connect();
      const session = sessionOf(connected);
      const people = Array.from({ length: 30 }, (_, index) =>
        meta.messaging.user('messenger', `Person ${index}`),
      );
      for (const person of people) meta.messaging.write(page.id, person, `Hello from ${person.name}`);
      const lists = () => meta.requests.filter((r) => r.path === `/v21.0/${page.id}/conversations`).length;

      // The first reading takes the most recent page only: no history beyond it.
      const first = await provider().mentions(session, null);
      if (!first.ok) throw new Error(first.failure.message);
      expect(first.value.mentions).toHaveLength(25);
      expect(lists()).toBe(1);

      meta.advance(2_000);
      for (const person of people) meta.messaging.write(page.id, person, `Again from ${person.name}`);
      const all = await provider().mentions(session, first.value.cursor);
      if (!all.ok) throw new Error(all.failure.message);
      expect(all.value.mentions.filter((mention) => mention.text.startsWith('Again'))).toHaveLength(30);
      expect(lists()).toBe(1 + 2);

      // Two people write after it: the first page reaches conversations older than the cursor and stops.
      meta.advance(2_000);
      meta.messaging.write(page.id, people[3] as (typeof people)[number], 'One more thing');
      const one = await provider().mentions(session, all.value.cursor);
      if (!one.ok) throw new Error(one.failure.message);
      meta.advance(2_000);
      meta.messaging.write(page.id, people[7] as (typeof people)[number], 'And another');
      const before = lists();
      const few = await provider().mentions(session, one.value.cursor);
      if (!few.ok) throw new Error(few.failure.message);
      // The cursor's own second comes again (the ingest keeps one of each); nothing older does.
      expect(few.value.mentions.map((mention) => mention.text)).toEqual(['One more thing', 'And another']);
      expect(lists()).toBe(before + 1);
    });

    it('refuses an answer after the 24-hour window before sending anything, and reads Meta’s refusal the same', async () => {
      const { page, connected } = await connect();
      const session = sessionOf(connected);
      const sam = meta.messaging.user('messenger', 'Sam');
      const old = meta.messaging.write(page.id, sam, 'Do you deliver?');
      meta.advance(24 * 3_600_000 + 60_000);
      const before = sentMessages().length;
      const late = await provider().reply(session, answer(`dm:${sam.id}:${old.id}`, 'Yes we do'));
      expect(late).toEqual({
        ok: false,
        failure: {
          kind: 'rejected',
          message:
            "Messenger only allows answers within 24 hours of the customer's last message: this answer was not sent (answer them another way, or when they write again)",
          statusCode: null,
          retryAt: null,
        },
      });
      expect(sentMessages()).toHaveLength(before);
      expect(meta.messaging.sentTo(page.id, sam)).toEqual([]);

      // Meta's own refusal (the window closed between the look and the send) reads the same.
      const fresh = meta.messaging.write(page.id, sam, 'Hello again?');
      meta.inject({
        method: 'POST',
        path: `/v21.0/${page.id}/messages`,
        status: 400,
        body: graphError(10, '(#10) This message is sent outside of allowed window.', {
          error_subcode: 2018278,
        }),
      });
      const refused = await provider().reply(session, answer(`dm:${sam.id}:${fresh.id}`, 'Yes we do'));
      expect(refused.ok ? null : refused.failure).toMatchObject({
        kind: 'rejected',
        message: expect.stringMatching(/^Messenger only allows answers within 24 hours/),
        statusCode: 400,
      });
    });

    it('refuses a text longer than Messenger takes, and never answers a comment privately', async () => {
      const { connected } = await connect();
      const session = sessionOf(connected);
      const before = meta.requests.length;
      const long = await provider().reply(session, answer('dm:123456:m_abc', 'é'.repeat(2001)));
      expect(long.ok ? null : long.failure).toMatchObject({
        kind: 'rejected',
        message: 'Messenger takes messages of up to 2,000 characters; this answer has 2,001: shorten it',
      });
      const comment = await provider().reply(session, answer('112233_445566', 'Hello'));
      expect(comment.ok ? null : comment.failure).toMatchObject({
        kind: 'rejected',
        message: expect.stringContaining('cannot be answered privately'),
      });
      expect(meta.requests.length).toBe(before);
    });

    it('reads comments but no direct messages with a token connected before pages_messaging, saying to reconnect', async () => {
      const older = FACEBOOK_SCOPES.filter(
        (scope) => scope !== 'pages_messaging' && scope !== 'pages_manage_metadata',
      );
      const { page, connected } = await connect(older);
      const session = sessionOf(connected);
      const posted = await provider().publish(session, publication(['Questions welcome']));
      const postId = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
      const comment = meta.commentOn(postId, { id: '5550009', name: 'Kim' }, 'Open late?');
      const kim = meta.messaging.user('messenger', 'Kim');
      const dm = meta.messaging.write(page.id, kim, 'Private question');

      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      expect(read.value.mentions.map((mention) => mention.remoteId)).toEqual([comment.id]);
      expect(read.value.cursor).toBe(isoSecond(comment.createdAt));
      expect(read.value.notices).toEqual([
        expect.stringMatching(
          /^Reconnect the account to read its Messenger direct messages: mcc may not read them yet \(pages_messaging was not granted; Messenger refused it \(code 200\): \(#200\) Requires pages_messaging permission/,
        ),
      ]);

      const refused = await provider().reply(session, answer(`dm:${kim.id}:${dm.id}`, 'Sure'));
      expect(refused.ok ? null : refused.failure).toMatchObject({
        kind: 'rejected',
        message: expect.stringMatching(/^Reconnect the account to answer Messenger direct messages/),
      });
      expect(meta.messaging.sentTo(page.id, kim)).toEqual([]);
    });

    it('fails the reading on a rate limit, an outage or a dead token, so the next one reads the same again', async () => {
      const { page, connected } = await connect();
      const session = sessionOf(connected);
      meta.messaging.write(page.id, meta.messaging.user('messenger', 'Lee'), 'Hi');
      const path = `/v21.0/${page.id}/conversations`;

      meta.inject(FakeMetaServer.appRateLimit(path));
      const limited = await provider().mentions(session, null);
      expect(limited.ok ? null : limited.failure).toMatchObject({
        kind: 'retryable',
        message: expect.stringContaining('Messenger rate-limited us (code 4)'),
      });
      meta.inject(FakeMetaServer.rateLimit(path, 20, 'GET'));
      const throttled = await provider().mentions(session, null);
      const failure = throttled.ok ? null : throttled.failure;
      expect(failure?.kind).toBe('retryable');
      expect((failure?.retryAt?.getTime() ?? 0) - meta.now().getTime()).toBeGreaterThan(19 * 60_000);

      meta.inject({ method: 'GET', path, status: 503 });
      const down = await provider().mentions(session, null);
      expect(down.ok ? null : down.failure).toMatchObject({ kind: 'retryable', statusCode: 503 });

      meta.revoke(session.accessToken);
      const dead = await provider().mentions(session, null);
      expect(dead.ok ? null : dead.failure.kind).toBe('auth_expired');
    });
  });
});
