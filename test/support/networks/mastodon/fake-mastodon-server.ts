import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixedWindowLimiter } from '../rate-limit.js';

// A Mastodon instance as its REST API documents itself (docs.joinmastodon.org/methods/): bearer tokens,
// verify_credentials, statuses with `Idempotency-Key`, media v2 with asynchronous processing, the
// notifications list, and the error answers `{"error": "…"}` in Mastodon's wording (401 for a revoked
// token, 422 for validation, 429 with X-RateLimit-* headers). Tests inject failures per request.

export interface FakeAccount {
  id: string;
  username: string;
  display_name: string;
  avatar: string;
}

/** The `visibility` values POST /api/v1/statuses takes. */
const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
type Visibility = (typeof VISIBILITIES)[number];

export interface FakeStatus {
  id: string;
  account: FakeAccount;
  content: string;
  text: string;
  in_reply_to_id: string | null;
  /** `direct`: seen only by the accounts it mentions (what Mastodon's web app calls a private mention). */
  visibility: Visibility;
  media_ids: string[];
  created_at: string;
  favourites_count: number;
  reblogs_count: number;
  replies_count: number;
}

interface FakeMedia {
  id: string;
  accountId: string;
  fileName: string;
  mimeType: string;
  size: number;
  description: string | null;
  /** Looks (GET /api/v1/media/:id) left before processing is done. */
  pendingLooks: number;
}

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization: string | null;
  idempotencyKey: string | null;
  json: Record<string, unknown> | null;
}

/** A failure to answer with instead of (or, with `afterHandling`, after doing) the real work. */
export interface Injection {
  method: string;
  /** The path without the query, e.g. `/api/v1/statuses`. */
  path: string | RegExp;
  status: number;
  body?: unknown;
  /** Or a function, for headers that name a time relative to the answer (a rate limit's reset). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Do the work (store the status) and then answer with the failure: a lost answer. */
  afterHandling?: boolean;
}

const RATE_LIMIT = 300;

