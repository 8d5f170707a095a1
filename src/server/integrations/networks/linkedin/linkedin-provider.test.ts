import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeLinkedInServer } from '../../../../../test/support/networks/linkedin/fake-linkedin-server.js';
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
import { createLinkedInProvider, LINKEDIN_SCOPES } from './linkedin-provider.js';

// The provider over HTTP against the LinkedIn contract fake (test/support/networks/linkedin/): what it
// sends, what it makes of the answers, and how it renews tokens.

describe('LinkedIn provider', () => {
  let linkedin: FakeLinkedInServer;
  // As the registry builds it: wrapped to renew an expiring token before each call (fresh-tokens.ts).
  const provider = () =>
    withFreshTokens(
      createLinkedInProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => new Date(),
        baseUrl: linkedin.url,
      }),
      () => new Date(),
    );
  const client = { clientId: 'li-app', clientSecret: 'li-secret' };

  beforeAll(async () => {
    linkedin = await FakeLinkedInServer.start();
    linkedin.clients.set(client.clientId, client.clientSecret);
  });
  afterAll(async () => {
    await linkedin.close();
  });

  const tokensFor = (subject: string, scopes = LINKEDIN_SCOPES, target?: string): OAuthTokens => {
    const issued = linkedin.issueTokens(subject, scopes);
    return { ...issued, scopes, ...(target ? { target_id: target } : {}) };
  };
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
      dueAt: '2031-03-03T10:00:00.000Z',
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
  /** A member who runs one Page and merely analyses another. */
  const world = () => {
    const { member, urn } = linkedin.addMember('Ada Baker');
    const page = linkedin.addOrganization('The Bakery', 'the-bakery', { [urn]: 'ADMINISTRATOR' });
    const other = linkedin.addOrganization('Flour Mill', 'flour-mill', { [urn]: 'ANALYST' });
    return {
      member,
      urn,
      page,
      pageUrn: `urn:li:organization:${page.id}`,
      otherUrn: `urn:li:organization:${other.id}`,
    };
  };
  const connectAs = async (tokens: OAuthTokens) => {
    const connected = await provider().connect(tokens);
    if (!connected.ok) throw new Error(connected.failure.message);
    return connected.value;
  };

  it('offers the member and the Pages they may post for, and connects either', async () => {
    const { member, urn, pageUrn, otherUrn } = world();
    const tokens = tokensFor(member.sub);
    expect(provider().oauth).toMatchObject({
      authorizeUrl: `${linkedin.url}/oauth/v2/authorization`,
      tokenUrl: `${linkedin.url}/oauth/v2/accessToken`,
      scopeSeparator: ' ',
      clientAuth: 'body',
    });
    const targets = await provider().targets?.(tokens);
    expect(targets).toEqual({
      ok: true,
      value: [
        { id: urn, name: 'Ada Baker', avatarUrl: member.picture },
        { id: pageUrn, name: 'The Bakery', avatarUrl: null },
      ],
    });

    const asMember = await connectAs(tokens);
    expect(asMember).toMatchObject({
      baseUrl: '',
      remoteAccountId: urn,
      displayName: 'Ada Baker',
      avatarUrl: member.picture,
      scopes: LINKEDIN_SCOPES,
    });
    expect(Date.parse(asMember.tokenExpiresAt ?? '') - Date.now()).toBeGreaterThan(59 * 24 * 3_600_000);
    const asPage = await connectAs({ ...tokens, target_id: pageUrn });
    expect(asPage).toMatchObject({
      remoteAccountId: pageUrn,
      displayName: 'The Bakery',
      profileUrl: 'https://www.linkedin.com/company/the-bakery/',
    });

    const notHis = await provider().connect({ ...tokens, target_id: otherUrn });
    expect(notHis.ok ? null : notHis.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('only its administrators'),
    });
    // A token with the member scopes only (an app with just "Share on LinkedIn"): the member alone.
    const memberOnly = await provider().targets?.(
      tokensFor(member.sub, ['openid', 'profile', 'w_member_social']),
    );
    expect(memberOnly?.ok && memberOnly.value.map((target) => target.id)).toEqual([urn]);
    // Scopes not reported, and LinkedIn refuses the Pages lookup: still the member.
    const unreported = { ...tokensFor(member.sub, ['openid', 'profile', 'w_member_social']), scopes: [] };
    const fallback = await provider().targets?.(unreported);
    expect(fallback?.ok && fallback.value.map((target) => target.id)).toEqual([urn]);
  });

  it('publishes as a Page with escaped commentary and images, then a first comment, and never twice', async () => {
    const { member, pageUrn } = world();
    const session = sessionOf(await connectAs(tokensFor(member.sub, LINKEDIN_SCOPES, pageUrn)));
    const text =
      'Fresh rye (today only) – 20% off *all* loaves @ the shop #bakery https://bakery.example/menu_new';
    const first = publication([text], {
      media: async () => [jpeg('A rye loaf'), jpeg('A crumb shot')],
      firstComment: 'Order at the counter',
    });
    const sent = await provider().publish(session, first);
    expect(sent.ok).toBe(true);
    expect(first.out).toHaveLength(2);
    const [post, comment] = first.out;
    const stored = linkedin.posts.get(post?.remoteId ?? '');
    // LinkedIn shows the text as written: nothing cut at a parenthesis or an asterisk.
    expect(stored).toMatchObject({
      author: pageUrn,
      shownText: text,
      altTexts: ['A rye loaf', 'A crumb shot'],
    });
    expect(post?.url).toBe(`https://www.linkedin.com/feed/update/${post?.remoteId}/`);
    expect(stored?.images.map((image) => linkedin.images.get(image)?.contentType)).toEqual([
      'image/jpeg',
      'image/jpeg',
    ]);
    expect(comment).toMatchObject({
      position: 1,
      remoteId: expect.stringMatching(/^urn:li:comment:\(urn:li:ugcPost:\d+,\d+\)$/),
    });
    expect(linkedin.comments.find((c) => c.urn === comment?.remoteId)).toMatchObject({
      actor: pageUrn,
      text: 'Order at the counter',
    });
    const postCall = linkedin.seen('POST', '/rest/posts').at(-1);
    expect(postCall?.headers).toMatchObject({
      'linkedin-version': '202605',
      'x-restli-protocol-version': '2.0.0',
    });

    // A retry after everything went out sends nothing again.
    const before = linkedin.requests.length;
    const again = await provider().publish(
      session,
      publication([text], { firstComment: 'Order at the counter', published: first.out }),
    );
    expect(again).toEqual({ ok: true, value: first.out });
    expect(linkedin.requests.length).toBe(before);
  });

  it('refuses threads, and a video beside images, before sending anything', async () => {
    const { member } = world();
    const session = sessionOf(await connectAs(tokensFor(member.sub)));
    const before = linkedin.requests.length;
    const thread = await provider().publish(session, publication(['one', 'two']));
    expect(thread.ok ? null : thread.failure.message).toBe(
      'LinkedIn has no threads: put the text in one post',
    );
    const mixed = await provider().publish(
      session,
      publication(['clip'], { media: async () => [videoFile(Buffer.alloc(100)), jpeg('')] }),
    );
    expect(mixed.ok ? null : mixed.failure).toMatchObject({
      kind: 'rejected',
      message: expect.stringContaining('one video alone'),
    });
    expect(linkedin.requests.length).toBe(before);
  });

  describe('video', () => {
    const waits: number[] = [];
    // No real time passes: the wait between looks at a processing video only records its length.
    const videoProvider = () =>
      createLinkedInProvider({
        fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1'] })),
        timeoutMs: 5_000,
        now: () => new Date(),
        baseUrl: linkedin.url,
        wait: async (ms) => {
          waits.push(ms);
        },
      });
    const clip = Buffer.from(Array.from({ length: 2_500 }, (_, index) => (index * 7) % 256));
    beforeEach(() => {
      waits.length = 0;
      linkedin.videoPartBytes = 1_000;
      linkedin.videoProcessing = ['PROCESSING', 'PROCESSING', 'AVAILABLE'];
    });

    it('uploads each part to its address, finalizes with the ETags, waits for AVAILABLE and posts the video', async () => {
      const { member, pageUrn } = world();
      const session = sessionOf(await connectAs(tokensFor(member.sub, LINKEDIN_SCOPES, pageUrn)));
      const video = videoFile(clip);
      const pub = publication(['Our new oven'], { media: async () => [video], title: 'The oven' });
      const done = await videoProvider().publish(session, pub);
      if (!done.ok) throw new Error(done.failure.message);
      const post = linkedin.posts.get(done.value[0]?.remoteId ?? '');
      expect(post).toMatchObject({ author: pageUrn, shownText: 'Our new oven', images: [] });
      expect(post?.video).toMatch(/^urn:li:video:/);
      const sent = linkedin.requests.findLast((request) => request.path === '/rest/posts');
      expect(sent?.json).toMatchObject({ content: { media: { id: post?.video, title: 'The oven' } } });
      expect(linkedin.videoBytes(post?.video ?? '')?.equals(clip)).toBe(true);
      expect(video.reads).toEqual([
        { start: 0, end: 999 },
        { start: 1000, end: 1999 },
        { start: 2000, end: 2499 },
      ]);
      const init = linkedin.requests.find(
        (request) => request.path === '/rest/videos' && request.query.get('action') === 'initializeUpload',
      );
      expect(init?.json).toEqual({
        initializeUploadRequest: {
          owner: pageUrn,
          fileSizeBytes: 2500,
          uploadCaptions: false,
          uploadThumbnail: false,
        },
      });
      const finalize = linkedin.requests.find((request) => request.query.get('action') === 'finalizeUpload');
      expect(finalize?.json).toMatchObject({
        finalizeUploadRequest: {
          video: post?.video,
          uploadedPartIds: linkedin.videos.get(post?.video ?? '')?.parts.map((part) => part.etag),
        },
      });
      // Processing once after finalizing, once on the first look: one wait, then AVAILABLE.
      expect(waits).toEqual([5_000]);
    });

    it('refuses a video LinkedIn failed to process, with its reason; a 429 on a part is retryable', async () => {
      const { member } = world();
      const session = sessionOf(await connectAs(tokensFor(member.sub)));
      linkedin.videoProcessing = ['PROCESSING', 'PROCESSING_FAILED'];
      const failed = await videoProvider().publish(
        session,
        publication(['clip'], { media: async () => [videoFile(clip)] }),
      );
      expect(failed.ok ? null : failed.failure).toMatchObject({
        kind: 'rejected',
        message: 'LinkedIn could not process the video: Video format is not supported',
      });
      linkedin.inject({
        method: 'PUT',
        path: /^\/dms-uploads\/video\//,
        status: 429,
        body: { status: 429, message: 'Too many requests' },
        headers: { 'retry-after': '30' },
      });
      const limited = await videoProvider().publish(
        session,
        publication(['clip'], { media: async () => [videoFile(clip)] }),
      );
      expect(limited.ok ? null : limited.failure).toMatchObject({ kind: 'retryable', statusCode: 429 });
      expect(limited.ok ? 0 : (limited.failure.retryAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(20_000);
    });
  });

  it('reads a Page post’s statistics, and says what LinkedIn refuses for a member’s', async () => {
    const { member, urn, pageUrn } = world();
    const page = sessionOf(await connectAs(tokensFor(member.sub, LINKEDIN_SCOPES, pageUrn)));
    const pub = publication(['Hello from the bakery']);
    await provider().publish(page, pub);
    const postUrn = pub.out[0]?.remoteId ?? '';
    linkedin.statistics.set(postUrn, {
      impressionCount: 120,
      uniqueImpressionsCount: 90,
      likeCount: 7,
      commentCount: 2,
      shareCount: 1,
      clickCount: 11,
    });
    expect(await provider().metrics(page, postUrn)).toEqual({
      ok: true,
      value: { impressions: 120, reach: 90, likes: 7, comments: 2, shares: 1, clicks: 11 },
    });

    const me = sessionOf(await connectAs(tokensFor(member.sub)));
    const mine = publication(['A member post']);
    await provider().publish(me, mine);
    expect(linkedin.posts.get(mine.out[0]?.remoteId ?? '')?.author).toBe(urn);
    const refused = await provider().metrics(me, mine.out[0]?.remoteId ?? '');
    expect(refused.ok ? null : refused.failure).toMatchObject({
      kind: 'rejected',
      statusCode: 403,
      message: expect.stringContaining('Not enough permissions to access: socialActions.GET'),
    });
    // With r_member_social (approved partners), likes and comments; views and clicks stay unknown.
    const partner = sessionOf(
      await connectAs(tokensFor(member.sub, [...LINKEDIN_SCOPES, 'r_member_social'])),
    );
    expect(await provider().metrics(partner, mine.out[0]?.remoteId ?? '')).toEqual({
      ok: true,
      value: { impressions: null, reach: null, clicks: null, likes: 0, comments: 0, shares: 0 },
    });
  });

  it('reads comments on a Page’s posts after the cursor, and replies in the thread', async () => {
    const { member, pageUrn } = world();
    const page = sessionOf(await connectAs(tokensFor(member.sub, LINKEDIN_SCOPES, pageUrn)));
    const pub = publication(['Ask us anything']);
    await provider().publish(page, pub);
    const postUrn = pub.out[0]?.remoteId ?? '';
    const t0 = Date.now() - 60_000;
    const early = linkedin.addComment('urn:li:person:fan1', postUrn, 'Gluten-free?', null, t0);
    const late = linkedin.addComment('urn:li:person:fan2', postUrn, 'Open Sunday?', null, t0 + 1000);
    linkedin.addComment(pageUrn, postUrn, 'Our own note', null, t0 + 2000);

    const first = await provider().mentions(page, null);
    expect(first.ok && first.value.mentions).toEqual([
      expect.objectContaining({
        remoteId: early.urn,
        inReplyTo: postUrn,
        text: 'Gluten-free?',
        author: { remoteId: 'urn:li:person:fan1', name: null, handle: 'urn:li:person:fan1' },
      }),
      expect.objectContaining({ remoteId: late.urn, sentAt: new Date(t0 + 1000).toISOString() }),
    ]);
    const cursor = first.ok ? first.value.cursor : null;
    expect(cursor).toBe(String(t0 + 1000));
    const next = await provider().mentions(page, cursor);
    expect(next).toEqual({ ok: true, value: { mentions: [], cursor } });

    const replied = await provider().reply(page, {
      inReplyTo: early.urn,
      text: 'Yes, on Fridays',
      idempotencyKey: 'r1',
      writtenAt: new Date().toISOString(),
    });
    expect(replied.ok).toBe(true);
    const answer = linkedin.comments.at(-1);
    expect(answer).toMatchObject({
      actor: pageUrn,
      object: postUrn,
      parentComment: early.urn,
      text: 'Yes, on Fridays',
    });
    expect(
      linkedin.seen('POST', `/rest/socialActions/${encodeURIComponent(early.urn)}/comments`),
    ).toHaveLength(1);

    // A member's comments are for approved partners: nothing is read, nothing fails.
    const me = sessionOf(await connectAs(tokensFor(member.sub)));
    expect(await provider().mentions(me, '5')).toEqual({ ok: true, value: { mentions: [], cursor: '5' } });
  });

  it('maps LinkedIn’s errors onto the failure kinds', async () => {
    const { member } = world();
    const connected = await connectAs(tokensFor(member.sub));
    const session = sessionOf(connected);
    linkedin.inject({
      method: 'POST',
      path: '/rest/posts',
      status: 429,
      body: {
        status: 429,
        message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      },
      headers: { 'retry-after': '120' },
    });
    const limited = await provider().publish(session, publication(['Hi']));
    expect(limited.ok ? null : limited.failure).toMatchObject({
      kind: 'retryable',
      statusCode: 429,
      message: expect.stringContaining('Resource level throttle'),
    });
    const retryAt = limited.ok ? null : limited.failure.retryAt;
    expect(Math.round(((retryAt?.getTime() ?? 0) - Date.now()) / 1000)).toBeGreaterThan(100);

    linkedin.inject({ method: 'POST', path: '/rest/posts', status: 503 });
    const down = await provider().publish(session, publication(['Hi']));
    expect(down.ok ? null : down.failure.kind).toBe('retryable');

    const tooLong = await provider().publish(session, publication(['x'.repeat(3001)]));
    expect(tooLong.ok ? null : tooLong.failure).toEqual({
      kind: 'rejected',
      statusCode: 422,
      retryAt: null,
      message:
        'LinkedIn refused it (HTTP 422): ERROR :: /commentary :: length of commentary exceeds the maximum allowed 3000',
      networkSaid: 'ERROR :: /commentary :: length of commentary exceeds the maximum allowed 3000',
    });

    linkedin.expire(connected.accessToken);
    // No expiry known to the session: the token is sent, and LinkedIn's 401 says to reconnect.
    const expired = await provider().publish({ ...session, tokenExpiresAt: null }, publication(['Hi']));
    expect(expired.ok ? null : expired.failure).toMatchObject({
      kind: 'auth_expired',
      message: 'LinkedIn refused the token (HTTP 401): The token used in the request has expired',
    });
  });

  it('renews a token about to expire before a call, and asks to reconnect when the refresh token is gone', async () => {
    const { member } = world();
    const connected = await connectAs(tokensFor(member.sub));
    const stored: NetworkSession[] = [];
    const session = {
      ...sessionOf(connected, stored),
      tokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    const sent = await provider().publish(session, publication(['Renewed first']));
    expect(sent.ok).toBe(true);
    expect(stored).toHaveLength(1);
    expect(stored[0]?.accessToken).not.toBe(connected.accessToken);
    expect(linkedin.seen('POST', '/oauth/v2/accessToken').at(-1)?.raw.toString()).toContain(
      'client_secret=li-secret',
    );
    expect(linkedin.seen('POST', '/rest/posts').at(-1)?.headers.authorization).toBe(
      `Bearer ${stored[0]?.accessToken}`,
    );

    // Most LinkedIn apps get no refresh token: the token serves until it lapses, then the account reconnects.
    const noRefresh = { ...sessionOf(connected), refreshToken: null };
    const kept = await provider().refresh(noRefresh);
    expect(kept.ok && kept.value.accessToken).toBe(connected.accessToken);
    const lapsed = await provider().refresh({
      ...noRefresh,
      tokenExpiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    expect(lapsed.ok ? null : lapsed.failure).toMatchObject({
      kind: 'auth_expired',
      message:
        'LinkedIn: the token expired and LinkedIn issued no refresh token for it; connect the account again',
    });

    linkedin.revokeRefresh(stored[0]?.refreshToken ?? '');
    const gone = await provider().refresh({
      ...sessionOf(connected),
      refreshToken: stored[0]?.refreshToken ?? null,
    });
    expect(gone.ok ? null : gone.failure).toMatchObject({
      kind: 'auth_expired',
      message: expect.stringContaining('refused to renew the token; connect the account again'),
    });
  });
});
