import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FixedWindowLimiter, resetEpochSeconds } from '../rate-limit.js';

// X as its API v2 reference describes it (docs.x.com/x-api): OAuth 2 authorization code with PKCE
// (the consent page at /i/oauth2/authorize approves or denies at once and redirects back; the token
// endpoint at /2/oauth2/token with HTTP Basic for confidential clients or client_id for public ones,
// single-use refresh tokens), bearer user tokens that expire after two hours, POST /2/tweets, GET
// /2/tweets/:id with public_metrics, GET /2/users/:id/mentions with since_id, POST /2/media/upload and
// /2/media/metadata, and the chunked upload for video (POST /2/media/upload/initialize, /{id}/append,
// /{id}/finalize, GET /2/media/upload?command=STATUS while processing). Errors in X's wording: problem JSON (`title`, `detail`, `type`), 401 Unauthorized,
// 403 for duplicate content, 429 with `x-rate-limit-reset` in epoch seconds. Tests inject failures.
//
// Direct messages as docs.x.com/x-api/direct-messages describes them: GET /2/dm_events (the account's
// events newest first, `max_results` up to 100, `pagination_token` from `meta.next_token`, fields and
// expansions only as asked), GET /2/dm_conversations/:id/dm_events, and POST
// /2/dm_conversations/:id/messages ({ text }, answered 201 with the event's id). One-to-one conversations
// are named `{smaller user id}-{larger user id}`. Reading needs `dm.read` (with `tweet.read` and
// `users.read`), sending `dm.write` too; a token without them gets X's bare 403 (`detail: "Forbidden"`).

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
}

export interface FakeTweet {
  id: string;
  authorId: string;
  text: string;
  inReplyTo: string | null;
  mediaIds: string[];
  createdAt: string;
  metrics: {
    retweet_count: number;
    reply_count: number;
    like_count: number;
    quote_count: number;
    impression_count: number;
  };
}

export interface FakeXMedia {
  id: string;
  category: string;
  mimeType: string;
  size: number;
  altText: string | null;
  /** Chunked uploads: the segments APPENDed, by index, and where processing is. */
  segments?: Map<number, Buffer>;
  /** Chunked uploads: absent until FINALIZE; the steps STATUS still has to report. */
  processing?: FakeXProcessing[];
  state?: 'uploading' | 'pending' | 'in_progress' | 'succeeded' | 'failed';
}

/** One STATUS answer's `processing_info`. */
export interface FakeXProcessing {
  state: 'pending' | 'in_progress' | 'succeeded' | 'failed';
  check_after_secs?: number;
  progress_percent?: number;
  error?: { code: number; name: string; message: string };
}

/** One DM event (a message; the fake has no group joins or leaves). */
export interface FakeDmEvent {
  id: string;
  conversationId: string;
  senderId: string;
  /** Who is in the conversation (both sides of a one-to-one). */
  participants: string[];
  text: string;
  createdAt: string;
}

const DM_EVENT_FIELDS = [
  'id',
  'text',
  'event_type',
  'dm_conversation_id',
  'created_at',
  'sender_id',
  'attachments',
  'participant_ids',
  'referenced_tweets',
];
const DM_EXPANSIONS = ['attachments.media_keys', 'referenced_tweets.id', 'sender_id', 'participant_ids'];
const DM_EVENT_TYPES = ['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'];
const USER_FIELDS = [
  'created_at',
  'description',
  'entities',
  'id',
  'location',
  'name',
  'pinned_tweet_id',
  'profile_image_url',
  'protected',
  'public_metrics',
  'url',
  'username',
  'verified',
  'withheld',
];
/** What one direct message may hold (docs.x.com: 10,000 characters). */
const MAX_DM_LENGTH = 10_000;

/** X's limit on a chunked upload's total size (docs.x.com media best practices: 512 MB). */
const MAX_VIDEO_BYTES = 512 * 1024 * 1024;
/** X's limit on one APPEND segment. */
const MAX_SEGMENT_BYTES = 5 * 1024 * 1024;

/** One request as the fake saw it. */
export interface SeenXRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  form: Record<string, string> | null;
  json: Record<string, unknown> | null;
}

/** A failure to answer with instead of (or, with `afterHandling`, after doing) the real work. */
export interface XInjection {
  method: string;
  path: string | RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string> | (() => Record<string, string>);
  afterHandling?: boolean;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  challenge: string | null;
  scopes: string[];
  userId: string;
}