export class FakeMastodonServer {
  readonly statuses = new Map<string, FakeStatus>();
  readonly requests: SeenRequest[] = [];
  private readonly tokens = new Map<string, FakeAccount>();
  private readonly media = new Map<string, FakeMedia>();
  private readonly idempotent = new Map<string, string>();
  private readonly notifications: Array<{
    id: string;
    type: 'mention';
    status: FakeStatus;
    created_at: string;
  }> = [];
  private readonly injections: Injection[] = [];
  private readonly avatarFiles = new Map<string, { bytes: Buffer; contentType: string }>();
  /** Requests for avatar files (served or not). */
  avatarReads = 0;
  private nextId = 110_000_000_000_000_000n;
  /** Looks at an upload before it is processed (0: done at once, answered 200). */
  mediaProcessingLooks = 2;
  /** The instance's `max_characters`. */
  maxCharacters = 500;
  /**
   * Per-account limit on authenticated requests (Mastodon: 300 per 5 minutes, reported on every answer in
   * X-RateLimit-Limit/Remaining/Reset, the reset an ISO time); unset, answers carry a window never used up.
   */
  limiter: FixedWindowLimiter | undefined;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeMastodonServer> {
    let fake: FakeMastodonServer | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: String(error) }));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    fake = new FakeMastodonServer(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A local account and a token for it (what Preferences → Development → New application shows). */
  addAccount(username: string, displayName = username): { account: FakeAccount; token: string } {
    const account: FakeAccount = {
      id: this.id(),
      username,
      display_name: displayName,
      avatar: `${this.url}/system/accounts/avatars/${username}.png`,
    };
    const token = `tok_${username}_${this.tokens.size + 1}_abcdefghijklmnop`;
    this.tokens.set(token, account);
    return { account, token };
  }

  /** A new token for an existing account (a second application, say: what reconnecting uses). */
  issueToken(account: FakeAccount): string {
    const token = `tok_${account.username}_${this.tokens.size + 1}_abcdefghijklmnop`;
    this.tokens.set(token, account);
    return token;
  }

  /** Revoke a token: every call with it answers 401 from now on. */
  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Answer the next matching request with a failure. */
  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /**
   * Someone on the fediverse mentions `to` (optionally replying to one of its statuses). A `direct` status
   * is a direct message: Mastodon notifies it as a mention too, and only the accounts it mentions see it.
   */
  mention(
    from: FakeAccount,
    to: FakeAccount,
    text: string,
    inReplyToId: string | null = null,
    visibility: Visibility = 'public',
  ): FakeStatus {
    const status = this.storeStatus(from, `@${to.username} ${text}`, inReplyToId, [], visibility);
    this.notifications.push({ id: this.id(), type: 'mention', status, created_at: status.created_at });
    return status;
  }

  /** A remote account (it never signs in here). */
  remoteAccount(username: string, displayName: string): FakeAccount {
    return {
      id: this.id(),
      username: `${username}@elsewhere.example`,
      display_name: displayName,
      avatar: '',
    };
  }

  /** Statuses posted by an account, oldest first. */
  statusesBy(account: FakeAccount): FakeStatus[] {
    return [...this.statuses.values()].filter((status) => status.account.id === account.id);
  }

  mediaOf(id: string): FakeMedia | undefined {
    return this.media.get(id);
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  /**
   * Serve `bytes` as the account's avatar file (what the instance's file host answers at its `avatar`
   * address: public, no token). Until then the address answers 404.
   */
  serveAvatar(account: FakeAccount, bytes: Buffer, contentType = 'image/png'): void {
    this.avatarFiles.set(new URL(account.avatar).pathname, { bytes, contentType });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    // Files come from the instance's file host (often a CDN), not its API: no token, not in `requests`.
    if (request.method === 'GET' && url.pathname.startsWith('/system/accounts/avatars/')) {
      this.avatarReads += 1;
      const file = this.avatarFiles.get(url.pathname);
      if (!file) {
        response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
        return;
      }
      response
        .writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.bytes.length) })
        .end(file.bytes);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? '';
    const json =
      contentType.startsWith('application/json') && raw.length > 0
        ? (JSON.parse(raw.toString()) as Record<string, unknown>)
        : null;
    const authorization = request.headers.authorization ?? null;
    const idempotencyKey = (request.headers['idempotency-key'] as string | undefined) ?? null;
    this.requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      authorization,
      idempotencyKey,
      json,
    });

    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'x-ratelimit-limit': String(RATE_LIMIT),
        'x-ratelimit-remaining': String(RATE_LIMIT - 1),
        'x-ratelimit-reset': new Date(Date.now() + 300_000).toISOString(),
        ...headers,
      });
      response.end(JSON.stringify(body));
    };

    const index = this.injections.findIndex(
      (injection) =>
        injection.method === request.method &&
        (typeof injection.path === 'string'
          ? injection.path === url.pathname
          : injection.path.test(url.pathname)),
    );
    const injection = index >= 0 ? this.injections.splice(index, 1)[0] : undefined;
    if (injection && !injection.afterHandling) {
      reply(injection.status, injection.body ?? { error: 'Injected failure' }, headersOf(injection));
      return;
    }

    const account = authorization?.startsWith('Bearer ')
      ? this.tokens.get(authorization.slice(7))
      : undefined;
    if (!account) {
      reply(401, { error: 'The access token is invalid' });
      return;
    }
    const verdict = this.limiter?.take(account.id);
    const windowHeaders: Record<string, string> = verdict
      ? {
          'x-ratelimit-limit': String(verdict.limit),
          'x-ratelimit-remaining': String(verdict.remaining),
          'x-ratelimit-reset': new Date(verdict.resetAtMs).toISOString(),
        }
      : {};
    if (verdict && !verdict.ok) {
      reply(429, { error: 'Too many requests' }, windowHeaders);
      return;
    }
    const answer = await this.route(
      request.method ?? 'GET',
      url,
      account,
      json,
      raw,
      contentType,
      idempotencyKey,
    );
    if (injection) {
      reply(injection.status, injection.body ?? { error: 'Injected failure' }, headersOf(injection));
      return;
    }
    reply(answer.status, answer.body, windowHeaders);
  }

  private async route(
    method: string,
    url: URL,
    account: FakeAccount,
    json: Record<string, unknown> | null,
    raw: Buffer,
    contentType: string,
    idempotencyKey: string | null,
  ): Promise<{ status: number; body: unknown }> {
    const path = url.pathname;
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') {
      return { status: 200, body: this.accountJson(account) };
    }
    if (method === 'POST' && path === '/api/v2/media') {
      const form = await new Request(this.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(raw),
      }).formData();
      const file = form.get('file');
      if (!(file instanceof File))
        return { status: 422, body: { error: 'Validation failed: File can’t be blank' } };
      const description = form.get('description');
      const media: FakeMedia = {
        id: this.id(),
        accountId: account.id,
        fileName: file.name,
        mimeType: file.type,
        size: file.size,
        description: typeof description === 'string' ? description : null,
        pendingLooks: this.mediaProcessingLooks,
      };
      this.media.set(media.id, media);
      return { status: media.pendingLooks > 0 ? 202 : 200, body: this.mediaJson(media) };
    }
    const mediaMatch = /^\/api\/v1\/media\/(\d+)$/.exec(path);
    if (method === 'GET' && mediaMatch) {
      const media = this.media.get(mediaMatch[1] ?? '');
      if (!media || media.accountId !== account.id)
        return { status: 404, body: { error: 'Record not found' } };
      if (media.pendingLooks > 0) media.pendingLooks -= 1;
      return { status: media.pendingLooks > 0 ? 206 : 200, body: this.mediaJson(media) };
    }
    if (method === 'POST' && path === '/api/v1/statuses') {
      const key = idempotencyKey ? `${account.id}:${idempotencyKey}` : null;
      const earlier = key ? this.idempotent.get(key) : undefined;
      const existing = earlier ? this.statuses.get(earlier) : undefined;
      if (existing) return { status: 200, body: this.statusJson(existing) };
      const text = typeof json?.status === 'string' ? json.status : '';
      const mediaIds = Array.isArray(json?.media_ids) ? (json.media_ids as string[]) : [];
      if (text.trim() === '' && mediaIds.length === 0) {
        return { status: 422, body: { error: 'Validation failed: Text can’t be blank' } };
      }
      if ([...text].length > this.maxCharacters) {
        return {
          status: 422,
          body: { error: `Validation failed: Text character limit of ${this.maxCharacters} exceeded` },
        };
      }
      for (const id of mediaIds) {
        const media = this.media.get(id);
        if (!media || media.accountId !== account.id)
          return { status: 422, body: { error: 'Validation failed: Media attachments is invalid' } };
        if (media.pendingLooks > 0) {
          return {
            status: 422,
            body: { error: 'Cannot attach files that have not finished processing. Try again in a moment!' },
          };
        }
      }
      const inReplyTo = typeof json?.in_reply_to_id === 'string' ? json.in_reply_to_id : null;
      if (inReplyTo && !this.statuses.has(inReplyTo))
        return { status: 404, body: { error: 'Record not found' } };
      const visibility = json?.visibility ?? 'public';
      if (!VISIBILITIES.includes(visibility as Visibility)) {
        return { status: 422, body: { error: 'Validation failed: Visibility is not included in the list' } };
      }
      const status = this.storeStatus(account, text, inReplyTo, mediaIds, visibility as Visibility);
      if (key) this.idempotent.set(key, status.id);
      return { status: 200, body: this.statusJson(status) };
    }
    const statusMatch = /^\/api\/v1\/statuses\/(\d+)$/.exec(path);
    if (method === 'GET' && statusMatch) {
      const status = this.statuses.get(statusMatch[1] ?? '');
      if (!status) return { status: 404, body: { error: 'Record not found' } };
      return { status: 200, body: this.statusJson(status) };
    }
    if (method === 'GET' && path === '/api/v1/notifications') {
      const types = url.searchParams.getAll('types[]');
      const minId = url.searchParams.get('min_id');
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 40), 80);
      const newer = this.notifications
        .filter((notification) => notification.status.account.id !== account.id)
        .filter((notification) => types.length === 0 || types.includes(notification.type))
        .filter((notification) => !minId || BigInt(notification.id) > BigInt(minId))
        .slice(0, limit)
        .reverse();
      return {
        status: 200,
        body: newer.map((notification) => ({
          id: notification.id,
          type: notification.type,
          created_at: notification.created_at,
          account: this.accountJson(notification.status.account),
          status: this.statusJson(notification.status),
        })),
      };
    }
    return { status: 404, body: { error: 'Record not found' } };
  }

  private storeStatus(
    account: FakeAccount,
    text: string,
    inReplyTo: string | null,
    mediaIds: string[],
    visibility: Visibility = 'public',
  ): FakeStatus {
    const status: FakeStatus = {
      id: this.id(),
      account,
      text,
      content: `<p>${escapeHtml(text).replace(/\n/g, '<br />')}</p>`,
      in_reply_to_id: inReplyTo,
      visibility,
      media_ids: mediaIds,
      created_at: new Date().toISOString(),
      favourites_count: 0,
      reblogs_count: 0,
      replies_count: 0,
    };
    this.statuses.set(status.id, status);
    const parent = inReplyTo ? this.statuses.get(inReplyTo) : undefined;
    if (parent) parent.replies_count += 1;
    return status;
  }

  private accountJson(account: FakeAccount) {
    return {
      id: account.id,
      username: account.username.split('@')[0],
      acct: account.username,
      display_name: account.display_name,
      avatar: account.avatar,
      url: `${this.url}/@${account.username}`,
    };
  }

  private statusJson(status: FakeStatus) {
    return {
      id: status.id,
      uri: `${this.url}/users/${status.account.username}/statuses/${status.id}`,
      url: `${this.url}/@${status.account.username}/${status.id}`,
      created_at: status.created_at,
      in_reply_to_id: status.in_reply_to_id,
      visibility: status.visibility,
      content: status.content,
      account: this.accountJson(status.account),
      media_attachments: status.media_ids.map((id) => {
        const media = this.media.get(id);
        return media ? this.mediaJson(media) : { id };
      }),
      favourites_count: status.favourites_count,
      reblogs_count: status.reblogs_count,
      replies_count: status.replies_count,
    };
  }

  private mediaJson(media: FakeMedia) {
    const done = media.pendingLooks === 0;
    return {
      id: media.id,
      type: media.mimeType.startsWith('video/') ? 'video' : 'image',
      url: done ? `${this.url}/system/media/${media.id}/original` : null,
      preview_url: `${this.url}/system/media/${media.id}/small`,
      description: media.description,
    };
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function headersOf(injection: Injection): Record<string, string> {
  return typeof injection.headers === 'function' ? injection.headers() : (injection.headers ?? {});
}
