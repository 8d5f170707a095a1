import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FixedWindowLimiter, resetEpochSeconds } from '../rate-limit.js';
import { blobCid, Jwts, plcDid, RECORD_KEY, recordCid, TID, tidAfter, tidAt } from './atproto-ids.js';
import { validatePost } from './post-validation.js';

// A Bluesky PDS with the AppView behind it, as the AT Protocol lexicons and the reference PDS document
// them: XRPC under /xrpc/<nsid>, sessions from a handle and an app password (HS256 JWTs: access for two
// hours, refresh for 90 days, rotated on every refresh with the PDS's two-hour grace), records under
// client-chosen TIDs (an existing key is the reference PDS's 500), blobs, posts with their counts, and
// notifications. Errors are `{ error, message }` in the PDS's words; every answer carries the
// `ratelimit-*` headers. Tests inject failures per request and move the fake's clock.
//
// Behind it, Bluesky's chat service (the chat.bsky.convo lexicons: listConvos, getMessages, sendMessage),
// reached the way the PDS proxies it: only with `atproto-proxy: did:web:api.bsky.chat#bsky_chat` (without
// it the PDS has no service for the method), and only for sessions that may use chat — the account's own
// password, or an app password made with "Allow access to your direct messages" (scope
// `com.atproto.appPassPrivileged`); the reference PDS refuses any other with 400 `InvalidToken` "Bad token
// method". Conversations and messages carry revs (TIDs that only grow); lists are newest first, paged by rev.

const H = 3_600_000;
const ACCESS_LIFETIME_MS = 2 * H;
const REFRESH_LIFETIME_MS = 90 * 24 * H;
const REFRESH_GRACE_MS = 2 * H;
const RATE_LIMIT = 3000;
const RATE_WINDOW_S = 300;

export interface FakeAccount {
  did: string;
  handle: string;
  displayName: string;
  avatar: string | null;
  email: string;
  password: string;
  appPasswords: Set<string>;
  /** The app passwords made with "Allow access to your direct messages". */
  chatAppPasswords: Set<string>;
}

/** A chat message as the chat service keeps it. */
export interface FakeChatMessage {
  id: string;
  rev: string;
  convoId: string;
  sender: string;
  text: string;
  sentAt: string;
}

/** A conversation: two members (direct) or more (a group), its messages oldest first. */
export interface FakeConvo {
  id: string;
  rev: string;
  kind: 'direct' | 'group';
  members: string[];
  messages: FakeChatMessage[];
  /** Per member: a conversation someone else started is a request until the member answers or accepts. */
  status: Map<string, 'request' | 'accepted'>;
}

/** Where the PDS sends `chat.bsky.*` calls (Bluesky's chat service, its DID and service id). */
export const CHAT_PROXY = 'did:web:api.bsky.chat#bsky_chat';
/** What chat.bsky.convo.defs#messageInput takes. */
const MAX_MESSAGE_GRAPHEMES = 1000;
const MAX_MESSAGE_BYTES = 10_000;
const APP_PASS = 'com.atproto.appPass';
const APP_PASS_PRIVILEGED = 'com.atproto.appPassPrivileged';
const FULL_ACCESS = 'com.atproto.access';

export interface FakeRecord {
  uri: string;
  cid: string;
  did: string;
  collection: string;
  rkey: string;
  value: Record<string, unknown>;
  indexedAt: string;
  likeCount: number;
  repostCount: number;
  replyCount: number;
  quoteCount: number;
}

export interface FakeBlob {
  cid: string;
  did: string;
  mimeType: string;
  size: number;
}

interface FakeNotification {
  uri: string;
  cid: string;
  recipient: string;
  author: string;
  reason: 'mention' | 'reply' | 'quote' | 'like';
  reasonSubject?: string;
  indexedAt: string;
}

interface RefreshToken {
  did: string;
  scope: string;
  expiresAt: number;
  nextId?: string;
}

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  nsid: string;
  authorization: string | null;
  /** The `atproto-proxy` header: which service the PDS should pass the call to. */
  proxy: string | null;
  query: URLSearchParams;
  json: Record<string, unknown> | null;
  status: number;
}