const ACCESS_TTL_SECONDS = 7200;
const MAX_TWEET_LENGTH = 280;

export class FakeXServer {
  readonly tweets = new Map<string, FakeTweet>();
  readonly media = new Map<string, FakeXMedia>();
  readonly requests: SeenXRequest[] = [];
  readonly users = new Map<string, FakeXUser>();
  /** Direct messages, oldest first. */
  readonly dmEvents: FakeDmEvent[] = [];
  private readonly apps = new Map<string, string | null>();
  private readonly codes = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, { userId: string; scopes: string[]; expiresAt: number }>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly injections: XInjection[] = [];
  private nextId = 1_800_000_000_000_000_000n;
  /** Who approves on the consent page; null: the person denies (error=access_denied). */
  approver: FakeXUser | null = null;
  /** The fake's clock (token expiry); tests move it to expire tokens. */
  clockMs = Date.now();
  /**
   * Per-user limit on POST /2/tweets (X: so many per 15-minute window by API tier, reported in
   * x-rate-limit-limit/remaining/reset, the reset in epoch seconds; past it, 429 Too Many Requests).
   */
  limiter: FixedWindowLimiter | undefined;
  /**
   * What FINALIZE and then each STATUS report for a video, in turn (the last repeats): pending, then in
   * progress, then succeeded unless a test scripts a failure.
   */
  videoProcessing: FakeXProcessing[] = [
    { state: 'pending', check_after_secs: 1 },
    { state: 'in_progress', check_after_secs: 3, progress_percent: 40 },
    { state: 'succeeded', progress_percent: 100 },
  ];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeXServer> {
    let fake: FakeXServer | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response).catch((error: unknown) => {
        send(response, 500, problem(500, 'Internal Server Error', String(error)));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    fake = new FakeXServer(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  now(): Date {
    return new Date(this.clockMs);
  }

  /** An app in the developer portal; a null secret is a public client (PKCE only). */
  registerApp(clientId: string, clientSecret: string | null): void {
    this.apps.set(clientId, clientSecret);
  }

  addUser(username: string, name = username): FakeXUser {
    const user = { id: this.id(), username, name };
    this.users.set(user.id, user);
    return user;
  }

  /** A token issued to `user` without the consent page (provider tests). */
  issueTokens(
    user: FakeXUser,
    clientId: string,
    scopes: string[] = [
      'tweet.read',
      'tweet.write',
      'users.read',
      'offline.access',
      'media.write',
      'dm.read',
      'dm.write',
    ],
  ) {
    return this.tokensFor({ clientId, redirectUri: '', challenge: null, scopes, userId: user.id });
  }

  /** The person revoked the app's access (Settings → Connected apps): refresh tokens stop working. */
  revokeRefreshTokens(): void {
    this.refreshTokens.clear();
  }

  inject(injection: XInjection): void {
    this.injections.push(injection);
  }

  /** The next request to `path` answers 429 until a minute from the fake's now. */
  rateLimit(method: string, path: string | RegExp): void {
    this.inject({
      method,
      path,
      status: 429,
      body: problem(429, 'Too Many Requests', 'Too Many Requests'),
      headers: () => ({
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(Math.floor(this.clockMs / 1000) + 60),
      }),
    });
  }

  /** `from` writes to `to` in their one-to-one conversation. */
  directMessage(from: FakeXUser, to: FakeXUser, text: string): FakeDmEvent {
    const [low, high] = [from.id, to.id].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    return this.storeDm(`${low}-${high}`, from.id, [from.id, to.id], text);
  }

  /** `from` writes in a group conversation of `members` (started now; X names a group by one number). */
  groupMessage(from: FakeXUser, members: FakeXUser[], text: string): FakeDmEvent {
    return this.storeDm(this.id(), from.id, [from.id, ...members.map((member) => member.id)], text);
  }

  /** The messages of a conversation, oldest first. */
  dmEventsIn(conversationId: string): FakeDmEvent[] {
    return this.dmEvents.filter((event) => event.conversationId === conversationId);
  }

  private storeDm(
    conversationId: string,
    senderId: string,
    participants: string[],
    text: string,
  ): FakeDmEvent {
    const event: FakeDmEvent = {
      id: this.id(),
      conversationId,
      senderId,
      participants,
      text,
      createdAt: this.now().toISOString(),
    };
    this.dmEvents.push(event);
    return event;
  }

  /** Someone mentions `to`, optionally replying to one of its posts. */
  mention(from: FakeXUser, to: FakeXUser, text: string, inReplyTo: string | null = null): FakeTweet {
    return this.store(from, `@${to.username} ${text}`, inReplyTo, []);
  }

  private store(author: FakeXUser, text: string, inReplyTo: string | null, mediaIds: string[]): FakeTweet {
    const tweet: FakeTweet = {
      id: this.id(),
      authorId: author.id,
      text,
      inReplyTo,
      mediaIds,
      createdAt: this.now().toISOString(),
      metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, impression_count: 0 },
    };
    this.tweets.set(tweet.id, tweet);
    if (inReplyTo) {
      const parent = this.tweets.get(inReplyTo);
      if (parent) parent.metrics.reply_count += 1;
    }
    return tweet;
  }

  private id(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private tokensFor(grant: Grant) {
    const access = `xat_${randomBytes(18).toString('base64url')}`;
    const refresh = `xrt_${randomBytes(18).toString('base64url')}`;
    this.accessTokens.set(access, {
      userId: grant.userId,
      scopes: grant.scopes,
      expiresAt: this.clockMs + ACCESS_TTL_SECONDS * 1000,
    });
    if (grant.scopes.includes('offline.access')) this.refreshTokens.set(refresh, grant);
    return {
      token_type: 'bearer',
      expires_in: ACCESS_TTL_SECONDS,
      access_token: access,
      scope: grant.scopes.join(' '),
      ...(grant.scopes.includes('offline.access') ? { refresh_token: refresh } : {}),
    };
  }

  /** A video's bytes as X assembled them from its segments. */
  videoBytes(id: string): Buffer | undefined {
    const segments = this.media.get(id)?.segments;
    if (!segments) return undefined;
    return Buffer.concat([...segments.entries()].sort(([a], [b]) => a - b).map(([, bytes]) => bytes));
  }

  private initialize(body: Record<string, unknown>): [number, unknown] {
    const total = Number(body.total_bytes);
    const type = typeof body.media_type === 'string' ? body.media_type : '';
    const category = typeof body.media_category === 'string' ? body.media_category : '';
    if (!['tweet_video', 'tweet_gif', 'tweet_image', 'amplify_video'].includes(category)) {
      return [400, invalidRequest('media_category', `The media_category ${category} is invalid.`)];
    }
    if (!/^(video\/(mp4|quicktime|webm)|image\/(gif|jpeg|png|webp))$/.test(type)) {
      return [400, invalidRequest('media_type', `The media_type ${type} is not supported.`)];
    }
    if (!Number.isInteger(total) || total <= 0) {
      return [400, invalidRequest('total_bytes', 'The total_bytes parameter is required.')];
    }
    if (total > MAX_VIDEO_BYTES) {
      return [400, invalidRequest('total_bytes', `File size exceeds ${MAX_VIDEO_BYTES} bytes.`)];
    }
    const media: FakeXMedia = {
      id: this.id(),
      category,
      mimeType: type,
      size: total,
      altText: null,
      segments: new Map(),
      state: 'uploading',
    };
    this.media.set(media.id, media);
    return [200, { data: { id: media.id, media_key: `7_${media.id}`, expires_after_secs: 86_400 } }];
  }

  private async append(media: FakeXMedia, raw: Buffer, contentType: string): Promise<[number, unknown]> {
    if (!contentType.startsWith('multipart/form-data')) {
      return [400, invalidRequest('media', 'The request must be multipart/form-data.')];
    }
    const form = await new Request(this.url, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(raw),
    })
      .formData()
      .catch(() => null);
    const file = form?.get('media');
    const index = Number(form?.get('segment_index'));
    if (!(file instanceof Blob)) return [400, invalidRequest('media', 'The media field is required.')];
    if (!Number.isInteger(index) || index < 0 || index > 999) {
      return [400, invalidRequest('segment_index', 'The segment_index must be between 0 and 999.')];
    }
    if (file.size > MAX_SEGMENT_BYTES) {
      return [400, invalidRequest('media', `Segment size exceeds ${MAX_SEGMENT_BYTES} bytes.`)];
    }
    if (media.state !== 'uploading') return [400, invalidRequest('id', 'The media was already finalized.')];
    media.segments?.set(index, Buffer.from(await file.arrayBuffer()));
    return [200, { data: { expires_at: Math.floor(this.clockMs / 1000) + 86_400 } }];
  }

  private finalize(media: FakeXMedia): [number, unknown] {
    const received = [...(media.segments?.values() ?? [])].reduce((sum, bytes) => sum + bytes.length, 0);
    if (received !== media.size) {
      return [400, invalidRequest('id', 'Segments do not add up to provided total file size.')];
    }
    const data = { id: media.id, media_key: `7_${media.id}`, size: media.size, expires_after_secs: 86_400 };
    if (media.category !== 'tweet_video' && media.category !== 'amplify_video') {
      media.state = 'succeeded';
      return [200, { data }];
    }
    media.processing = [...this.videoProcessing];
    return [200, { data: { ...data, processing_info: this.step(media) } }];
  }

  /** The next processing step of a video (the last one repeats). */
  private step(media: FakeXMedia): FakeXProcessing {
    const steps = media.processing ?? [];
    const step = (steps.length > 1 ? steps.shift() : steps[0]) ?? { state: 'succeeded' };
    media.state = step.state;
    return step;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const raw = await readBody(request);
    const contentType = request.headers['content-type'] ?? '';
    const seen: SeenXRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization ?? null,
      form: contentType.startsWith('application/x-www-form-urlencoded')
        ? Object.fromEntries(new URLSearchParams(raw.toString('utf8')))
        : null,
      json: contentType.startsWith('application/json') ? safeJson(raw) : null,
    };
    this.requests.push(seen);
    const injected = this.injections.findIndex(
      (candidate) =>
        candidate.method === seen.method &&
        (typeof candidate.path === 'string' ? candidate.path === seen.path : candidate.path.test(seen.path)),
    );
    const injection = injected >= 0 ? this.injections.splice(injected, 1)[0] : undefined;
    if (injection && !injection.afterHandling) return answerInjected(response, injection);

    const route = `${seen.method} ${url.pathname}`;
    let windowHeaders: Record<string, string> = {};
    let status: number;
    let body: unknown;
    if (route === 'GET /i/oauth2/authorize') return this.authorize(url, response);
    if (route === 'POST /2/oauth2/token') [status, body] = this.token(request, seen.form ?? {});
    else {
      const caller = this.caller(request);
      if (!caller) return send(response, 401, problem(401, 'Unauthorized', 'Unauthorized'));
      const verdict = route === 'POST /2/tweets' ? this.limiter?.take(caller.user.id) : undefined;
      if (verdict) {
        windowHeaders = {
          'x-rate-limit-limit': String(verdict.limit),
          'x-rate-limit-remaining': String(verdict.remaining),
          'x-rate-limit-reset': String(resetEpochSeconds(verdict)),
        };
      }
      if (verdict && !verdict.ok) {
        return send(response, 429, problem(429, 'Too Many Requests', 'Too Many Requests'), windowHeaders);
      }
      [status, body] = await this.api(seen, url, caller, raw, contentType);
    }
    if (injection) return answerInjected(response, injection);
    send(response, status, body, windowHeaders);
  }

  private caller(request: IncomingMessage): { user: FakeXUser; scopes: string[] } | undefined {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    const token = match?.[1] ? this.accessTokens.get(match[1]) : undefined;
    if (!token || token.expiresAt <= this.clockMs) return undefined;
    const user = this.users.get(token.userId);
    return user ? { user, scopes: token.scopes } : undefined;
  }

  /** The consent page: approve (a code) or deny, and back to the app's redirect URI. */
  private authorize(url: URL, response: ServerResponse): void {
    const query = url.searchParams;
    const redirectUri = query.get('redirect_uri') ?? '';
    const clientId = query.get('client_id') ?? '';
    if (query.get('response_type') !== 'code' || !this.apps.has(clientId) || !redirectUri) {
      response.writeHead(400, { 'content-type': 'text/plain' });
      response.end('Something went wrong: you weren’t able to give access to the App.');
      return;
    }
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state) back.searchParams.set('state', state);
    if (!this.approver) {
      back.searchParams.set('error', 'access_denied');
    } else {
      const challenge = query.get('code_challenge');
      if (challenge && query.get('code_challenge_method') !== 'S256') {
        back.searchParams.set('error', 'invalid_request');
      } else {
        const code = randomBytes(24).toString('base64url');
        this.codes.set(code, {
          clientId,
          redirectUri,
          challenge,
          scopes: (query.get('scope') ?? '').split(' ').filter(Boolean),
          userId: this.approver.id,
        });
        back.searchParams.set('code', code);
      }
    }
    response.writeHead(302, { location: back.toString() });
    response.end();
  }

