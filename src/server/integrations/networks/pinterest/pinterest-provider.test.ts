import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakePinterestServer } from '../../../../../test/support/networks/pinterest/fake-pinterest-server.js';
import { videoFile } from '../../../../../test/support/networks/publication.js';
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
import { createPinterestProvider, PINTEREST_SCOPES } from './pinterest-provider.js';

// The provider over HTTP against the Pinterest contract fake (test/support/networks/pinterest/).

describe('Pinterest provider', () => {
  let pinterest: FakePinterestServer;
  // As the registry builds it: wrapped to renew an expiring token before each call (fresh-tokens.ts).
  const provider = () =>
    withFreshTokens(
      createPinterestProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => new Date(),
        baseUrl: pinterest.url,
      }),
      () => new Date(),
    );
  const client = { clientId: 'pin-app', clientSecret: 'pin-secret' };

  beforeAll(async () => {
    pinterest = await FakePinterestServer.start();
    pinterest.clients.set(client.clientId, client.clientSecret);
  });
  afterAll(async () => {
    await pinterest.close();
  });

  const tokensFor = (username: string, scopes = PINTEREST_SCOPES, target?: string): OAuthTokens => ({
    ...pinterest.issueTokens(username, scopes),
    scopes,
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
  const image = (alt: string, url: string | null = null): NetworkMedia => ({
    kind: 'image',
    fileName: 'loaf.jpg',
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9]),
    description: alt,
    width: 1000,
    height: 1500,
    url,
  });
  const publication = (
    text: string,
    overrides: Partial<NetworkPublication> = {},
  ): NetworkPublication & { out: PublishedPart[] } => {
    const out: PublishedPart[] = [];
    return {
      parts: [text],
      media: async () => [image('A sourdough loaf')],
      title: 'Sourdough, step by step',
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
  const connectBoard = async (username: string, boards = ['Bread', 'Cakes'], index = 0) => {
    const user = pinterest.addUser(username, boards, 'The Bakery');
    const board = user.boards[index];
    const connected = await provider().connect(tokensFor(username, PINTEREST_SCOPES, board?.id));
    if (!connected.ok) throw new Error(connected.failure.message);
    return { user, board, connected: connected.value };
  };

  it('offers the boards of a login, connects one, and asks to pick when there are several', async () => {
    const user = pinterest.addUser('bakery', ['Bread', 'Cakes', 'Shop'], 'The Bakery');
    pinterest.boardPageSize = 2;
    const targets = await provider().targets?.(tokensFor('bakery'));
    pinterest.boardPageSize = 25;
    // Three boards over two pages (Pinterest's bookmark).
    expect(targets?.ok && targets.value.map((target) => target.name)).toEqual(['Bread', 'Cakes', 'Shop']);
    expect(provider().oauth).toMatchObject({
      scopeSeparator: ',',
      clientAuth: 'basic',
      tokenUrl: `${pinterest.url}/v5/oauth/token`,
    });

    const cakes = user.boards[1];
    const connected = await provider().connect(tokensFor('bakery', PINTEREST_SCOPES, cakes?.id));
    expect(connected).toMatchObject({
      ok: true,
      value: {
        baseUrl: '',
        remoteAccountId: cakes?.id,
        displayName: 'The Bakery · Cakes',
        handle: '@bakery · Cakes',
        avatarUrl: user.profile_image,
        profileUrl: 'https://www.pinterest.com/bakery/',
      },
    });
    const unpicked = await provider().connect(tokensFor('bakery'));
    expect(unpicked.ok ? null : unpicked.failure.message).toBe(
      '@bakery has 3 boards on Pinterest: pick the one Pins go to',
    );
    const foreign = await provider().connect(tokensFor('bakery', PINTEREST_SCOPES, '123'));
    expect(foreign.ok ? null : foreign.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 404,
      message: 'Pinterest refused it (HTTP 404): Board not found.',
    });
  });

  it('pins an image to the board with its title, description, link and alt text; base64 without a public link', async () => {
    const { board, connected } = await connectBoard('crumb');
    const pub = publication('Our sourdough guide: https://bakery.example/guide. Save it for the weekend!');
    const sent = await provider().publish(sessionOf(connected), pub);
    expect(sent.ok).toBe(true);
    const pin = pinterest.pins.get(pub.out[0]?.remoteId ?? '');
    expect(pin).toMatchObject({
      board_id: board?.id,
      title: 'Sourdough, step by step',
      description: 'Our sourdough guide: https://bakery.example/guide. Save it for the weekend!',
      link: 'https://bakery.example/guide',
      alt_text: 'A sourdough loaf',
      images: [
        { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6, 0xff, 0xd9]), contentType: 'image/jpeg' },
      ],
    });
    expect(pub.out[0]?.url).toBe(`https://www.pinterest.com/pin/${pin?.id}/`);
    // Published already: nothing is sent again.
    const before = pinterest.requests.length;
    expect(
      await provider().publish(sessionOf(connected), publication('again', { published: pub.out })),
    ).toEqual({ ok: true, value: pub.out });
    expect(pinterest.requests.length).toBe(before);
  });

  it('sends public links where the files have them, and a carousel for several images', async () => {
    const { connected } = await connectBoard('links');
    const one = publication('One', {
      media: async () => [image('a', 'https://mcc.example/api/media/signed/a.jpg?signature=x')],
    });
    await provider().publish(sessionOf(connected), one);
    expect(pinterest.pins.get(one.out[0]?.remoteId ?? '')?.media_source).toEqual({
      source_type: 'image_url',
      url: 'https://mcc.example/api/media/signed/a.jpg?signature=x',
    });
    const two = publication('Two', {
      media: async () => [image('a', 'https://mcc.example/a.jpg'), image('b', 'https://mcc.example/b.jpg')],
    });
    await provider().publish(sessionOf(connected), two);
    expect(pinterest.pins.get(two.out[0]?.remoteId ?? '')?.images).toEqual([
      { url: 'https://mcc.example/a.jpg' },
      { url: 'https://mcc.example/b.jpg' },
    ]);
    const mixed = publication('Mixed', {
      media: async () => [image('a', 'https://mcc.example/a.jpg'), image('b')],
    });
    await provider().publish(sessionOf(connected), mixed);
    expect(pinterest.pins.get(mixed.out[0]?.remoteId ?? '')?.media_source.source_type).toBe(
      'multiple_image_base64',
    );
  });

  it('refuses what a Pin cannot be before sending anything', async () => {
    const { connected } = await connectBoard('refusals');
    const before = pinterest.seen('POST', '/v5/pins').length;
    const session = sessionOf(connected);
    const noImage = await provider().publish(session, publication('Text only', { media: async () => [] }));
    expect(noImage.ok ? null : noImage.failure).toMatchObject({
      kind: 'rejected',
      message: 'A Pin needs an image: attach one to the post',
    });
    const comment = await provider().publish(session, publication('x', { firstComment: 'First!' }));
    expect(comment.ok ? null : comment.failure.kind).toBe('rejected');
    const mixed = await provider().publish(
      session,
      publication('x', { media: async () => [videoFile(Buffer.alloc(100)), image('v')] }),
    );
    expect(mixed.ok ? null : mixed.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('one video alone'),
    });
    expect(pinterest.seen('POST', '/v5/media')).toEqual([]);
    expect(pinterest.seen('POST', '/v5/pins').length).toBe(before);
    // Pinterest's own validation, in its words.
    const long = await provider().publish(
      session,
      publication('x', { title: null, media: async () => [{ ...image('a'), mimeType: 'image/gif' }] }),
    );
    expect(long.ok ? null : long.failure).toEqual({
      kind: 'rejected',
      statusCode: 400,
      retryAt: null,
      message:
        'Pinterest refused it (HTTP 400): Invalid parameters: content_type must be one of image/jpeg, image/png',
      networkSaid: 'Invalid parameters: content_type must be one of image/jpeg, image/png',
    });
  });

  describe('video', () => {
    const waits: number[] = [];
    // No real time passes: the wait between looks at a processing video only records its length.
    const videoProvider = () =>
      createPinterestProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => new Date(),
        baseUrl: pinterest.url,
        wait: async (ms) => {
          waits.push(ms);
        },
      });
    const clip = Buffer.from(Array.from({ length: 3_000 }, (_, index) => (index * 13) % 256));
    beforeEach(() => {
      waits.length = 0;
      pinterest.videoProcessing = ['processing', 'processing', 'succeeded'];
    });

    it('registers the upload, streams the file to the bucket with the policy’s fields, waits, and pins the video', async () => {
      const { connected, board } = await connectBoard('video-baker');
      const video = videoFile(clip, { fileName: 'oven "hot".mp4' });
      const pub = publication('Our oven at work https://bakery.example/oven', { media: async () => [video] });
      const done = await videoProvider().publish(sessionOf(connected), pub);
      if (!done.ok) throw new Error(done.failure.message);
      const pin = pinterest.pins.get(done.value[0]?.remoteId ?? '');
      const mediaId = String(pin?.media_source.media_id);
      expect(pin).toMatchObject({
        board_id: board?.id,
        link: 'https://bakery.example/oven',
        media_source: { source_type: 'video_id', media_id: mediaId, cover_image_key_frame_time: 1 },
      });
      const upload = pinterest.uploads.get(mediaId);
      expect(upload?.bytes?.equals(clip)).toBe(true);
      expect(upload?.contentType).toBe('video/mp4');
      // Streamed with its length declared (S3 refuses chunked bodies), read from storage once, whole.
      expect(upload?.uploadHeaders?.['transfer-encoding']).toBeUndefined();
      expect(Number(upload?.uploadHeaders?.['content-length'])).toBeGreaterThan(clip.length);
      expect(video.reads).toEqual([{ start: 0, end: 2999 }]);
      expect(pinterest.seen('POST', '/v5/media')[0]?.json).toEqual({ media_type: 'video' });
      // Processing after the upload and on the first look; succeeded on the second.
      expect(waits).toEqual([5_000]);
    });

    it('refuses a video Pinterest failed to process; S3’s refusal and a 429 keep their meaning', async () => {
      const { connected } = await connectBoard('video-failures');
      const session = sessionOf(connected);
      pinterest.videoProcessing = ['processing', 'failed'];
      const failed = await videoProvider().publish(
        session,
        publication('x', { media: async () => [videoFile(clip)] }),
      );
      expect(failed.ok ? null : failed.failure).toMatchObject({
        kind: 'rejected',
        message: 'Pinterest could not process the video',
      });
      pinterest.inject({
        method: 'POST',
        path: '/media-upload/',
        status: 400,
        headers: { 'content-type': 'application/xml' },
        body: '<Error><Code>EntityTooLarge</Code><Message>Your proposed upload exceeds the maximum allowed size</Message></Error>',
      });
      const tooLarge = await videoProvider().publish(
        session,
        publication('x', { media: async () => [videoFile(clip)] }),
      );
      expect(tooLarge.ok ? null : tooLarge.failure).toMatchObject({
        kind: 'rejected',
        statusCode: 400,
        message: 'Pinterest refused it (HTTP 400): Your proposed upload exceeds the maximum allowed size',
      });
      pinterest.inject({
        method: 'POST',
        path: '/v5/media',
        status: 429,
        body: { code: 8, message: 'You have exceeded your rate limit. Try again later.' },
        headers: { 'retry-after': '60' },
      });
      const limited = await videoProvider().publish(
        session,
        publication('x', { media: async () => [videoFile(clip)] }),
      );
      expect(limited.ok ? null : limited.failure).toMatchObject({ kind: 'retryable', statusCode: 429 });
      expect(limited.ok ? 0 : (limited.failure.retryAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(50_000);
    });
  });

  it('reads a Pin’s analytics over the last 90 days', async () => {
    const { connected } = await connectBoard('metrics');
    const pub = publication('Measured');
    await provider().publish(sessionOf(connected), pub);
    const id = pub.out[0]?.remoteId ?? '';
    pinterest.analytics.set(id, { IMPRESSION: 840, SAVE: 12, PIN_CLICK: 30, OUTBOUND_CLICK: 9 });
    expect(await provider().metrics(sessionOf(connected), id)).toEqual({
      ok: true,
      value: { impressions: 840, reach: null, likes: 0, comments: 0, shares: 12, clicks: 39 },
    });
    const query = pinterest.seen('GET', `/v5/pins/${id}/analytics`).at(-1)?.query;
    expect(query?.get('metric_types')).toBe('IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK');
  });

  it('has no conversations: an empty page, and a reply refused in plain words', async () => {
    const { connected } = await connectBoard('quiet');
    expect(await provider().mentions(sessionOf(connected), 'c1')).toEqual({
      ok: true,
      value: { mentions: [], cursor: 'c1' },
    });
    const reply = await provider().reply(sessionOf(connected), {
      inReplyTo: '1',
      text: 'Thanks',
      idempotencyKey: 'k',
      writtenAt: '2031-01-01T00:00:00.000Z',
    });
    expect(reply.ok ? null : reply.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('cannot reply'),
    });
  });

  it('maps Pinterest’s errors, and renews tokens with the app’s credentials as HTTP Basic', async () => {
    const { connected } = await connectBoard('errors');
    const session = sessionOf(connected);
    pinterest.inject({
      method: 'POST',
      path: '/v5/pins',
      status: 429,
      body: { code: 8, message: 'You have exceeded your rate limit. Try again later.' },
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '90' },
    });
    const limited = await provider().publish(session, publication('Hi'));
    expect(limited.ok ? null : limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      message: expect.stringContaining('exceeded your rate limit'),
    });
    const wait = (limited.ok ? 0 : (limited.failure.retryAt?.getTime() ?? 0)) - Date.now();
    expect(wait).toBeGreaterThan(80_000);
    expect(wait).toBeLessThanOrEqual(90_000);

    pinterest.inject({ method: 'POST', path: '/v5/pins', status: 500 });
    const down = await provider().publish(session, publication('Hi'));
    expect(down.ok ? null : down.failure.kind).toBe('retryable');

    pinterest.expire(connected.accessToken);
    const expired = await provider().metrics({ ...session, tokenExpiresAt: null }, '1');
    expect(expired.ok ? null : expired.failure).toMatchObject({
      kind: 'auth_expired',
      message: 'Pinterest refused the token (HTTP 401): Authentication failed.',
    });

    const stored: NetworkSession[] = [];
    const renewed = await provider().publish(
      { ...sessionOf(connected, stored), tokenExpiresAt: new Date(Date.now() - 1000).toISOString() },
      publication('After renewal'),
    );
    expect(renewed.ok).toBe(true);
    expect(stored[0]?.accessToken).toMatch(/^at_/);
    const tokenCall = pinterest.seen('POST', '/v5/oauth/token').at(-1);
    expect(tokenCall?.headers.authorization).toBe(
      `Basic ${Buffer.from('pin-app:pin-secret').toString('base64')}`,
    );
    expect(tokenCall?.raw.toString()).not.toContain('client_secret');

    const wrongApp = await provider().refresh({
      ...session,
      oauthClient: { clientId: 'pin-app', clientSecret: 'nope' },
    });
    expect(wrongApp.ok ? null : wrongApp.failure).toMatchObject({
      kind: 'auth_expired',
      message: expect.stringMatching(
        /^Pinterest refused to renew the token; connect the account again .*Client authentication failed/,
      ),
    });
  });
});