/** A failure to answer with instead of (or, with `afterHandling`, after doing) the real work. */
export interface Injection {
  method: 'GET' | 'POST';
  nsid: string | RegExp;
  status: number;
  body?: unknown;
  /** Or a function, for headers that name a time relative to the answer (a rate limit's reset). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Do the work (create the record) and then answer with the failure: a lost answer. */
  afterHandling?: boolean;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
/** Who called: the account, its token's scope, and for a refresh token its id. */
type Caller = { did: string; scope: string; tokenId: string | null };

/** XRPC's error body. */
const fail = (status: number, error: string, message: string): Answer => ({
  status,
  body: { error, message },
});

export class FakeBlueskyServer {
  readonly records = new Map<string, FakeRecord>();
  readonly blobs = new Map<string, FakeBlob>();
  readonly requests: SeenRequest[] = [];
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly refreshTokens = new Map<string, RefreshToken>();
  private readonly notifications: FakeNotification[] = [];
  readonly convos = new Map<string, FakeConvo>();
  private lastRev: string | null = null;
  private readonly injections: Injection[] = [];
  private readonly jwts = new Jwts();
  /** Added to the wall clock: tests move the PDS's time (token expiry, indexing times) forward. */
  private offsetMs = 0;
  /**
   * Per-account limit on record writes (the PDS counts repo writes per account and reports the window in
   * the IETF `ratelimit-*` headers, the reset in epoch seconds; past it, 429 `RateLimitExceeded`).
   */
  limiter: FixedWindowLimiter | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly clock: () => Date,
  ) {}

  /** `now`: the PDS's clock (the wall clock unless a test shares its fake one). */
  static async start(options: { now?: () => Date } = {}): Promise<FakeBlueskyServer> {
    let fake: FakeBlueskyServer | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'InternalServerError', message: String(error) }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    fake = new FakeBlueskyServer(server, `http://127.0.0.1:${port}`, options.now ?? (() => new Date()));
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  now(): Date {
    return new Date(this.clock().getTime() + this.offsetMs);
  }

  /** Move the PDS's clock forward (tokens issued before expire by its time, not the test's). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * An account with one app password (what Settings → Privacy and security → App passwords shows);
   * `directMessages`: made with "Allow access to your direct messages".
   */
  addAccount(
    handle: string,
    displayName = handle.split('.')[0] ?? handle,
    { directMessages = false }: { directMessages?: boolean } = {},
  ): { account: FakeAccount; appPassword: string } {
    const account: FakeAccount = {
      did: plcDid(handle),
      handle,
      displayName,
      avatar: `https://cdn.bsky.app/img/avatar/plain/${plcDid(handle)}/bafkreiavatar@jpeg`,
      email: `${handle.split('.')[0]}@example.com`,
      password: `own-password-${handle}`,
      appPasswords: new Set(),
      chatAppPasswords: new Set(),
    };
    this.accounts.set(account.did, account);
    return { account, appPassword: this.addAppPassword(account, { directMessages }) };
  }

  /** Another app password for the account (what reconnecting uses). */
  addAppPassword(
    account: FakeAccount,
    { directMessages = false }: { directMessages?: boolean } = {},
  ): string {
    const chars = 'abcdefghijklmnopqrstuvwxyz234567';
    const password = Array.from({ length: 4 }, () =>
      Array.from({ length: 4 }, () => chars[Math.floor(Math.random() * chars.length)]).join(''),
    ).join('-');
    account.appPasswords.add(password);
    if (directMessages) account.chatAppPasswords.add(password);
    return password;
  }

  /** `from` writes to `to` in their direct conversation (started now if they have none). */
  directMessage(from: FakeAccount, to: FakeAccount, text: string): FakeChatMessage {
    const found = [...this.convos.values()].find(
      (convo) =>
        convo.kind === 'direct' && convo.members.includes(from.did) && convo.members.includes(to.did),
    );
    return this.write(found ?? this.startConvo('direct', [from, to]), from.did, text);
  }

  /** `from` writes in a group conversation of `members` (started now). */
  groupMessage(from: FakeAccount, members: FakeAccount[], text: string): FakeChatMessage {
    return this.write(this.startConvo('group', [from, ...members]), from.did, text);
  }

  /** The messages of the conversation `convoId`, oldest first. */
  messagesIn(convoId: string): FakeChatMessage[] {
    return this.convos.get(convoId)?.messages ?? [];
  }

