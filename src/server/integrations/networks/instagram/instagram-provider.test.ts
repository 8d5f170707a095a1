import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_APP, FakeMetaServer } from '../../../../../test/support/networks/meta/fake-meta-server.js';
import { createGuardedFetch } from '../../guarded-fetch.js';
import { createOutboundGuard } from '../../outbound-guard.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { createInstagramProvider, INSTAGRAM_SCOPES } from './instagram-provider.js';

// The provider over HTTP against the fake Graph API (test/support/networks/meta/): Instagram accounts
// linked to Pages as targets, the container flow (status looked at until FINISHED, carousels), results,
// comments and answers, and Instagram Direct conversations read through the linked Page and answered privately.

describe('Instagram provider', () => {
  let meta: FakeMetaServer;
  let waits = 0;
  beforeAll(async () => {
    meta = await FakeMetaServer.start();
  });
  afterAll(async () => {
    await meta.close();
  });

  const provider = (options: { mediaPolls?: number } = {}) =>
    createInstagramProvider({
      fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
      timeoutMs: 5_000,
      now: () => meta.now(),
      baseUrl: meta.url,
      wait: async () => {
        waits += 1;
      },
      ...options,
    });

  const signIn = (scopes = INSTAGRAM_SCOPES) => {
    const made = meta.addFacebookUser('Ana Baker', [
      { name: 'The Bakery', username: 'thebakery', instagram: 'the.bakery' },
      { name: 'Side project', username: 'sideproject' },
    ]);
    const tokens = {
      access_token: meta.userToken(made.user, scopes),
      refresh_token: null,
      expires_in: 7200,
      scopes,
    };
    const account = made.instagram[0];
    if (!account) throw new Error('no account');
    return { ...made, account, tokens };
  };
  const connect = async (scopes = INSTAGRAM_SCOPES) => {
    const { account, tokens, pages } = signIn(scopes);
    const connected = await provider().connect({ ...tokens, target_id: account.id, client: FAKE_APP });
    if (!connected.ok) throw new Error(connected.failure.message);
    return { account, page: pages[0], connected: connected.value };
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
      media: async () => [photo('loaf')],
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
  const photo = (
    name: string,
    url: string | null = `https://mcc.example/api/media/signed/${name}.jpg`,
  ): NetworkMedia => ({
    kind: 'image',
    fileName: `${name}.jpg`,
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
    description: `A ${name}`,
    width: 1080,
    height: 1350,
    ...(url ? { url } : {}),
  });

  it('offers the Pages’ linked Instagram accounts and stores the Page token for the picked one', async () => {
    const { account, tokens } = signIn();
    expect(await provider().targets?.(tokens)).toEqual({
      ok: true,
      value: [
        { id: account.id, name: '@the.bakery (The Bakery)', avatarUrl: expect.stringMatching(/^https:/) },
      ],
    });
    const connected = await provider().connect({ ...tokens, target_id: account.id, client: FAKE_APP });
    expect(connected).toMatchObject({
      ok: true,
      value: {
        remoteAccountId: account.id,
        handle: '@the.bakery',
        profileUrl: 'https://www.instagram.com/the.bakery/',
        tokenExpiresAt: null,
      },
    });
    expect(provider().oauth).toMatchObject({
      scopeSeparator: ',',
      authorizeUrl: `${meta.url}/v21.0/dialog/oauth`,
    });

    const { user } = meta.addFacebookUser('No IG', [{ name: 'Plain Page', username: 'plain' }]);
    const none = await provider().connect({
      ...tokens,
      access_token: meta.userToken(user, INSTAGRAM_SCOPES),
    });
    expect(none.ok ? null : none.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('has an Instagram professional account linked'),
    });
  });

  it('refuses a post without media, or with media Instagram cannot fetch, before calling Instagram', async () => {
    const { account, connected } = await connect();
    const before = meta.requests.length;
    const bare = await provider().publish(
      sessionOf(connected),
      publication(['Just words'], { media: async () => [] }),
    );
    expect(bare.ok ? null : bare.failure).toEqual({
      kind: 'rejected',
      message: 'Instagram posts need an image or a video: attach one to the post',
      statusCode: null,
      retryAt: null,
    });
    const local = await provider().publish(
      sessionOf(connected),
      publication(['Local'], { media: async () => [photo('loaf', null)] }),
    );
    expect(local.ok ? null : local.failure.message).toContain('set PUBLIC_URL');
    // Only the look for an earlier attempt's post went out.
    expect(meta.requests.slice(before).every((request) => request.method === 'GET')).toBe(true);
    expect(meta.postsOf(account.id)).toEqual([]);
  });

  it('publishes one image through a container looked at until FINISHED, with alt text, then the first comment', async () => {
    const { account, connected } = await connect();
    waits = 0;
    const publishing = publication(['Rye day #bread'], { firstComment: 'Recipe in bio' });
    const result = await provider().publish(sessionOf(connected), publishing);
    if (!result.ok) throw new Error(result.failure.message);
    const [media] = meta.postsOf(account.id);
    expect(media).toMatchObject({
      text: 'Rye day #bread',
      media: ['https://mcc.example/api/media/signed/loaf.jpg'],
      altTexts: ['A loaf'],
    });
    expect(result.value).toEqual([
      { position: 0, remoteId: media?.id, url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//) },
      { position: 1, remoteId: expect.any(String), url: null },
    ]);
    expect(waits).toBe(1);
    expect(meta.comments.get(result.value[1]?.remoteId ?? '')?.message).toBe('Recipe in bio');
  });

  it('finds a first comment whose answer was lost instead of commenting twice', async () => {
    const { connected } = await connect();
    const session = sessionOf(connected);
    meta.inject({ method: 'POST', path: /\/comments$/, status: 500, afterHandling: true });
    const first = publication(['Noted'], { firstComment: 'A note' });
    expect((await provider().publish(session, first)).ok).toBe(false);
    const retry = await provider().publish(
      session,
      publication(['Noted'], { firstComment: 'A note', published: first.out }),
    );
    if (!retry.ok) throw new Error(retry.failure.message);
    const mediaId = first.out[0]?.remoteId;
    expect([...meta.comments.values()].filter((comment) => comment.objectId === mediaId)).toHaveLength(1);
    expect(retry.value).toHaveLength(2);
  });

  it('publishes a carousel of child containers', async () => {
    const { account, connected } = await connect();
    const result = await provider().publish(
      sessionOf(connected),
      publication(['Three loaves'], { media: async () => [photo('rye'), photo('wheat'), photo('spelt')] }),
    );
    if (!result.ok) throw new Error(result.failure.message);
    const [media] = meta.postsOf(account.id);
    expect(media?.media).toEqual(
      ['rye', 'wheat', 'spelt'].map((name) => `https://mcc.example/api/media/signed/${name}.jpg`),
    );
    const carousel = [...meta.containers.values()].find(
      (container) => container.params.media_type === 'CAROUSEL',
    );
    expect(carousel?.params.children?.split(',')).toHaveLength(3);
  });

  it('gives up on a slow container as retryable, refuses a broken one, and never publishes twice', async () => {
    const { account, connected } = await connect();
    const session = sessionOf(connected);
    meta.containerLooks = 5;
    const slow = await provider({ mediaPolls: 2 }).publish(session, publication(['Slow']));
    expect(slow.ok ? null : slow.failure).toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('still processing'),
    });
    meta.containerLooks = 1;

    const broken = await provider().publish(
      session,
      publication(['Broken'], { media: async () => [photo('x', 'https://unreachable.example/x.jpg')] }),
    );
    expect(broken.ok ? null : broken.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('Media download has failed'),
    });

    // The publish answer is lost: the retry finds the post by its caption instead of posting again.
    meta.inject({
      method: 'POST',
      path: `/v21.0/${account.id}/media_publish`,
      status: 502,
      afterHandling: true,
    });
    const first = publication(['Once only']);
    const lost = await provider().publish(session, first);
    expect(lost.ok ? null : lost.failure.kind).toBe('retryable');
    const retry = await provider().publish(session, publication(['Once only'], { dueAt: first.dueAt }));
    expect(retry.ok).toBe(true);
    expect(meta.postsOf(account.id).map((media) => media.text)).toEqual(['Once only']);
  });

  it('reads insights, comments on recent media, and answers a comment', async () => {
    const { account, connected } = await connect();
    const session = sessionOf(connected);
    const posted = await provider().publish(session, publication(['Ask away']));
    const mediaId = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
    meta.setInsights(mediaId, { impressions: 900, reach: 700, likes: 55, shares: 3, saved: 9 });
    const question = meta.commentOn(mediaId, { id: '7770001', name: 'jo.client' }, 'Open Sunday?');
    expect(await provider().metrics(session, mediaId)).toEqual({
      ok: true,
      value: { impressions: 900, reach: 700, likes: 55, comments: 1, shares: 3, clicks: null },
    });

    const read = await provider().mentions(session, null);
    if (!read.ok) throw new Error(read.failure.message);
    expect(read.value.mentions).toEqual([
      {
        remoteId: question.id,
        inReplyTo: mediaId,
        author: { remoteId: '7770001', name: null, handle: '@jo.client' },
        text: 'Open Sunday?',
        url: null,
        sentAt: expect.any(String),
      },
    ]);
    const answered = await provider().reply(session, {
      inReplyTo: question.id,
      text: '@jo.client yes, 8 to 12',
      idempotencyKey: 'r1',
      writtenAt: meta.now().toISOString(),
    });
    if (!answered.ok) throw new Error(answered.failure.message);
    expect(meta.comments.get(answered.value.remoteId)).toMatchObject({ parentId: question.id });
    // The answer is the account's own: it never comes back as a mention.
    const again = await provider().mentions(session, null);
    expect(again.ok && again.value.mentions.map((mention) => mention.remoteId)).toEqual([question.id]);
    void account;
  });

  it('waits out a rate limit for the time the usage header names', async () => {
    const { account, connected } = await connect();
    meta.inject(FakeMetaServer.rateLimit(`/v21.0/${account.id}/media`, 30));
    const limited = await provider().publish(sessionOf(connected), publication(['Later']));
    const failure = limited.ok ? null : limited.failure;
    expect(failure).toMatchObject({
      kind: 'retryable',
      message: expect.stringContaining('rate-limited us (code 32)'),
    });
    expect((failure?.retryAt?.getTime() ?? 0) - meta.now().getTime()).toBeGreaterThan(29 * 60_000);
  });

  describe('Instagram Direct', () => {
    const answer = (inReplyTo: string, text: string) => ({
      inReplyTo,
      text,
      idempotencyKey: `reply:${text}`,
      writtenAt: meta.now().toISOString(),
      direct: true,
    });
    const sends = () => meta.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/messages'));

    it('reads direct messages through the linked Page, leaves the account’s own out, and answers privately', async () => {
      const { account, connected } = await connect();
      const session = sessionOf(connected);
      const jo = meta.messaging.user('instagram', 'jo.client');
      const question = meta.messaging.write(account.id, jo, 'Do you ship to Lyon?');
      meta.advance(2_000);
      meta.messaging.writeAsBusiness(account.id, jo, 'Let me see');

      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      const [mention] = read.value.mentions;
      expect(read.value.mentions).toHaveLength(1);
      expect(mention).toEqual({
        remoteId: expect.stringMatching(new RegExp(`^dm:${jo.id}:`)),
        inReplyTo: null,
        author: { remoteId: jo.id, name: null, handle: '@jo.client' },
        text: 'Do you ship to Lyon?',
        url: null,
        sentAt: expect.any(String),
        visibility: 'direct',
      });
      // Instagram's message ids are long: the inbox's id stays within its 200 characters.
      expect(question.id.length).toBeGreaterThan(150);
      expect(mention?.remoteId.length).toBeLessThanOrEqual(200);
      expect(meta.requests.find((r) => r.path === '/v21.0/me/conversations')?.params).toMatchObject({
        platform: 'instagram',
      });

      const sent = await provider().reply(session, answer(mention?.remoteId ?? '', 'Yes, in 3 days'));
      if (!sent.ok) throw new Error(sent.failure.message);
      expect(meta.messaging.sentTo(account.id, jo).map((message) => message.text)).toEqual([
        'Let me see',
        'Yes, in 3 days',
      ]);
      const request = sends().at(-1);
      expect(request?.path).toBe('/v21.0/me/messages');
      expect(request?.params).toEqual({
        recipient: JSON.stringify({ id: jo.id }),
        message: JSON.stringify({ text: 'Yes, in 3 days' }),
      });
      // Read again: the answer is the account's own and never comes back as a message to answer.
      const again = await provider().mentions(session, null);
      expect(again.ok && again.value.mentions.map((m) => m.text)).toEqual(['Do you ship to Lyon?']);
    });

    it('refuses before sending a text over 1,000 bytes or an answer after the 24-hour window', async () => {
      const { account, connected } = await connect();
      const session = sessionOf(connected);
      const sam = meta.messaging.user('instagram', 'sam.insta');
      const dm = meta.messaging.write(account.id, sam, 'Hi');
      const id = `dm:${sam.id}:${dm.id}`;
      const before = sends().length;
      // 600 characters, 1,200 bytes of UTF-8.
      const long = await provider().reply(session, answer(id, 'é'.repeat(600)));
      expect(long.ok ? null : long.failure.message).toBe(
        'Instagram takes messages of up to 1,000 bytes; this answer has 1,200: shorten it',
      );
      meta.advance(25 * 3_600_000);
      const late = await provider().reply(session, answer(id, 'Hello'));
      expect(late.ok ? null : late.failure).toMatchObject({
        kind: 'rejected',
        message: expect.stringMatching(
          /^Instagram only allows answers within 24 hours of the customer's last message/,
        ),
      });
      expect(sends()).toHaveLength(before);
    });

    it('still reads comments for an account connected without instagram_manage_messages, saying to reconnect', async () => {
      const older = INSTAGRAM_SCOPES.filter((scope) => scope !== 'instagram_manage_messages');
      const { account, connected } = await connect(older);
      const session = sessionOf(connected);
      const posted = await provider().publish(session, publication(['Comment away']));
      const mediaId = posted.ok ? (posted.value[0]?.remoteId ?? '') : '';
      const comment = meta.commentOn(mediaId, { id: '7770009', name: 'kim.k' }, 'Nice!');
      meta.messaging.write(account.id, meta.messaging.user('instagram', 'kim.k'), 'A private word');

      const read = await provider().mentions(session, null);
      if (!read.ok) throw new Error(read.failure.message);
      expect(read.value.mentions.map((mention) => mention.remoteId)).toEqual([comment.id]);
      expect(read.value.notices).toEqual([
        expect.stringMatching(
          /^Reconnect the account to read its Instagram direct messages: .*instagram_manage_messages was not granted; Instagram refused it \(code 10\)/,
        ),
      ]);
    });
  });
});