  private token(request: IncomingMessage, form: Record<string, string>): [number, unknown] {
    const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    let clientId = form.client_id ?? '';
    if (basic) {
      const [id = '', secret = ''] = Buffer.from(basic, 'base64')
        .toString('utf8')
        .split(':')
        .map(decodeURIComponent);
      if (!this.apps.has(id) || this.apps.get(id) !== secret) {
        return [
          401,
          { error: 'unauthorized_client', error_description: 'Missing valid authorization header' },
        ];
      }
      clientId = id;
    } else if (!this.apps.has(clientId) || this.apps.get(clientId) !== null) {
      // A confidential client must authenticate; an unknown one is refused outright.
      return [401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' }];
    }
    if (form.grant_type === 'authorization_code') {
      const grant = this.codes.get(form.code ?? '');
      this.codes.delete(form.code ?? '');
      const verifierOk =
        grant?.challenge === null ||
        (form.code_verifier !== undefined &&
          createHash('sha256').update(form.code_verifier).digest('base64url') === grant?.challenge);
      if (!grant || grant.clientId !== clientId || grant.redirectUri !== form.redirect_uri || !verifierOk) {
        return [
          400,
          {
            error: 'invalid_request',
            error_description: 'Value passed for the authorization code was invalid.',
          },
        ];
      }
      return [200, this.tokensFor(grant)];
    }
    if (form.grant_type === 'refresh_token') {
      const grant = this.refreshTokens.get(form.refresh_token ?? '');
      // Single use: the token is spent whether or not the answer reaches the client.
      this.refreshTokens.delete(form.refresh_token ?? '');
      if (!grant || grant.clientId !== clientId) {
        return [
          400,
          { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' },
        ];
      }
      return [200, this.tokensFor(grant)];
    }
    return [400, { error: 'unsupported_grant_type', error_description: 'Grant type is not supported.' }];
  }

  /** GET /2/dm_events (every conversation of the caller's) or one conversation's events. */
  private listDmEvents(
    query: URLSearchParams,
    caller: FakeXUser,
    conversationId: string | null,
  ): [number, unknown] {
    const fields = listParameter(query, 'dm_event.fields', DM_EVENT_FIELDS);
    const expansions = listParameter(query, 'expansions', DM_EXPANSIONS);
    const types = listParameter(query, 'event_types', DM_EVENT_TYPES);
    const userFields = listParameter(query, 'user.fields', USER_FIELDS);
    for (const [name, parsed] of [
      ['dm_event.fields', fields],
      ['expansions', expansions],
      ['event_types', types],
      ['user.fields', userFields],
    ] as const) {
      if (!Array.isArray(parsed)) {
        return [
          400,
          invalidRequest(
            name,
            `The \`${name}\` query parameter value [${parsed.unknown}] is not one of [${(name === 'expansions' ? DM_EXPANSIONS : name === 'event_types' ? DM_EVENT_TYPES : name === 'user.fields' ? USER_FIELDS : DM_EVENT_FIELDS).join(',')}]`,
          ),
        ];
      }
    }
    const max = Number(query.get('max_results') ?? 100);
    if (!Number.isInteger(max) || max < 1 || max > 100) {
      return [
        400,
        invalidRequest(
          'max_results',
          `The \`max_results\` query parameter value [${query.get('max_results')}] is not between 1 and 100`,
        ),
      ];
    }
    const token = query.get('pagination_token');
    const before = token ? Buffer.from(token, 'base64url').toString('utf8') : null;
    if (before !== null && !/^\d+$/.test(before)) {
      return [
        400,
        invalidRequest(
          'pagination_token',
          `The \`pagination_token\` query parameter value [${token}] is invalid`,
        ),
      ];
    }
    const wanted = fields as string[];
    const eventTypes = types as string[];
    const found = this.dmEvents
      .filter((event) => event.participants.includes(caller.id))
      .filter((event) => conversationId === null || event.conversationId === conversationId)
      .filter(() => eventTypes.length === 0 || eventTypes.includes('MessageCreate'))
      .filter((event) => before === null || BigInt(event.id) < BigInt(before))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
    const page = found.slice(0, max);
    if (page.length === 0) return [200, { meta: { result_count: 0 } }];
    const last = page.at(-1);
    const senders = (expansions as string[]).includes('sender_id')
      ? [...new Set(page.map((event) => event.senderId))].flatMap((id) => {
          const user = this.users.get(id);
          return user ? [this.userObject(user, userFields as string[])] : [];
        })
      : [];
    return [
      200,
      {
        data: page.map((event) => ({
          id: event.id,
          event_type: 'MessageCreate',
          text: event.text,
          ...(wanted.includes('dm_conversation_id') ? { dm_conversation_id: event.conversationId } : {}),
          ...(wanted.includes('created_at') ? { created_at: event.createdAt } : {}),
          ...(wanted.includes('sender_id') ? { sender_id: event.senderId } : {}),
        })),
        ...(senders.length > 0 ? { includes: { users: senders } } : {}),
        meta: {
          result_count: page.length,
          ...(last && found.length > max ? { next_token: Buffer.from(last.id).toString('base64url') } : {}),
        },
      },
    ];
  }

  /** POST /2/dm_conversations/:id/messages: a message from the caller into a conversation they are in. */
  private sendDm(
    conversationId: string,
    caller: FakeXUser,
    body: Record<string, unknown> | null,
  ): [number, unknown] {
    const text = body?.text;
    if (typeof text !== 'string' || text.length === 0) {
      return [400, invalidRequest('text', 'One of text or attachments must be provided.')];
    }
    if ([...text].length > MAX_DM_LENGTH) {
      return [400, invalidRequest('text', `The text must not be longer than ${MAX_DM_LENGTH} characters.`)];
    }
    const participants = this.dmEvents.find((event) => event.conversationId === conversationId)?.participants;
    if (!participants?.includes(caller.id)) {
      return [403, problem(403, 'Forbidden', 'You are not allowed to send messages to this conversation.')];
    }
    const event = this.storeDm(conversationId, caller.id, participants, text);
    return [201, { data: { dm_conversation_id: conversationId, dm_event_id: event.id } }];
  }

  private userObject(user: FakeXUser, fields: string[]) {
    return {
      id: user.id,
      name: user.name,
      username: user.username,
      ...(fields.includes('profile_image_url')
        ? { profile_image_url: `${this.url}/profile_images/${user.username}_normal.png` }
        : {}),
    };
  }

  private async api(
    seen: SeenXRequest,
    url: URL,
    caller: { user: FakeXUser; scopes: string[] },
    raw: Buffer,
    contentType: string,
  ): Promise<[number, unknown]> {
    const route = `${seen.method} ${url.pathname}`;
    // X names no scope when one is missing: a bare 403 (seen answering tokens without dm.read, media.write, …).
    const needs = (...scopes: string[]): [number, unknown] | null =>
      scopes.every((scope) => caller.scopes.includes(scope))
        ? null
        : [403, problem(403, 'Forbidden', 'Forbidden')];
    if (route === 'GET /2/users/me') {
      const user = caller.user;
      return (
        needs('users.read') ?? [
          200,
          {
            data: {
              id: user.id,
              name: user.name,
              username: user.username,
              profile_image_url: `${this.url}/profile_images/${user.username}_normal.png`,
            },
          },
        ]
      );
    }
    if (route === 'POST /2/tweets') {
      const refused = needs('tweet.write');
      if (refused) return refused;
      const body = seen.json ?? {};
      const text = typeof body.text === 'string' ? body.text : '';
      const reply = (body.reply ?? null) as { in_reply_to_tweet_id?: string } | null;
      const mediaIds = ((body.media as { media_ids?: string[] } | undefined)?.media_ids ?? []).map(String);
      if (text.length === 0 && mediaIds.length === 0)
        return [400, invalidRequest('text', 'Tweet text is empty.')];
      if ([...text].length > MAX_TWEET_LENGTH)
        return [
          403,
          problem(
            403,
            'Forbidden',
            'Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.',
          ),
        ];
      const attached = mediaIds.map((id) => this.media.get(id));
      const unusable = attached.some(
        (media) => !media || (media.segments !== undefined && media.state !== 'succeeded'),
      );
      const video = attached.some((media) => media?.category === 'tweet_video');
      if (mediaIds.length > 4 || unusable || (video && mediaIds.length > 1)) {
        return [400, invalidRequest('media.media_ids', 'Your media IDs are invalid.')];
      }
      if (reply?.in_reply_to_tweet_id && !this.tweets.has(reply.in_reply_to_tweet_id)) {
        return [
          403,
          problem(
            403,
            'Forbidden',
            'You attempted to reply to a Tweet that is deleted or not visible to you.',
          ),
        ];
      }
      const duplicate = [...this.tweets.values()].some(
        (tweet) => tweet.authorId === caller.user.id && tweet.text === text,
      );
      if (duplicate)
        return [
          403,
          problem(403, 'Forbidden', 'You are not allowed to create a Tweet with duplicate content.'),
        ];
      const tweet = this.store(caller.user, text, reply?.in_reply_to_tweet_id ?? null, mediaIds);
      return [201, { data: { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] } }];
    }
    const tweetMatch = /^GET \/2\/tweets\/(\d+)$/.exec(route);
    if (tweetMatch?.[1]) {
      const tweet = this.tweets.get(tweetMatch[1]);
      if (!tweet) {
        return [
          200,
          {
            errors: [
              {
                value: tweetMatch[1],
                detail: `Could not find tweet with id: [${tweetMatch[1]}].`,
                title: 'Not Found Error',
                resource_type: 'tweet',
                parameter: 'id',
                resource_id: tweetMatch[1],
                type: 'https://api.twitter.com/2/problems/resource-not-found',
              },
            ],
          },
        ];
      }
      const fields = (url.searchParams.get('tweet.fields') ?? '').split(',');
      return [
        200,
        {
          data: {
            id: tweet.id,
            text: tweet.text,
            ...(fields.includes('public_metrics') ? { public_metrics: tweet.metrics } : {}),
          },
        },
      ];
    }
    const mentionsMatch = /^GET \/2\/users\/(\d+)\/mentions$/.exec(route);
    if (mentionsMatch?.[1]) {
      const user = this.users.get(mentionsMatch[1]);
      if (!user)
        return [
          400,
          invalidRequest(
            'id',
            `The \`id\` query parameter value [${mentionsMatch[1]}] does not match ^[0-9]{1,19}$`,
          ),
        ];
      const sinceId = url.searchParams.get('since_id');
      const max = Number(url.searchParams.get('max_results') ?? 10);
      const found = [...this.tweets.values()]
        .filter((tweet) => tweet.text.includes(`@${user.username}`) && tweet.authorId !== user.id)
        .filter((tweet) => !sinceId || BigInt(tweet.id) > BigInt(sinceId))
        .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
        .slice(0, Math.min(Math.max(max, 5), 100));
      if (found.length === 0) return [200, { meta: { result_count: 0 } }];
      const authors = [...new Set(found.map((tweet) => tweet.authorId))].map((id) => this.users.get(id));
      return [
        200,
        {
          data: found.map((tweet) => ({
            id: tweet.id,
            text: tweet.text,
            author_id: tweet.authorId,
            created_at: tweet.createdAt,
            ...(tweet.inReplyTo ? { referenced_tweets: [{ type: 'replied_to', id: tweet.inReplyTo }] } : {}),
            edit_history_tweet_ids: [tweet.id],
          })),
          includes: {
            users: authors
              .filter(Boolean)
              .map((author) => ({ id: author?.id, name: author?.name, username: author?.username })),
          },
          meta: { newest_id: found[0]?.id, oldest_id: found.at(-1)?.id, result_count: found.length },
        },
      ];
    }
    if (route === 'GET /2/dm_events') {
      return (
        needs('dm.read', 'tweet.read', 'users.read') ?? this.listDmEvents(url.searchParams, caller.user, null)
      );
    }
    const conversationEvents = /^GET \/2\/dm_conversations\/([\d-]+)\/dm_events$/.exec(route);
    if (conversationEvents?.[1]) {
      return (
        needs('dm.read', 'tweet.read', 'users.read') ??
        this.listDmEvents(url.searchParams, caller.user, conversationEvents[1])
      );
    }
    const sendDm = /^POST \/2\/dm_conversations\/([\d-]+)\/messages$/.exec(route);
    if (sendDm?.[1]) {
      return (
        needs('dm.read', 'dm.write', 'tweet.read', 'users.read') ??
        this.sendDm(sendDm[1], caller.user, seen.json)
      );
    }
    if (route === 'POST /2/media/upload') {
      const refused = needs('media.write');
      if (refused) return refused;
      const form = await new Request(this.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(raw),
      })
        .formData()
        .catch(() => null);
      const file = form?.get('media');
      if (!(file instanceof Blob)) return [400, invalidRequest('media', 'The media field is required.')];
      const category = String(form?.get('media_category') ?? 'tweet_image');
      if (category === 'tweet_image' && file.size > 5_000_000) {
        return [400, invalidRequest('media', 'File size exceeds 5242880 bytes.')];
      }
      const media: FakeXMedia = {
        id: this.id(),
        category,
        mimeType: file.type,
        size: file.size,
        altText: null,
      };
      this.media.set(media.id, media);
      return [
        200,
        {
          data: {
            id: media.id,
            media_key: `3_${media.id}`,
            size: media.size,
            expires_after_secs: 86_400,
            image: { image_type: file.type },
          },
        },
      ];
    }
    if (route === 'POST /2/media/upload/initialize') {
      const refused = needs('media.write');
      if (refused) return refused;
      return this.initialize(seen.json ?? {});
    }
    const chunked = /^POST \/2\/media\/upload\/(\d+)\/(append|finalize)$/.exec(route);
    if (chunked?.[1]) {
      const refused = needs('media.write');
      if (refused) return refused;
      const media = this.media.get(chunked[1]);
      if (!media?.segments) return [400, invalidRequest('id', 'The media id is invalid.')];
      return chunked[2] === 'append' ? this.append(media, raw, contentType) : this.finalize(media);
    }
    if (route === 'GET /2/media/upload') {
      const media = this.media.get(url.searchParams.get('media_id') ?? '');
      if (url.searchParams.get('command') !== 'STATUS' || !media?.processing) {
        return [400, invalidRequest('media_id', 'The media id is invalid.')];
      }
      return [200, { data: { id: media.id, media_key: `7_${media.id}`, processing_info: this.step(media) } }];
    }
    if (route === 'POST /2/media/metadata') {
      const body = (seen.json ?? {}) as { id?: string; metadata?: { alt_text?: { text?: string } } };
      const media = body.id ? this.media.get(body.id) : undefined;
      if (!media) return [400, invalidRequest('id', 'The media id is invalid.')];
      const alt = body.metadata?.alt_text?.text ?? '';
      if (alt.length > 1000)
        return [400, invalidRequest('metadata.alt_text.text', 'Alt text is longer than 1000 characters.')];
      media.altText = alt;
      return [200, { data: { id: media.id, associated_metadata: true } }];
    }
    return [
      404,
      problem(
        404,
        'Not Found Error',
        `Not found: ${route}`,
        'https://api.twitter.com/2/problems/resource-not-found',
      ),
    ];
  }
}

/** A comma-separated list parameter's values, or the first one X does not know. */
function listParameter(
  query: URLSearchParams,
  name: string,
  allowed: string[],
): string[] | { unknown: string } {
  const values = (query.get(name) ?? '').split(',').filter(Boolean);
  const unknown = values.find((value) => !allowed.includes(value));
  return unknown === undefined ? values : { unknown };
}

function problem(status: number, title: string, detail: string, type = 'about:blank') {
  return { title, detail, type, status };
}

function invalidRequest(parameter: string, message: string) {
  return {
    errors: [{ parameters: { [parameter]: [] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  };
}

function answerInjected(response: ServerResponse, injection: XInjection): void {
  const headers = typeof injection.headers === 'function' ? injection.headers() : (injection.headers ?? {});
  response.writeHead(injection.status, { 'content-type': 'application/problem+json', ...headers });
  response.end(injection.body === undefined ? '' : JSON.stringify(injection.body));
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': status >= 400 ? 'application/problem+json' : 'application/json',
    ...headers,
  });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function safeJson(raw: Buffer): Record<string, unknown> | null {
  try {
    return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}
