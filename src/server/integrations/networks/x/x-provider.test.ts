import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { videoFile } from '../../../../../test/support/networks/publication.js';
import { FakeXServer, type FakeXUser } from '../../../../../test/support/networks/x/fake-x-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import { withFreshTokens } from '../fresh-tokens.js';
import { exchangeCode } from '../oauth-token.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { createXProvider } from './x-provider.js';

// The provider over HTTP against the fake X (test/support/networks/x/), without the app around it: what it
// sends, what it makes of X's answers and errors, and how an expiring token is renewed before a call.

const CLIENT = { clientId: 'mcc-client', clientSecret: 'mcc-secret' };

describe('X provider', () => {
  let x: FakeXServer;
  let shop: FakeXUser;
  const http = () => ({
    fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
    timeoutMs: 5_000,
    now: () => x.now(),
  });
  const provider = () => withFreshTokens(createXProvider({ ...http(), apiBaseUrl: x.url }), () => x.now());

  beforeEach(async () => {
    x = await FakeXServer.start();
    x.registerApp(CLIENT.clientId, CLIENT.clientSecret);
    shop = x.addUser('bakery', 'The Bakery');
  });
  afterEach(async () => {
    await x.close();
  });

  const connect = async (scopes?: string[]): Promise<ConnectedAccount> => {
    const issued = x.issueTokens(shop, CLIENT.clientId, scopes);
    const connected = await provider().connect({
      access_token: issued.access_token,
      refresh_token: issued.refresh_token ?? null,
      expires_in: issued.expires_in,
      scopes: issued.scope.split(' '),
    });
    if (!connected.ok) throw new Error(connected.failure.message);
    return connected.value;
  };
  const sessionOf = (connected: ConnectedAccount, stored: NetworkSession[] = []): NetworkSession => {
    const session: NetworkSession = {
      ...connected,
      oauthClient: CLIENT,
      onRenewed: async (renewed) => {
        stored.push(renewed);
        Object.assign(session, {
          accessToken: renewed.accessToken,
          refreshToken: renewed.refreshToken,
          tokenExpiresAt: renewed.tokenExpiresAt,
        });
      },
    };
    return session;
  };
  const publication = (parts: string[], published: PublishedPart[] = [], media: NetworkMedia[] = []) => {
    const out: PublishedPart[] = [];
    const value: NetworkPublication = {
      parts,
      media: async () => media,
      firstComment: null,
      idempotencyKey: 'item@2026-12-01T10:00:00.000Z',
      dueAt: '2026-12-01T10:00:00.000Z',
      published,
      onPublished: async (part) => {
        out.push(part);
      },
    };
    return { value, out };
  };
  const image = (description: string): NetworkMedia => ({
    kind: 'image',
    fileName: 'loaf.png',
    mimeType: 'image/png',
    bytes: Buffer.from('89504e470d0a1a0a', 'hex'),
    description,
    width: 48,
    height: 32,
  });

  it('exchanges a PKCE code at the token endpoint and opens the account the token belongs to', async () => {
    const spec = createXProvider({ ...http(), apiBaseUrl: x.url }).oauth;
    if (!spec) throw new Error('X is an OAuth network');
    expect(spec).toMatchObject({
      pkce: true,
      scopes: expect.arrayContaining(['tweet.write', 'offline.access']),
    });
    x.approver = shop;
    const verifier = 'v'.repeat(64);
    const { createHash } = await import('node:crypto');
    const authorize = new URL(spec.authorizeUrl);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT.clientId,
      redirect_uri: 'https://mcc.example/api/oauth/x/callback',
      scope: spec.scopes.join(' '),
      state: 'abc',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    const consent = await fetch(authorize, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location') ?? '');
    const code = back.searchParams.get('code') ?? '';
    expect(back.searchParams.get('state')).toBe('abc');

    const wrong = await exchangeCode(http(), 'X', spec, CLIENT, {
      code,
      redirectUri: 'https://mcc.example/api/oauth/x/callback',
      codeVerifier: 'w'.repeat(64),
    });
    expect(wrong).toMatchObject({ ok: false, failure: { kind: 'rejected', statusCode: 400 } });
    expect(!wrong.ok && wrong.failure.message).toContain(
      'Value passed for the authorization code was invalid.',
    );

    // The code was spent by the failed try (X's codes are single-use): a fresh consent gives another.
    const again = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location') ?? '');
    const tokens = await exchangeCode(http(), 'X', spec, CLIENT, {
      code: again.searchParams.get('code') ?? '',
      redirectUri: 'https://mcc.example/api/oauth/x/callback',
      codeVerifier: verifier,
    });
    if (!tokens.ok) throw new Error(tokens.failure.message);
    expect(x.requests.at(-1)?.authorization).toMatch(/^Basic /);
    expect(tokens.value).toMatchObject({ expires_in: 7200, scopes: spec.scopes });
    const connected = await provider().connect(tokens.value);
    expect(connected).toMatchObject({
      ok: true,
      value: {
        remoteAccountId: shop.id,
        handle: '@bakery',
        displayName: 'The Bakery',
        profileUrl: 'https://x.com/bakery',
        tokenExpiresAt: new Date(x.now().getTime() + 7_200_000).toISOString(),
      },
    });
  });

  it('refuses a token X does not know as auth_expired', async () => {
    const connected = await provider().connect({
      access_token: 'nope',
      refresh_token: null,
      expires_in: null,
      scopes: [],
    });
    expect(connected).toMatchObject({ ok: false, failure: { kind: 'auth_expired', statusCode: 401 } });
  });

  it('publishes a thread with images and alt text, each part answering the one before, and never resends a part', async () => {
    const account = await connect();
    x.inject({ method: 'POST', path: '/2/tweets', status: 503, body: { title: 'Service Unavailable' } });
    const first = publication(
      ['Fresh loaves', 'Rye at 8', 'Spelt at 9'],
      [],
      [image('Two loaves'), image('')],
    );
    // The first part fails before anything is out: retryable, nothing stored.
    const failed = await provider().publish(sessionOf(account), first.value);
    expect(failed).toMatchObject({ ok: false, failure: { kind: 'retryable', statusCode: 503 } });
    expect(first.out).toEqual([]);

    const third = publication(
      ['Fresh loaves', 'Rye at 8', 'Spelt at 9'],
      [],
      [image('Two loaves'), image('')],
    );
    const done = await provider().publish(sessionOf(account), third.value);
    if (!done.ok) throw new Error(done.failure.message);
    expect(done.value.map((part) => part.position)).toEqual([0, 1, 2]);
    const [head, rye, spelt] = done.value.map((part) => x.tweets.get(part.remoteId));
    expect(head?.mediaIds).toHaveLength(2);
    expect(head?.mediaIds.map((id) => x.media.get(id)?.altText)).toEqual(['Two loaves', null]);
    expect(rye?.inReplyTo).toBe(head?.id);
    expect(spelt?.inReplyTo).toBe(rye?.id);
    expect(done.value[0]?.url).toBe(`https://x.com/bakery/status/${head?.id}`);

    // A retry after the second part went out sends only the third.
    const before = x.tweets.size;
    const retry = publication(['Fresh loaves', 'Rye at 8', 'Spelt at 9 (retry)'], done.value.slice(0, 2));
    const retried = await provider().publish(sessionOf(account), retry.value);
    expect(retried.ok).toBe(true);
    expect(x.tweets.size).toBe(before + 1);
    expect(retry.out.map((part) => part.position)).toEqual([2]);
  });

  it('maps X’s errors: 429 until x-rate-limit-reset, 403 duplicate content, 400 problem detail, a video with images refused', async () => {
    const session = sessionOf(await connect());
    x.rateLimit('POST', '/2/tweets');
    const limited = await provider().publish(session, publication(['Hello']).value);
    expect(limited).toMatchObject({
      ok: false,
      failure: {
        kind: 'retryable',
        statusCode: 429,
        retryAt: new Date(Math.floor(x.now().getTime() / 1000) * 1000 + 60_000),
      },
    });
    expect(await provider().publish(session, publication(['Hello']).value)).toMatchObject({ ok: true });
    const duplicate = await provider().publish(session, publication(['Hello']).value);
    expect(duplicate).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', statusCode: 403, message: expect.stringContaining('duplicate content') },
    });
    const empty = await provider().publish(session, publication(['']).value);
    expect(empty).toMatchObject({
      ok: false,
      failure: {
        kind: 'rejected',
        statusCode: 400,
        message: expect.stringContaining('Tweet text is empty.'),
      },
    });
    const video = await provider().publish(
      session,
      publication(['Clip'], [], [videoFile(Buffer.alloc(10)), image('')]).value,
    );
    expect(video).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', message: expect.stringContaining('one video alone') },
    });
    expect(x.requests.some((request) => request.path.startsWith('/2/media/upload/'))).toBe(false);
  });

  describe('video', () => {
    const waits: number[] = [];
    // X's check_after_secs is honoured on the fake's clock: no real time passes in these tests.
    const videoProvider = () =>
      withFreshTokens(
        createXProvider({
          ...http(),
          apiBaseUrl: x.url,
          segmentBytes: 1024,
          wait: async (ms) => {
            waits.push(ms);
            x.clockMs += ms;
          },
        }),
        () => x.now(),
      );
    beforeEach(() => {
      waits.length = 0;
    });
    const clip = Buffer.from(Array.from({ length: 2500 }, (_, index) => index % 251));

    it('uploads in segments read one at a time, waits out processing as X says, and posts the media id', async () => {
      const session = sessionOf(await connect());
      const video = videoFile(clip);
      const done = await videoProvider().publish(
        session,
        publication(['Our oven at work'], [], [video]).value,
      );
      if (!done.ok) throw new Error(done.failure.message);
      const tweet = x.tweets.get(done.value[0]?.remoteId ?? '');
      const mediaId = tweet?.mediaIds[0] ?? '';
      expect(x.media.get(mediaId)).toMatchObject({
        category: 'tweet_video',
        mimeType: 'video/mp4',
        size: 2500,
      });
      expect(x.videoBytes(mediaId)?.equals(clip)).toBe(true);
      // Three segments of at most 1,024 bytes, each read from storage on its own.
      expect(video.reads).toEqual([
        { start: 0, end: 1023 },
        { start: 1024, end: 2047 },
        { start: 2048, end: 2499 },
      ]);
      const paths = x.requests.map((request) => `${request.method} ${request.path}`);
      expect(paths.filter((path) => path.includes('/2/media/upload'))).toEqual([
        'POST /2/media/upload/initialize',
        `POST /2/media/upload/${mediaId}/append`,
        `POST /2/media/upload/${mediaId}/append`,
        `POST /2/media/upload/${mediaId}/append`,
        `POST /2/media/upload/${mediaId}/finalize`,
        'GET /2/media/upload',
        'GET /2/media/upload',
      ]);
      expect(x.requests.find((request) => request.path === '/2/media/upload/initialize')?.json).toEqual({
        media_type: 'video/mp4',
        total_bytes: 2500,
        media_category: 'tweet_video',
      });
      // pending (check after 1 s), in progress (after 3 s), succeeded.
      expect(waits).toEqual([1000, 3000]);
    });

    it('refuses a video X failed to process, and retries on a 429 or a 503 mid-upload', async () => {
      const session = sessionOf(await connect());
      x.videoProcessing = [
        { state: 'in_progress', check_after_secs: 5, progress_percent: 10 },
        {
          state: 'failed',
          progress_percent: 10,
          error: { code: 1, name: 'InvalidMedia', message: 'Unsupported video format' },
        },
      ];
      const failed = await videoProvider().publish(
        session,
        publication(['Clip'], [], [videoFile(clip)]).value,
      );
      expect(failed).toMatchObject({
        ok: false,
        failure: { kind: 'rejected', message: 'X could not process the video: Unsupported video format' },
      });
      expect(x.tweets.size).toBe(0);

      x.rateLimit('POST', /^\/2\/media\/upload\/\d+\/append$/);
      const limited = await videoProvider().publish(
        session,
        publication(['Clip'], [], [videoFile(clip)]).value,
      );
      expect(limited).toMatchObject({
        ok: false,
        failure: {
          kind: 'retryable',
          statusCode: 429,
          retryAt: new Date(Math.floor(x.now().getTime() / 1000) * 1000 + 60_000),
        },
      });
      x.inject({ method: 'POST', path: /\/finalize$/, status: 503, body: { title: 'Service Unavailable' } });
      const unavailable = await videoProvider().publish(
        session,
        publication(['Clip'], [], [videoFile(clip)]).value,
      );
      expect(unavailable).toMatchObject({ ok: false, failure: { kind: 'retryable', statusCode: 503 } });
    });

    it('gives up for this attempt, retryable, when processing outlasts the budget', async () => {
      const session = sessionOf(await connect());
      x.videoProcessing = [{ state: 'in_progress', check_after_secs: 60 }];
      const slow = await withFreshTokens(
        createXProvider({
          ...http(),
          apiBaseUrl: x.url,
          budgetMs: 180_000,
          wait: async (ms) => {
            waits.push(ms);
            x.clockMs += ms;
          },
        }),
        () => x.now(),
      ).publish(session, publication(['Clip'], [], [videoFile(clip)]).value);
      expect(slow).toMatchObject({
        ok: false,
        failure: { kind: 'retryable', message: expect.stringContaining('still processing') },
      });
      expect(waits).toEqual([60_000, 60_000, 60_000]);
    });
  });

  it('reads a post’s public metrics, and mentions after a cursor, oldest first, with replies to ours', async () => {
    const session = sessionOf(await connect());
    const out = await provider().publish(session, publication(['Sourdough Friday']).value);
    if (!out.ok) throw new Error(out.failure.message);
    const postId = out.value[0]?.remoteId ?? '';
    const tweet = x.tweets.get(postId);
    if (!tweet) throw new Error('not stored');
    Object.assign(tweet.metrics, { like_count: 7, retweet_count: 2, quote_count: 1, impression_count: 340 });
    const fan = x.addUser('crumbs', 'Crumb Fan');
    x.mention(fan, shop, 'Gluten-free?', postId);
    const read = await provider().metrics(session, postId);
    expect(read).toEqual({
      ok: true,
      value: { impressions: 340, reach: null, clicks: null, likes: 7, comments: 1, shares: 3 },
    });
    expect(await provider().metrics(session, '1')).toMatchObject({
      ok: false,
      failure: { kind: 'rejected' },
    });

    const first = await provider().mentions(session, null);
    if (!first.ok) throw new Error(first.failure.message);
    expect(first.value.mentions).toMatchObject([
      { inReplyTo: postId, author: { handle: '@crumbs', name: 'Crumb Fan' }, text: '@bakery Gluten-free?' },
    ]);
    const later = x.mention(fan, shop, 'And tomorrow?');
    const second = await provider().mentions(session, first.value.cursor);
    expect(second.ok && second.value.mentions.map((mention) => mention.remoteId)).toEqual([later.id]);

    const answered = await provider().reply(session, {
      inReplyTo: later.id,
      text: '@crumbs Yes, from 8',
      idempotencyKey: 'reply:1',
      writtenAt: x.now().toISOString(),
    });
    expect(answered.ok && x.tweets.get(answered.value.remoteId)?.inReplyTo).toBe(later.id);
  });

  it('renews a token about to expire before a call and stores the new pair; a refused renewal is auth_expired', async () => {
    const account = await connect();
    const stored: NetworkSession[] = [];
    const session = sessionOf(account, stored);
    const spentRefresh = session.refreshToken;
    // Two hours later the token is within the margin (and expired at X).
    x.clockMs += 7_200_000 - 60_000;
    const out = await provider().publish(session, publication(['After the renewal']).value);
    expect(out.ok).toBe(true);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.refreshToken).not.toBe(spentRefresh);
    expect(stored[0]?.tokenExpiresAt).toBe(new Date(x.now().getTime() + 7_200_000).toISOString());
    // Not expiring: no renewal.
    await provider().metrics(session, out.ok ? (out.value[0]?.remoteId ?? '') : '');
    expect(stored).toHaveLength(1);

    const revoked = sessionOf(account);
    revoked.refreshToken = spentRefresh;
    revoked.tokenExpiresAt = x.now().toISOString();
    const refused = await provider().metrics(revoked, '1');
    expect(refused).toMatchObject({ ok: false, failure: { kind: 'auth_expired', statusCode: 400 } });
    expect(!refused.ok && refused.failure.message).not.toContain(spentRefresh ?? '');
  });

  describe('direct messages', () => {
    const dmReads = () => x.requests.filter((request) => request.path === '/2/dm_events');
    const answer = (inReplyTo: string, text: string, writtenAt = x.now().toISOString()) => ({
      inReplyTo,
      text,
      idempotencyKey: 'reply:message-1',
      writtenAt,
      direct: true,
    });

    it('reads others’ messages beside the mentions, once, and answers in the conversation', async () => {
      const session = sessionOf(await connect());
      const fan = x.addUser('crumbs', 'Crumb Fan');
      const mention = x.mention(fan, shop, 'Open Sunday?');
      const question = x.directMessage(fan, shop, 'Can I order a cake?');
      x.directMessage(shop, fan, 'Of course! Which size?');
      x.groupMessage(fan, [shop, x.addUser('miller')], 'Market stall together?');

      const first = await provider().mentions(session, null);
      if (!first.ok) throw new Error(first.failure.message);
      expect(first.value.notices).toBeUndefined();
      expect(first.value.mentions).toEqual([
        expect.objectContaining({ remoteId: mention.id }),
        {
          remoteId: `dm:${question.conversationId}:${question.id}`,
          inReplyTo: null,
          author: { remoteId: fan.id, name: 'Crumb Fan', handle: '@crumbs' },
          text: 'Can I order a cake?',
          url: null,
          sentAt: question.createdAt,
          visibility: 'direct',
        },
      ]);
      expect(first.value.mentions[0]?.visibility).toBeUndefined();
      expect(Object.fromEntries(x.requests.find((r) => r.path === '/2/dm_events')?.query ?? [])).toEqual({
        'dm_event.fields': 'id,text,created_at,sender_id,dm_conversation_id,event_type',
        event_types: 'MessageCreate',
        expansions: 'sender_id',
        'user.fields': 'username,name,profile_image_url',
        max_results: '100',
      });

      const again = await provider().mentions(session, first.value.cursor);
      expect(again.ok && again.value.mentions).toEqual([]);
      const size = x.directMessage(fan, shop, 'Eight people');
      const next = await provider().mentions(session, again.ok ? again.value.cursor : null);
      if (!next.ok) throw new Error(next.failure.message);
      expect(next.value.mentions.map((m) => m.remoteId)).toEqual([`dm:${size.conversationId}:${size.id}`]);

      const writtenAt = x.now().toISOString();
      const replied = await provider().reply(
        session,
        answer(next.value.mentions[0]?.remoteId ?? '', 'See you Sunday', writtenAt),
      );
      if (!replied.ok) throw new Error(replied.failure.message);
      const sent = x.dmEventsIn(size.conversationId).at(-1);
      expect(sent).toMatchObject({ senderId: shop.id, text: 'See you Sunday' });
      expect(replied.value).toEqual({
        position: 0,
        remoteId: `dm:${size.conversationId}:${sent?.id}`,
        url: null,
      });
      // Sent again (the first answer was lost): found, not sent twice; and never read back as the customer's.
      const resent = await provider().reply(
        session,
        answer(next.value.mentions[0]?.remoteId ?? '', 'See you Sunday', writtenAt),
      );
      expect(resent.ok && resent.value.remoteId).toBe(replied.value.remoteId);
      expect(x.dmEventsIn(size.conversationId).filter((event) => event.senderId === shop.id)).toHaveLength(2);
      const after = await provider().mentions(session, next.value.cursor);
      expect(after.ok && after.value.mentions).toEqual([]);
      expect(x.tweets.size).toBe(1);
    });

    it('pages back with next_token to the newest message seen', async () => {
      const session = sessionOf(await connect());
      const fan = x.addUser('crumbs', 'Crumb Fan');
      x.directMessage(fan, shop, 'First');
      const first = await provider().mentions(session, null);
      if (!first.ok) throw new Error(first.failure.message);
      const burst = Array.from({ length: 150 }, (_, n) => x.directMessage(fan, shop, `Message ${n}`));
      const next = await provider().mentions(session, first.value.cursor);
      if (!next.ok) throw new Error(next.failure.message);
      expect(next.value.mentions.map((m) => m.text)).toEqual(burst.map((event) => event.text));
      expect(dmReads().map((request) => request.query.has('pagination_token'))).toEqual([false, false, true]);
    });

    it('still reads mentions with a token from before the DM scopes, and says to reconnect', async () => {
      const session = sessionOf(await connect(['tweet.read', 'tweet.write', 'users.read', 'offline.access']));
      const fan = x.addUser('crumbs', 'Crumb Fan');
      const mention = x.mention(fan, shop, 'Open Sunday?');
      const dm = x.directMessage(fan, shop, 'Psst');
      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      expect(read.value.mentions.map((m) => m.remoteId)).toEqual([mention.id]);
      expect(read.value.notices).toEqual([expect.stringContaining('Reconnect the account')]);
      expect(read.value.notices?.[0]).toContain('X refused it (HTTP 403): Forbidden');
      // Only the mentions' position is kept, so the direct messages are read once it is reconnected.
      expect(read.value.cursor).toBe(mention.id);
      const replied = await provider().reply(session, answer(`dm:${dm.conversationId}:${dm.id}`, 'Hello'));
      expect(replied).toMatchObject({
        ok: false,
        failure: {
          kind: 'rejected',
          statusCode: 403,
          message: expect.stringContaining('Reconnect the account'),
        },
      });
    });

    it('stops at a 429 until x-rate-limit-reset and at a refused token; a 5xx leaves them for the next reading', async () => {
      const session = sessionOf(await connect());
      const fan = x.addUser('crumbs', 'Crumb Fan');
      const dm = x.directMessage(fan, shop, 'Open today?');
      x.rateLimit('GET', '/2/dm_events');
      expect(await provider().mentions(session, null)).toMatchObject({
        ok: false,
        failure: {
          kind: 'retryable',
          statusCode: 429,
          retryAt: new Date(Math.floor(x.clockMs / 1000) * 1000 + 60_000),
        },
      });
      x.inject({
        method: 'GET',
        path: '/2/dm_events',
        status: 401,
        body: { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 },
      });
      expect(await provider().mentions(session, null)).toMatchObject({
        ok: false,
        failure: { kind: 'auth_expired' },
      });
      x.inject({
        method: 'GET',
        path: '/2/dm_events',
        status: 503,
        body: {
          title: 'Service Unavailable',
          detail: 'Service Unavailable',
          type: 'about:blank',
          status: 503,
        },
      });
      const partial = await provider().mentions(session, null);
      if (!partial.ok) throw new Error(partial.failure.message);
      expect(partial.value.notices).toEqual([expect.stringContaining('the next reading tries again')]);
      const later = await provider().mentions(session, partial.value.cursor);
      expect(later.ok && later.value.mentions.map((m) => m.remoteId)).toEqual([
        `dm:${dm.conversationId}:${dm.id}`,
      ]);
    });
  });
});