  /** Revoke every session of the account (its refresh tokens; access tokens run out by themselves). */
  revokeSessions(account: FakeAccount): void {
    for (const [id, token] of this.refreshTokens)
      if (token.did === account.did) this.refreshTokens.delete(id);
  }

  /** Answer the next matching request with a failure. */
  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /** A post by `author` written on its own PDS and seen by the AppView (a reply, a mention, a quote). */
  post(
    author: FakeAccount,
    text: string,
    options: { replyTo?: FakeRecord; quote?: FakeRecord; mention?: FakeAccount } = {},
  ): FakeRecord {
    const value: Record<string, unknown> = {
      $type: 'app.bsky.feed.post',
      text,
      createdAt: this.now().toISOString(),
    };
    if (options.mention) {
      const name = `@${options.mention.handle}`;
      const start = Buffer.byteLength(text.slice(0, Math.max(0, text.indexOf(name))));
      value.facets = [
        {
          index: { byteStart: start, byteEnd: start + Buffer.byteLength(name) },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: options.mention.did }],
        },
      ];
    }
    if (options.replyTo) {
      const parent = options.replyTo;
      const root = (parent.value.reply as { root?: unknown } | undefined)?.root ?? {
        uri: parent.uri,
        cid: parent.cid,
      };
      value.reply = { root, parent: { uri: parent.uri, cid: parent.cid } };
    }
    if (options.quote) {
      value.embed = {
        $type: 'app.bsky.embed.record',
        record: { uri: options.quote.uri, cid: options.quote.cid },
      };
    }
    return this.store(author, 'app.bsky.feed.post', tidAt(this.now()), value);
  }

  /** The account's posts, oldest first. */
  postsBy(account: FakeAccount): FakeRecord[] {
    return [...this.records.values()].filter(
      (record) => record.did === account.did && record.collection === 'app.bsky.feed.post',
    );
  }

  private accountOf(identifier: string): FakeAccount | undefined {
    const wanted = identifier.toLowerCase();
    return [...this.accounts.values()].find(
      (account) => account.did === identifier || account.handle === wanted || account.email === wanted,
    );
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? '';
    const nsid = url.pathname.startsWith('/xrpc/') ? url.pathname.slice('/xrpc/'.length) : url.pathname;
    const json =
      contentType.startsWith('application/json') && raw.length > 0
        ? (JSON.parse(raw.toString()) as Record<string, unknown>)
        : null;
    const proxy = request.headers['atproto-proxy'];
    const seen: SeenRequest = {
      method: request.method ?? 'GET',
      nsid,
      authorization: request.headers.authorization ?? null,
      proxy: typeof proxy === 'string' ? proxy : null,
      query: url.searchParams,
      json,
      status: 0,
    };
    this.requests.push(seen);

    const reply = (answer: Answer, headers: Record<string, string> = {}) => {
      seen.status = answer.status;
      const reset = Math.ceil(this.now().getTime() / 1000) + RATE_WINDOW_S;
      response.writeHead(answer.status, {
        'content-type': 'application/json; charset=utf-8',
        'ratelimit-limit': String(RATE_LIMIT),
        'ratelimit-remaining': String(RATE_LIMIT - 1),
        'ratelimit-reset': String(reset),
        'ratelimit-policy': `${RATE_LIMIT};w=${RATE_WINDOW_S}`,
        ...headers,
      });
      response.end(JSON.stringify(answer.body));
    };

    const index = this.injections.findIndex(
      (injection) =>
        injection.method === request.method &&
        (typeof injection.nsid === 'string' ? injection.nsid === nsid : injection.nsid.test(nsid)),
    );
    const injection = index >= 0 ? this.injections.splice(index, 1)[0] : undefined;
    const injected = (found: Injection) =>
      reply(
        {
          status: found.status,
          body: found.body ?? { error: 'InternalServerError', message: 'Internal Server Error' },
        },
        typeof found.headers === 'function' ? found.headers() : (found.headers ?? {}),
      );
    if (injection && !injection.afterHandling) {
      injected(injection);
      return;
    }
    const answer = await this.route(
      request.method ?? 'GET',
      nsid,
      url.searchParams,
      json,
      raw,
      contentType,
      seen,
    );
    if (injection) {
      injected(injection);
      return;
    }
    reply(answer, answer.headers);
  }

  /** The caller of a request that needs a session, or the PDS's refusal. */
  private authorize(authorization: string | null, type: 'at+jwt' | 'refresh+jwt'): Caller | Answer {
    if (!authorization?.startsWith('Bearer ')) {
      return fail(401, 'AuthMissing', 'Authentication Required');
    }
    const verified = this.jwts.verify(authorization.slice('Bearer '.length));
    if (!verified) return fail(400, 'InvalidToken', 'Token could not be verified');
    const { exp, sub, scope, jti } = verified.claims;
    if (typeof exp !== 'number' || exp * 1000 <= this.now().getTime()) {
      return fail(400, 'ExpiredToken', 'Token has expired');
    }
    const scopes =
      type === 'refresh+jwt' ? ['com.atproto.refresh'] : [FULL_ACCESS, APP_PASS, APP_PASS_PRIVILEGED];
    if (
      verified.type !== type ||
      typeof scope !== 'string' ||
      !scopes.includes(scope) ||
      typeof sub !== 'string'
    ) {
      return fail(400, 'InvalidToken', 'Bad token scope');
    }
    return { did: sub, scope, tokenId: typeof jti === 'string' ? jti : null };
  }

  private async route(
    method: string,
    nsid: string,
    query: URLSearchParams,
    json: Record<string, unknown> | null,
    raw: Buffer,
    contentType: string,
    seen: SeenRequest,
  ): Promise<Answer> {
    const procedure = method === 'POST';
    if (procedure && nsid === 'com.atproto.server.createSession') return this.createSession(json);
    if (procedure && nsid === 'com.atproto.server.refreshSession') {
      const caller = this.authorize(seen.authorization, 'refresh+jwt');
      return 'status' in caller ? caller : this.refreshSession(caller.tokenId ?? '');
    }
    // Signing out revokes the session's refresh token (sent as the bearer, like refreshing).
    if (procedure && nsid === 'com.atproto.server.deleteSession') {
      const caller = this.authorize(seen.authorization, 'refresh+jwt');
      if ('status' in caller) return caller;
      this.refreshTokens.delete(caller.tokenId ?? '');
      return { status: 200, body: {} };
    }
    if (!procedure && nsid === 'com.atproto.repo.getRecord') return this.getRecord(query);
    if (!procedure && nsid === 'com.atproto.identity.resolveHandle') {
      const account = this.accountOf(query.get('handle') ?? '');
      return account
        ? { status: 200, body: { did: account.did } }
        : fail(400, 'InvalidRequest', 'Unable to resolve handle');
    }
    const caller = this.authorize(seen.authorization, 'at+jwt');
    if ('status' in caller) return caller;
    if (!procedure && nsid === 'com.atproto.server.getSession')
      return { status: 200, body: this.sessionInfo(caller.did) };
    if (!procedure && nsid === 'app.bsky.actor.getProfile') {
      const account = this.accountOf(query.get('actor') ?? '');
      return account
        ? { status: 200, body: this.profile(account, true) }
        : fail(400, 'InvalidRequest', 'Profile not found');
    }
    if (procedure && nsid === 'com.atproto.repo.uploadBlob') {
      const mimeType = contentType.split(';')[0]?.trim() || 'application/octet-stream';
      const blob: FakeBlob = { cid: blobCid(raw), did: caller.did, mimeType, size: raw.length };
      this.blobs.set(blob.cid, blob);
      return {
        status: 200,
        body: { blob: { $type: 'blob', ref: { $link: blob.cid }, mimeType, size: blob.size } },
      };
    }
    if (procedure && nsid === 'com.atproto.repo.createRecord') {
      const verdict = this.limiter?.take(caller.did);
      if (!verdict) return this.createRecord(caller, json);
      const headers = {
        'ratelimit-limit': String(verdict.limit),
        'ratelimit-remaining': String(verdict.remaining),
        'ratelimit-reset': String(resetEpochSeconds(verdict)),
        'ratelimit-policy': `${verdict.limit};w=${Math.round(this.limiter?.rule.windowMs ?? 0) / 1000}`,
      };
      if (!verdict.ok) return { ...fail(429, 'RateLimitExceeded', 'Rate Limit Exceeded'), headers };
      return { ...this.createRecord(caller, json), headers };
    }
    if (!procedure && nsid === 'app.bsky.feed.getPosts') {
      const uris = query.getAll('uris');
      if (uris.length > 25) return fail(400, 'InvalidRequest', 'uris must not have more than 25 elements');
      const posts = uris.flatMap((uri) => {
        const record = this.records.get(uri);
        return record ? [this.postView(record)] : [];
      });
      return { status: 200, body: { posts } };
    }
    if (!procedure && nsid === 'app.bsky.notification.listNotifications')
      return this.listNotifications(caller, query);
    if (nsid.startsWith('chat.bsky.')) return this.chat(procedure, nsid, caller, seen);
    return fail(501, 'MethodNotImplemented', 'Method Not Implemented');
  }

  private createSession(json: Record<string, unknown> | null): Answer {
    const identifier = typeof json?.identifier === 'string' ? json.identifier : '';
    const password = typeof json?.password === 'string' ? json.password : '';
    const account = this.accountOf(identifier);
    const scope = !account
      ? null
      : account.password === password
        ? FULL_ACCESS
        : account.chatAppPasswords.has(password)
          ? APP_PASS_PRIVILEGED
          : account.appPasswords.has(password)
            ? APP_PASS
            : null;
    if (!account || !scope) return fail(401, 'AuthenticationRequired', 'Invalid identifier or password');
    return {
      status: 200,
      body: { ...this.sessionInfo(account.did), ...this.issue(account.did, scope, randomUUID()) },
    };
  }

  /** Rotate a refresh token: used within its grace, it gives the same next token id again. */
  private refreshSession(id: string): Answer {
    const token = this.refreshTokens.get(id);
    const now = this.now().getTime();
    if (!token) return fail(400, 'ExpiredToken', 'Token has been revoked');
    token.expiresAt = Math.min(token.expiresAt, now + REFRESH_GRACE_MS);
    if (token.expiresAt <= now) {
      this.refreshTokens.delete(id);
      return fail(400, 'ExpiredToken', 'Token has been revoked');
    }
    token.nextId ??= randomUUID();
    return {
      status: 200,
      body: { ...this.sessionInfo(token.did), ...this.issue(token.did, token.scope, token.nextId) },
    };
  }

  private issue(did: string, scope: string, refreshId: string): { accessJwt: string; refreshJwt: string } {
    const now = this.now().getTime();
    const aud = `did:web:${new URL(this.url).hostname}`;
    const iat = Math.floor(now / 1000);
    const accessJwt = this.jwts.sign('at+jwt', {
      scope,
      aud,
      sub: did,
      iat,
      exp: Math.floor((now + ACCESS_LIFETIME_MS) / 1000),
    });
    const refreshJwt = this.jwts.sign('refresh+jwt', {
      scope: 'com.atproto.refresh',
      aud,
      sub: did,
      jti: refreshId,
      iat,
      exp: Math.floor((now + REFRESH_LIFETIME_MS) / 1000),
    });
    if (!this.refreshTokens.has(refreshId)) {
      this.refreshTokens.set(refreshId, { did, scope, expiresAt: now + REFRESH_LIFETIME_MS });
    }
    return { accessJwt, refreshJwt };
  }

  private sessionInfo(did: string) {
    const account = this.accounts.get(did);
    return {
      did,
      handle: account?.handle ?? 'handle.invalid',
      email: account?.email,
      emailConfirmed: true,
      emailAuthFactor: false,
      active: true,
      didDoc: {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        alsoKnownAs: [`at://${account?.handle ?? 'handle.invalid'}`],
        service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: this.url }],
      },
    };
  }

  private getRecord(query: URLSearchParams): Answer {
    const account = this.accountOf(query.get('repo') ?? '');
    const uri = `at://${account?.did ?? query.get('repo')}/${query.get('collection')}/${query.get('rkey')}`;
    const record = this.records.get(uri);
    if (!record) return fail(400, 'RecordNotFound', `Could not locate record: ${uri}`);
    return { status: 200, body: { uri: record.uri, cid: record.cid, value: record.value } };
  }

  private createRecord(caller: Caller, json: Record<string, unknown> | null): Answer {
    const repo = typeof json?.repo === 'string' ? json.repo : '';
    const account = this.accountOf(repo);
    if (!account || account.did !== caller.did)
      return fail(401, 'AuthenticationRequired', 'Authentication Required');
    const collection = typeof json?.collection === 'string' ? json.collection : '';
    const value = json?.record as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object')
      return fail(400, 'InvalidRequest', 'Input must have the property "record"');
    const record = { ...value, $type: value.$type ?? collection };
    if (record.$type !== collection) {
      return fail(
        400,
        'InvalidRequest',
        `Invalid $type: expected ${collection}, got ${String(record.$type)}`,
      );
    }
    const rkey = typeof json?.rkey === 'string' ? json.rkey : tidAt(this.now());
    if (!RECORD_KEY.test(rkey)) return fail(400, 'InvalidRequest', `Invalid record key: ${rkey}`);
    if (collection === 'app.bsky.feed.post') {
      if (!TID.test(rkey)) {
        return fail(
          400,
          'InvalidRequest',
          `Invalid record key for app.bsky.feed.post: Invalid TID (got "${rkey}")`,
        );
      }
      const problem = validatePost(record, (cid) => this.blobs.get(cid), caller.did);
      if (problem) return fail(400, problem.error, problem.message);
    }
    // The reference PDS adds the record to its repository tree, which throws on a key it holds already.
    if (this.records.has(`at://${account.did}/${collection}/${rkey}`)) {
      return fail(500, 'InternalServerError', 'Internal Server Error');
    }
    const stored = this.store(account, collection, rkey, record);
    return {
      status: 200,
      body: {
        uri: stored.uri,
        cid: stored.cid,
        commit: { cid: recordCid({ commit: stored.cid }), rev: tidAt(this.now()) },
        validationStatus: 'valid',
      },
    };
  }

  /** Keep the record and notify who it concerns, as the AppView would once it indexed it. */
  private store(
    author: FakeAccount,
    collection: string,
    rkey: string,
    value: Record<string, unknown>,
  ): FakeRecord {
    const record: FakeRecord = {
      uri: `at://${author.did}/${collection}/${rkey}`,
      cid: recordCid(value),
      did: author.did,
      collection,
      rkey,
      value,
      indexedAt: this.now().toISOString(),
      likeCount: 0,
      repostCount: 0,
      replyCount: 0,
      quoteCount: 0,
    };
    this.records.set(record.uri, record);
    if (collection !== 'app.bsky.feed.post') return record;
    const notify = (recipient: string, reason: FakeNotification['reason'], reasonSubject?: string) => {
      if (recipient === author.did) return;
      this.notifications.push({
        uri: record.uri,
        cid: record.cid,
        recipient,
        author: author.did,
        reason,
        ...(reasonSubject ? { reasonSubject } : {}),
        indexedAt: record.indexedAt,
      });
    };
    const parentUri = (value.reply as { parent?: { uri?: string } } | undefined)?.parent?.uri;
    const parent = parentUri ? this.records.get(parentUri) : undefined;
    if (parent) {
      parent.replyCount += 1;
      notify(parent.did, 'reply', parent.uri);
    }
    const quotedUri = (value.embed as { record?: { uri?: string } } | undefined)?.record?.uri;
    const quoted = quotedUri ? this.records.get(quotedUri) : undefined;
    if (quoted) {
      quoted.quoteCount += 1;
      notify(quoted.did, 'quote', quoted.uri);
    }
    const facets = (value.facets ?? []) as Array<{ features?: Array<{ $type?: string; did?: string }> }>;
    for (const facet of facets) {
      for (const feature of facet.features ?? []) {
        if (
          feature.$type === 'app.bsky.richtext.facet#mention' &&
          feature.did &&
          feature.did !== parent?.did
        ) {
          notify(feature.did, 'mention');
        }
      }
    }
    return record;
  }

  private listNotifications(caller: Caller, query: URLSearchParams): Answer {
    const reasons = query.getAll('reasons');
    const limit = Number(query.get('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      return fail(400, 'InvalidRequest', 'limit must be between 1 and 100');
    }
    const cursor = query.get('cursor');
    // Newest first; the cursor is the last one's indexedAt and CID (a keyset, as the AppView pages).
    const keyOf = (notification: FakeNotification) => `${notification.indexedAt}::${notification.cid}`;
    const mine = this.notifications
      .filter((notification) => notification.recipient === caller.did)
      .filter((notification) => reasons.length === 0 || reasons.includes(notification.reason))
      .sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : -1))
      .filter((notification) => !cursor || keyOf(notification) < cursor);
    const page = mine.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        notifications: page.flatMap((notification) => {
          const record = this.records.get(notification.uri);
          const author = this.accounts.get(notification.author);
          if (!record || !author) return [];
          return [
            {
              uri: notification.uri,
              cid: notification.cid,
              author: this.profile(author, false),
              reason: notification.reason,
              ...(notification.reasonSubject ? { reasonSubject: notification.reasonSubject } : {}),
              record: record.value,
              isRead: false,
              indexedAt: notification.indexedAt,
              labels: [],
            },
          ];
        }),
        ...(last ? { cursor: keyOf(last) } : {}),
      },
    };
  }

  /**
   * A `chat.bsky.*` call as the PDS handles it (its proxy rules, then the chat service's answer): sessions
   * that may not use chat first, then calls that do not name the chat service.
   */
  private chat(procedure: boolean, nsid: string, caller: Caller, seen: SeenRequest): Answer {
    if (caller.scope !== FULL_ACCESS && caller.scope !== APP_PASS_PRIVILEGED) {
      return fail(400, 'InvalidToken', 'Bad token method');
    }
    if (seen.proxy === null) return fail(400, 'InvalidRequest', `No service configured for ${nsid}`);
    if (seen.proxy !== CHAT_PROXY)
      return fail(400, 'InvalidRequest', 'could not resolve proxy did service url');
    if (!procedure && nsid === 'chat.bsky.convo.listConvos') return this.listConvos(caller, seen.query);
    if (!procedure && nsid === 'chat.bsky.convo.getMessages') return this.getMessages(caller, seen.query);
    if (procedure && nsid === 'chat.bsky.convo.sendMessage') return this.sendMessage(caller, seen.json);
    return fail(501, 'MethodNotImplemented', 'Method Not Implemented');
  }

  private listConvos(caller: Caller, query: URLSearchParams): Answer {
    const limit = pageLimit(query);
    if (typeof limit !== 'number') return limit;
    const status = query.get('status');
    if (status !== null && status !== 'request' && status !== 'accepted') {
      return fail(400, 'InvalidRequest', 'status must be one of "request", "accepted"');
    }
    const cursor = query.get('cursor');
    // Most recently active first; the cursor is the last one's rev.
    const mine = [...this.convos.values()]
      .filter((convo) => convo.members.includes(caller.did))
      .filter((convo) => status === null || convo.status.get(caller.did) === status)
      .sort((a, b) => (a.rev < b.rev ? 1 : -1))
      .filter((convo) => !cursor || convo.rev < cursor);
    const page = mine.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        convos: page.map((convo) => this.convoView(convo, caller.did)),
        ...(last && mine.length > limit ? { cursor: last.rev } : {}),
      },
    };
  }

  private getMessages(caller: Caller, query: URLSearchParams): Answer {
    const convoId = query.get('convoId');
    if (!convoId) return fail(400, 'InvalidRequest', 'Error: Params must have the property "convoId"');
    const limit = pageLimit(query);
    if (typeof limit !== 'number') return limit;
    const convo = this.convos.get(convoId);
    if (!convo?.members.includes(caller.did)) return fail(400, 'InvalidConvo', 'Convo not found');
    const cursor = query.get('cursor');
    // Newest first; the cursor is the last one's rev.
    const older = [...convo.messages].reverse().filter((message) => !cursor || message.rev < cursor);
    const page = older.slice(0, limit);
    const last = page.at(-1);
    return {
      status: 200,
      body: {
        messages: page.map((message) => messageView(message)),
        ...(last && older.length > limit ? { cursor: last.rev } : {}),
      },
    };
  }

  private sendMessage(caller: Caller, json: Record<string, unknown> | null): Answer {
    const convoId = json?.convoId;
    const message = json?.message as { text?: unknown } | undefined;
    if (typeof convoId !== 'string')
      return fail(400, 'InvalidRequest', 'Input must have the property "convoId"');
    if (!message || typeof message !== 'object' || typeof message.text !== 'string') {
      return fail(400, 'InvalidRequest', 'Input/message must have the property "text"');
    }
    const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(message.text)].length;
    if (graphemes > MAX_MESSAGE_GRAPHEMES || Buffer.byteLength(message.text) > MAX_MESSAGE_BYTES) {
      return fail(
        400,
        'InvalidRequest',
        `Input/message/text must not be longer than ${MAX_MESSAGE_GRAPHEMES} graphemes`,
      );
    }
    const convo = this.convos.get(convoId);
    if (!convo?.members.includes(caller.did)) return fail(400, 'InvalidConvo', 'Convo not found');
    // Answering a request accepts it.
    convo.status.set(caller.did, 'accepted');
    return { status: 200, body: messageView(this.write(convo, caller.did, message.text)) };
  }

  private startConvo(kind: FakeConvo['kind'], members: FakeAccount[]): FakeConvo {
    const [starter] = members;
    const convo: FakeConvo = {
      id: tidAt(this.now()),
      rev: this.nextRev(),
      kind,
      members: members.map((member) => member.did),
      messages: [],
      status: new Map(members.map((member) => [member.did, member === starter ? 'accepted' : 'request'])),
    };
    this.convos.set(convo.id, convo);
    return convo;
  }

  private write(convo: FakeConvo, sender: string, text: string): FakeChatMessage {
    const message: FakeChatMessage = {
      id: tidAt(this.now()),
      rev: this.nextRev(),
      convoId: convo.id,
      sender,
      text,
      sentAt: this.now().toISOString(),
    };
    convo.messages.push(message);
    convo.rev = message.rev;
    return message;
  }

  private nextRev(): string {
    this.lastRev = tidAfter(this.lastRev, this.now());
    return this.lastRev;
  }

  private convoView(convo: FakeConvo, viewer: string) {
    const last = convo.messages.at(-1);
    return {
      id: convo.id,
      rev: convo.rev,
      members: convo.members.flatMap((did) => {
        const account = this.accounts.get(did);
        return account
          ? [
              {
                did: account.did,
                handle: account.handle,
                displayName: account.displayName,
                ...(account.avatar ? { avatar: account.avatar } : {}),
              },
            ]
          : [];
      }),
      ...(last ? { lastMessage: messageView(last) } : {}),
      muted: false,
      status: convo.status.get(viewer) ?? 'accepted',
      unreadCount: convo.messages.filter((message) => message.sender !== viewer).length,
      kind:
        convo.kind === 'direct'
          ? { $type: 'chat.bsky.convo.defs#directConvo' }
          : {
              $type: 'chat.bsky.convo.defs#groupConvo',
              name: 'Group',
              memberCount: convo.members.length,
              createdAt: convo.messages[0]?.sentAt ?? this.now().toISOString(),
              lockStatus: 'unlocked',
            },
    };
  }

  private profile(account: FakeAccount, detailed: boolean) {
    return {
      did: account.did,
      handle: account.handle,
      displayName: account.displayName,
      ...(account.avatar ? { avatar: account.avatar } : {}),
      indexedAt: this.now().toISOString(),
      labels: [],
      ...(detailed ? { followersCount: 0, followsCount: 0, postsCount: this.postsBy(account).length } : {}),
    };
  }

  private postView(record: FakeRecord) {
    const author = this.accounts.get(record.did);
    return {
      uri: record.uri,
      cid: record.cid,
      author: {
        did: record.did,
        handle: author?.handle ?? 'handle.invalid',
        displayName: author?.displayName,
      },
      record: record.value,
      replyCount: record.replyCount,
      repostCount: record.repostCount,
      likeCount: record.likeCount,
      quoteCount: record.quoteCount,
      indexedAt: record.indexedAt,
      labels: [],
    };
  }
}

/** A chat message as chat.bsky.convo.defs#messageView. */
function messageView(message: FakeChatMessage) {
  return {
    $type: 'chat.bsky.convo.defs#messageView',
    id: message.id,
    rev: message.rev,
    text: message.text,
    sender: { did: message.sender },
    sentAt: message.sentAt,
  };
}

/** A chat list's `limit` (1 to 100, 50 unless given), or the chat service's refusal. */
function pageLimit(query: URLSearchParams): number | Answer {
  const limit = Number(query.get('limit') ?? 50);
  return Number.isInteger(limit) && limit >= 1 && limit <= 100
    ? limit
    : fail(400, 'InvalidRequest', 'limit must be between 1 and 100');
}
