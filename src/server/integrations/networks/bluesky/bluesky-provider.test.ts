import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CHAT_PROXY,
  FakeBlueskyServer,
} from '../../../../../test/support/networks/bluesky/fake-bluesky-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import type {
  ConnectedAccount,
  NetworkImage,
  NetworkPublication,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { createBlueskyProvider } from './bluesky-provider.js';
import { TID_PATTERN } from './bluesky-record-key.js';

// The provider over HTTP against the fake PDS (test/support/networks/bluesky/), without the app around
// it: what it sends, what it makes of the answers, and how it renews a session.

const H = 3_600_000;

describe('Bluesky provider', () => {
  let bluesky: FakeBlueskyServer;
  /** The provider's clock: the fake's unless a test moves it. */
  let skewMs = 0;
  const provider = () =>
    createBlueskyProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => new Date(bluesky.now().getTime() + skewMs),
    });

  beforeEach(async () => {
    skewMs = 0;
    bluesky = await FakeBlueskyServer.start();
  });
  afterEach(async () => {
    await bluesky.close();
  });

  const connect = async (handle = 'bakery.bsky.social', options: { directMessages?: boolean } = {}) => {
    const { account, appPassword } = bluesky.addAccount(handle, 'The Bakery', options);
    const connected = await provider().connect({
      handle: `@${handle}`,
      app_password: appPassword,
      pds_url: bluesky.url,
    });
    if (!connected.ok) throw new Error(connected.failure.message);
    return { account, connected: connected.value };
  };
  /** The session as the services hand it over, recording what they would store. */
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
      dueAt: bluesky.now().toISOString(),
      published: [],
      onPublished: async (part) => {
        out.push(part);
      },
      out,
      ...overrides,
    };
  };
  const jpeg = (alt: string): NetworkImage => ({
    kind: 'image',
    fileName: 'loaf.jpg',
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8, 0xff, 0xd9]),
    description: alt,
    width: 1280,
    height: 853,
  });

  it('connects with a handle and an app password, and refuses the account’s own password', async () => {
    const { account, connected } = await connect();
    expect(connected).toMatchObject({
      baseUrl: bluesky.url,
      remoteAccountId: account.did,
      handle: '@bakery.bsky.social',
      displayName: 'The Bakery',
      avatarUrl: account.avatar,
      profileUrl: 'https://bsky.app/profile/bakery.bsky.social',
      scopes: ['com.atproto.appPass'],
    });
    // The refresh token's expiry: the session lasts 90 days from its last renewal.
    expect(Date.parse(connected.tokenExpiresAt ?? '') - bluesky.now().getTime()).toBeGreaterThan(89 * 24 * H);

    const wrong = await provider().connect({
      handle: 'bakery.bsky.social',
      app_password: 'aaaa-bbbb-cccc-dddd',
      pds_url: bluesky.url,
    });
    expect(wrong).toEqual({
      ok: false,
      failure: {
        kind: 'auth_expired',
        message: 'Bluesky refused the session (HTTP 401): Invalid identifier or password',
        statusCode: 401,
        retryAt: null,
        networkSaid: 'Invalid identifier or password',
      },
    });
    const own = await provider().connect({
      handle: 'bakery.bsky.social',
      app_password: account.password,
      pds_url: bluesky.url,
    });
    expect(own.ok ? null : own.failure.message).toContain('that is the account’s own password');
  });

  /** A website on this machine: a page with Open Graph tags, its picture, and a plain file. */
  const website = async (): Promise<{ url: string; close: () => Promise<void> }> => {
    const picture = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9, 0xff, 0xd9]);
    const server: Server = createServer((request, response) => {
      if (request.url === '/menu') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(
          '<!doctype html><html><head><title>Menu – The Bakery</title>' +
            '<meta property="og:title" content="Our menu &amp; prices">' +
            '<meta name="description" content="Sourdough, rye and   pastries.">' +
            '<meta property="og:image" content="/loaf.jpg"></head><body>…</body></html>',
        );
      } else if (request.url === '/loaf.jpg') {
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(picture.length) });
        response.end(picture);
      } else {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('Not Found');
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  };

  it('publishes a thread with facets, an image and a link card, each part replying to its root and the part before', async () => {
    const { account, connected } = await connect();
    const { account: miller } = bluesky.addAccount('miller.bsky.social');
    const site = await website();
    const image = jpeg('A sourdough loaf on a wooden board');
    const pub = publication(
      [
        'Fresh #sourdough at 7, flour from @miller.bsky.social — https://bakery.example/menu',
        `Rye on Fridays, ask @nobody.bsky.social; prices: ${site.url}/menu`,
        `See you soon! ${site.url}/loaf.jpg`,
      ],
      { media: async (limits) => (limits?.maxImageBytes === 2_000_000 ? [image] : []) },
    );
    const published = await provider().publish(sessionOf(connected), pub);
    await site.close();
    expect(published.ok, published.ok ? '' : published.failure.message).toBe(true);

    const [first, second, third] = bluesky.postsBy(account);
    expect(pub.out.map((part) => part.position)).toEqual([0, 1, 2]);
    expect(pub.out.map((part) => part.remoteId)).toEqual([first?.uri, second?.uri, third?.uri]);
    expect(pub.out[0]?.url).toBe(`https://bsky.app/profile/bakery.bsky.social/post/${first?.rkey}`);
    for (const post of [first, second, third]) expect(post?.rkey).toMatch(TID_PATTERN);
    expect(second?.value.reply).toEqual({
      root: { uri: first?.uri, cid: first?.cid },
      parent: { uri: first?.uri, cid: first?.cid },
    });
    expect(third?.value.reply).toEqual({
      root: { uri: first?.uri, cid: first?.cid },
      parent: { uri: second?.uri, cid: second?.cid },
    });
    const facets = (first?.value.facets ?? []) as Array<{ features: Array<Record<string, string>> }>;
    const features = facets.map((facet) => facet.features[0]);
    expect(features).toEqual([
      { $type: 'app.bsky.richtext.facet#tag', tag: 'sourdough' },
      { $type: 'app.bsky.richtext.facet#mention', did: miller.did },
      { $type: 'app.bsky.richtext.facet#link', uri: 'https://bakery.example/menu' },
    ]);
    // A handle that does not resolve stays text: a mention without a DID would be refused.
    const secondFacets = (second?.value.facets ?? []) as Array<{ features: Array<Record<string, string>> }>;
    expect(secondFacets.map((facet) => facet.features[0])).toEqual([
      { $type: 'app.bsky.richtext.facet#link', uri: `${site.url}/menu` },
    ]);
    const embed = first?.value.embed as { $type: string; images: Array<Record<string, unknown>> };
    expect(embed.$type).toBe('app.bsky.embed.images');
    expect(embed.images[0]).toMatchObject({
      alt: 'A sourdough loaf on a wooden board',
      aspectRatio: { width: 1280, height: 853 },
      image: { $type: 'blob', mimeType: 'image/jpeg', size: image.bytes.length },
    });
    // The page's card, with its picture as the thumbnail; a link to a picture makes no card.
    const card = second?.value.embed as { $type: string; external: Record<string, unknown> };
    expect(card).toEqual({
      $type: 'app.bsky.embed.external',
      external: {
        uri: `${site.url}/menu`,
        title: 'Our menu & prices',
        description: 'Sourdough, rye and pastries.',
        thumb: { $type: 'blob', ref: { $link: expect.any(String) }, mimeType: 'image/jpeg', size: 9 },
      },
    });
    expect(third?.value.embed).toBeUndefined();
  });

  it('never posts a part twice: a lost answer, and an attempt that crashed before storing the part', async () => {
    const { account, connected } = await connect();
    // The PDS writes the post and the answer is lost: the provider finds the post under its key.
    bluesky.inject({
      method: 'POST',
      nsid: 'com.atproto.repo.createRecord',
      status: 502,
      afterHandling: true,
    });
    const lost = publication(['One', 'Two']);
    expect((await provider().publish(sessionOf(connected), lost)).ok).toBe(true);
    expect(bluesky.postsBy(account).map((post) => post.value.text)).toEqual(['One', 'Two']);

    // An attempt dies after the network took part 1 but before it was stored; the next sends it again.
    const stored: PublishedPart[] = [];
    const crashed = publication(['Three', 'Four'], {
      idempotencyKey: 'item-2@2031-03-03T10:00:00.000Z',
      onPublished: async (part) => {
        if (part.position === 1) throw new Error('the process stopped');
        stored.push(part);
      },
    });
    await expect(provider().publish(sessionOf(connected), crashed)).rejects.toThrow('the process stopped');
    const retry = publication(['Three', 'Four'], {
      idempotencyKey: 'item-2@2031-03-03T10:00:00.000Z',
      dueAt: crashed.dueAt,
      published: stored,
    });
    const retried = await provider().publish(sessionOf(connected), retry);
    expect(retried.ok).toBe(true);
    const posts = bluesky.postsBy(account);
    expect(posts.map((post) => post.value.text)).toEqual(['One', 'Two', 'Three', 'Four']);
    // The stored part is read back from the repository for the reply's references: uri and cid only.
    const three = { uri: posts[2]?.uri, cid: posts[2]?.cid };
    expect(posts[3]?.value.reply).toEqual({ root: three, parent: three });
    // The PDS refused the key it held (its 500), and the post found under it counts as published.
    const creates = bluesky.requests.filter((request) => request.nsid === 'com.atproto.repo.createRecord');
    expect(creates.map((request) => request.status)).toEqual([502, 200, 200, 200, 500]);
    expect(retry.out).toEqual([
      { position: 1, remoteId: bluesky.postsBy(account)[3]?.uri, url: expect.any(String) },
    ]);
  });

  it('renews an expired access token and hands the new pair over; an expired session needs reconnecting', async () => {
    const { account, connected } = await connect();
    const stored: NetworkSession[] = [];
    // The PDS's clock is three hours on: the access token expired there, not yet by the provider's clock.
    bluesky.advance(3 * H);
    skewMs = -3 * H;
    const published = await provider().publish(sessionOf(connected, stored), publication(['After a break']));
    expect(published.ok).toBe(true);
    const calls = bluesky.requests.map((request) => `${request.nsid} ${request.status}`);
    expect(calls.slice(-3)).toEqual([
      'com.atproto.repo.createRecord 400',
      'com.atproto.server.refreshSession 200',
      'com.atproto.repo.createRecord 200',
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.accessToken).not.toBe(connected.accessToken);
    expect(stored[0]?.refreshToken).not.toBe(connected.refreshToken);
    expect(Date.parse(stored[0]?.tokenExpiresAt ?? '')).toBeGreaterThan(
      Date.parse(connected.tokenExpiresAt ?? ''),
    );

    // By the provider's own clock the renewed token is about to expire: it is renewed before the call.
    const renewed = {
      ...sessionOf(connected),
      ...stored[0],
      onRenewed: sessionOf(connected, stored).onRenewed,
    };
    skewMs = 2 * H;
    expect((await provider().metrics(renewed, bluesky.postsBy(account)[0]?.uri ?? '')).ok).toBe(true);
    expect(stored).toHaveLength(2);
    expect(bluesky.requests.at(-2)?.nsid).toBe('com.atproto.server.refreshSession');

    // `refresh` renews on request and hands the pair over like any renewal.
    const latest = stored.at(-1);
    if (!latest) throw new Error('no renewal');
    const refreshed = await provider().refresh({
      ...latest,
      onRenewed: sessionOf(connected, stored).onRenewed,
    });
    if (!refreshed.ok) throw new Error(refreshed.failure.message);
    expect(refreshed.value.refreshToken).not.toBe(latest.refreshToken);
    expect(stored).toHaveLength(3);
    expect(stored[2]?.refreshToken).toBe(refreshed.value.refreshToken);

    // Ninety days later both tokens have expired: only a new app password helps.
    bluesky.advance(91 * 24 * H);
    skewMs = -(91 * 24 + 3) * H;
    const expired = await provider().metrics(sessionOf(connected), 'at://x/app.bsky.feed.post/3kabcabcabca2');
    expect(expired).toEqual({
      ok: false,
      failure: expect.objectContaining({
        kind: 'auth_expired',
        message: 'Bluesky refused the session (HTTP 400 ExpiredToken): Token has expired',
      }),
    });
  });

  it('reads counts, waits for a rate limit’s reset, and refuses a post the PDS refuses in its words', async () => {
    const { account, connected } = await connect();
    const session = sessionOf(connected);
    await provider().publish(session, publication(['Croissants today.']));
    const [post] = bluesky.postsBy(account);
    if (!post) throw new Error('no post');
    Object.assign(post, { likeCount: 5, repostCount: 2, quoteCount: 1, replyCount: 3 });
    expect(await provider().metrics(session, post.uri)).toEqual({
      ok: true,
      value: { impressions: null, reach: null, clicks: null, likes: 5, shares: 3, comments: 3 },
    });

    const reset = Math.ceil(bluesky.now().getTime() / 1000) + 120;
    bluesky.inject({
      method: 'GET',
      nsid: 'app.bsky.feed.getPosts',
      status: 429,
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
    });
    const limited = await provider().metrics(session, post.uri);
    expect(limited.ok ? null : limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      retryAt: new Date(reset * 1000),
    });

    const refused = await provider().publish(
      session,
      publication(['x'.repeat(301)], { idempotencyKey: 'long' }),
    );
    expect(refused.ok ? null : refused.failure).toEqual({
      kind: 'rejected',
      message:
        'Bluesky refused it (HTTP 400): Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text',
      statusCode: 400,
      retryAt: null,
      networkSaid:
        'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text',
    });
    bluesky.inject({ method: 'GET', nsid: 'app.bsky.feed.getPosts', status: 503 });
    expect(await provider().metrics(session, post.uri)).toMatchObject({
      ok: false,
      failure: { kind: 'retryable' },
    });
    expect(await provider().metrics(session, `${post.uri.slice(0, -3)}222`)).toMatchObject({
      ok: false,
      failure: { kind: 'rejected', message: expect.stringContaining('has no post') },
    });
  });

  it('reads mentions, replies and quotes oldest first from where it stopped, and answers in the thread', async () => {
    const { account: shop, connected } = await connect();
    const session = sessionOf(connected);
    await provider().publish(session, publication(['Bread is out']));
    const [ours] = bluesky.postsBy(shop);
    if (!ours) throw new Error('no post');
    const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
    const mention = bluesky.post(fan, 'Hey @bakery.bsky.social, open Sunday?', { mention: shop });
    const first = await provider().mentions(session, null);
    if (!first.ok) throw new Error(first.failure.message);
    expect(first.value.mentions).toEqual([
      {
        remoteId: mention.uri,
        inReplyTo: null,
        author: { remoteId: fan.did, name: 'A Fan', handle: '@fan.bsky.social' },
        text: 'Hey @bakery.bsky.social, open Sunday?',
        url: `https://bsky.app/profile/fan.bsky.social/post/${mention.rkey}`,
        sentAt: mention.value.createdAt,
      },
    ]);
    expect(first.value.cursor).toBe(mention.indexedAt);

    bluesky.advance(60_000);
    const answer = bluesky.post(fan, 'Gluten-free too?', { replyTo: ours });
    bluesky.advance(1_000);
    const quote = bluesky.post(fan, 'Best bakery in town', { quote: ours });
    const next = await provider().mentions(session, first.value.cursor);
    if (!next.ok) throw new Error(next.failure.message);
    // The one at the cursor is read again; the inbox stores each message once.
    expect(next.value.mentions.map((m) => [m.remoteId, m.inReplyTo])).toEqual([
      [mention.uri, null],
      [answer.uri, ours.uri],
      [quote.uri, ours.uri],
    ]);
    expect(next.value.cursor).toBe(quote.indexedAt);

    const writtenAt = bluesky.now().toISOString();
    const replied = await provider().reply(session, {
      inReplyTo: answer.uri,
      text: '@fan.bsky.social Yes, on Saturdays!',
      idempotencyKey: 'reply:message-1',
      writtenAt,
    });
    if (!replied.ok) throw new Error(replied.failure.message);
    const sent = bluesky.records.get(replied.value.remoteId);
    expect(sent?.value.reply).toEqual({
      root: { uri: ours.uri, cid: ours.cid },
      parent: { uri: answer.uri, cid: answer.cid },
    });
    expect(sent?.value.facets).toEqual([
      expect.objectContaining({ features: [{ $type: 'app.bsky.richtext.facet#mention', did: fan.did }] }),
    ]);
    // Sending the same reply again finds it instead of answering twice.
    const again = await provider().reply(session, {
      inReplyTo: answer.uri,
      text: '@fan.bsky.social Yes, on Saturdays!',
      idempotencyKey: 'reply:message-1',
      writtenAt,
    });
    expect(again.ok && again.value.remoteId).toBe(replied.value.remoteId);
    expect(bluesky.postsBy(shop)).toHaveLength(2);
  });

  describe('direct messages', () => {
    const chatCalls = () => bluesky.requests.filter((request) => request.nsid.startsWith('chat.bsky.'));
    const answer = (inReplyTo: string, text: string, writtenAt = bluesky.now().toISOString()) => ({
      inReplyTo,
      text,
      idempotencyKey: 'reply:message-1',
      writtenAt,
      direct: true,
    });

    it('reads others’ messages once, from where it stopped, and answers in the conversation through the chat proxy', async () => {
      const { account: shop, connected } = await connect('bakery.bsky.social', { directMessages: true });
      expect(connected.scopes).toEqual(['com.atproto.appPassPrivileged']);
      const session = sessionOf(connected);
      const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
      const { account: neighbour } = bluesky.addAccount('cafe.bsky.social', 'The Café');
      const older = bluesky.directMessage(fan, shop, 'Hello!');
      bluesky.advance(1_000);
      const question = bluesky.directMessage(fan, shop, 'Can I order a cake for Sunday?');
      bluesky.advance(1_000);
      bluesky.groupMessage(neighbour, [shop, fan], 'Market stall together?');

      // The first reading takes each conversation's last message only: no history poured in.
      const first = await provider().mentions(session, null);
      if (!first.ok) throw new Error(first.failure.message);
      expect(first.value.notices).toBeUndefined();
      expect(first.value.mentions).toEqual([
        {
          remoteId: `dm:${question.convoId}:${question.id}`,
          inReplyTo: null,
          author: { remoteId: fan.did, name: 'A Fan', handle: '@fan.bsky.social' },
          text: 'Can I order a cake for Sunday?',
          url: null,
          sentAt: question.sentAt,
          visibility: 'direct',
        },
      ]);
      expect(first.value.mentions.map((m) => m.remoteId)).not.toContain(`dm:${older.convoId}:${older.id}`);
      expect(chatCalls().map((call) => [call.nsid, call.proxy, call.status])).toEqual([
        ['chat.bsky.convo.listConvos', CHAT_PROXY, 200],
      ]);

      // Nothing new: nothing read again. Then the shop's own message and the fan's answer: only the fan's.
      const again = await provider().mentions(session, first.value.cursor);
      expect(again.ok && again.value.mentions).toEqual([]);
      bluesky.advance(60_000);
      bluesky.directMessage(shop, fan, 'Which size?');
      bluesky.advance(1_000);
      const size = bluesky.directMessage(fan, shop, 'Eight people');
      const next = await provider().mentions(session, again.ok ? again.value.cursor : null);
      if (!next.ok) throw new Error(next.failure.message);
      expect(next.value.mentions.map((m) => [m.remoteId, m.text])).toEqual([
        [`dm:${size.convoId}:${size.id}`, 'Eight people'],
      ]);

      // The answer goes into the conversation as written; sent again (a lost answer), it is found, not resent.
      const writtenAt = bluesky.now().toISOString();
      const replied = await provider().reply(
        session,
        answer(`dm:${size.convoId}:${size.id}`, 'Done, see you Sunday', writtenAt),
      );
      if (!replied.ok) throw new Error(replied.failure.message);
      const sent = bluesky.messagesIn(size.convoId).at(-1);
      expect(sent).toMatchObject({ sender: shop.did, text: 'Done, see you Sunday' });
      expect(replied.value).toEqual({ position: 0, remoteId: `dm:${size.convoId}:${sent?.id}`, url: null });
      const resent = await provider().reply(
        session,
        answer(`dm:${size.convoId}:${size.id}`, 'Done, see you Sunday', writtenAt),
      );
      expect(resent.ok && resent.value.remoteId).toBe(replied.value.remoteId);
      expect(bluesky.messagesIn(size.convoId).filter((m) => m.sender === shop.did)).toHaveLength(2);
      expect(chatCalls().every((call) => call.proxy === CHAT_PROXY)).toBe(true);
      const after = await provider().mentions(session, next.value.cursor);
      expect(after.ok && after.value.mentions).toEqual([]);

      const tooLong = await provider().reply(
        session,
        answer(`dm:${size.convoId}:${size.id}`, 'a'.repeat(1001)),
      );
      expect(tooLong).toMatchObject({
        ok: false,
        failure: { kind: 'rejected', message: expect.stringContaining('1,000') },
      });
      const notADm = await provider().reply(
        session,
        answer('at://did:plc:abc/app.bsky.feed.post/3kabcabcabca2', 'Hi'),
      );
      expect(notADm).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
    });

    it('pages back through a busy conversation to the last message seen', async () => {
      const { account: shop, connected } = await connect('bakery.bsky.social', { directMessages: true });
      const session = sessionOf(connected);
      const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
      bluesky.directMessage(fan, shop, 'First');
      const first = await provider().mentions(session, null);
      if (!first.ok) throw new Error(first.failure.message);
      const burst = Array.from({ length: 150 }, (_, n) => bluesky.directMessage(fan, shop, `Message ${n}`));
      const next = await provider().mentions(session, first.value.cursor);
      if (!next.ok) throw new Error(next.failure.message);
      expect(next.value.mentions.map((m) => m.text)).toEqual(burst.map((m) => m.text));
      expect(chatCalls().filter((call) => call.nsid === 'chat.bsky.convo.getMessages')).toHaveLength(2);
    });

    it('skips them quietly, with how to allow them, for an app password without direct-message access', async () => {
      const { account: shop, connected } = await connect();
      const session = sessionOf(connected);
      const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
      const mention = bluesky.post(fan, 'Hey @bakery.bsky.social, open Sunday?', { mention: shop });
      const dm = bluesky.directMessage(fan, shop, 'Psst');
      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      expect(read.value.mentions.map((m) => m.remoteId)).toEqual([mention.uri]);
      expect(read.value.notices).toEqual([expect.stringContaining('“Allow access to your direct messages”')]);
      expect(read.value.notices?.[0]).toContain('Bad token method');
      // Only the mentions' position is kept: the direct messages are read once access is allowed.
      expect(read.value.cursor).toBe(mention.indexedAt);
      expect(chatCalls().map((call) => [call.nsid, call.status])).toEqual([
        ['chat.bsky.convo.listConvos', 400],
      ]);

      // An answer to a direct message is refused, not taken for a dead session.
      const replied = await provider().reply(session, answer(`dm:${dm.convoId}:${dm.id}`, 'Hello'));
      expect(replied).toMatchObject({
        ok: false,
        failure: { kind: 'rejected', message: expect.stringContaining('reconnect the account') },
      });
      // Other PDSes word the refusal “Bad token scope”, with a 401.
      const { connected: allowed } = await connect('cafe.bsky.social', { directMessages: true });
      // The client renews the session on any 401 and asks again: the refusal comes twice.
      for (const _ of [1, 2]) {
        bluesky.inject({
          method: 'GET',
          nsid: 'chat.bsky.convo.listConvos',
          status: 401,
          body: { error: 'AuthenticationRequired', message: 'Bad token scope' },
        });
      }
      const scoped = await provider().mentions(sessionOf(allowed), null);
      expect(scoped.ok && scoped.value.notices).toEqual([expect.stringContaining('Bad token scope')]);
    });

    it('waits out a rate limit, leaves the chat for the next reading after a 5xx, and renews an expired token', async () => {
      const { account: shop, connected } = await connect('bakery.bsky.social', { directMessages: true });
      const stored: NetworkSession[] = [];
      const session = sessionOf(connected, stored);
      const { account: fan } = bluesky.addAccount('fan.bsky.social', 'A Fan');
      const dm = bluesky.directMessage(fan, shop, 'Open today?');
      const reset = Math.ceil(bluesky.now().getTime() / 1000) + 120;
      bluesky.inject({
        method: 'GET',
        nsid: 'chat.bsky.convo.listConvos',
        status: 429,
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
        headers: { 'ratelimit-limit': '3000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      });
      expect(await provider().mentions(session, null)).toMatchObject({
        ok: false,
        failure: { kind: 'retryable', statusCode: 429, retryAt: new Date(reset * 1000) },
      });

      bluesky.inject({ method: 'GET', nsid: 'chat.bsky.convo.listConvos', status: 502 });
      const partial = await provider().mentions(session, null);
      if (!partial.ok) throw new Error(partial.failure.message);
      expect(partial.value.mentions).toEqual([]);
      expect(partial.value.notices).toEqual([expect.stringContaining('the next reading tries again')]);
      expect(partial.value.cursor).toBeNull();

      // A session the chat service says has expired is renewed (a second on: a new token) and asked again.
      bluesky.advance(1_000);
      bluesky.inject({
        method: 'GET',
        nsid: 'chat.bsky.convo.listConvos',
        status: 400,
        body: { error: 'ExpiredToken', message: 'Token has expired' },
      });
      const renewed = await provider().mentions(session, partial.value.cursor);
      if (!renewed.ok) throw new Error(renewed.failure.message);
      expect(renewed.value.mentions.map((m) => m.remoteId)).toEqual([`dm:${dm.convoId}:${dm.id}`]);
      expect(stored).toHaveLength(1);
    });
  });
});
