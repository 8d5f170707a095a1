import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixedWindowLimiter } from '../rate-limit.js';
import { FakeMetaMessaging } from './fake-meta-messaging.js';

// Meta's Graph APIs as their references document them, on one local server: Facebook Login (the dialog,
// /oauth/access_token with code and fb_exchange_token), the Pages API (me/accounts with Page tokens,
// feed posts with unpublished photos attached, comments, insights), the Instagram API with Facebook
// Login (media containers with status_code, media_publish, comments and replies, insights) under
// /v21.0, the Messenger Platform's Conversations and Send APIs for a Page's Messenger conversations and
// its linked Instagram account's direct messages (fake-meta-messaging.ts), and the Threads API (its OAuth,
// th_exchange_token and th_refresh_token, containers, threads_publish, replies, insights) under /v1.0.
// Tokens go as a bearer header or `access_token`. Errors are Graph's `{"error": {message, type, code,
// error_subcode, fbtrace_id}}`: code 190 for a token that no longer works, 4/17/32/613 for rate limits
// (with the usage headers), 100 for a bad parameter, 200 (Instagram messaging: 10) for a missing
// permission, 10 with subcode 2018278 (Instagram: 2534022) for an answer outside the 24-hour window.
// Tests inject failures per request.

const FB = '/v21.0';
const TH = '/v1.0';
const HOUR_S = 3600;
const LONG_LIVED_S = 60 * 24 * HOUR_S;

type TokenKind = 'user' | 'page' | 'threads';
interface TokenGrant {
  kind: TokenKind;
  /** The Facebook user, the Page or the Threads user. */
  subject: string;
  scopes: string[];
  longLived: boolean;
  issuedAt: number;
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
}

export interface FakeFacebookUser {
  id: string;
  name: string;
  pageIds: string[];
}
export interface FakePage {
  id: string;
  name: string;
  username: string;
  instagramId: string | null;
}
export interface FakeInstagramAccount {
  id: string;
  username: string;
  name: string;
  pageId: string;
}
export interface FakeThreadsUser {
  id: string;
  username: string;
  name: string;
}

/** A Page post, a Page photo, an Instagram media or a Threads post. */
export interface FakeObject {
  id: string;
  kind: 'fb_post' | 'fb_photo' | 'fb_video' | 'ig_media' | 'th_post';
  owner: string;
  text: string;
  createdAt: number;
  link: string | null;
  /** Photos attached (Page posts), children (carousels), or the file URL fetched. */
  media: string[];
  altTexts: string[];
  replyTo: string | null;
  published: boolean;
}

export interface FakeComment {
  id: string;
  /** The post or media it is on. */
  objectId: string;
  parentId: string | null;
  from: { id: string; name: string };
  message: string;
  createdAt: number;
}

interface Container {
  id: string;
  network: 'instagram' | 'threads';
  owner: string;
  params: Record<string, string>;
  looksLeft: number;
  status: 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'PUBLISHED';
  error: string | null;
}

/** One request as the fake saw it (tokens left out). */
export interface SeenRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  bearer: boolean;
}

export interface Injection {
  method: string;
  path: string | RegExp;
  status: number;
  body?: unknown;
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Do the work and then answer with the failure: a lost answer. */
  afterHandling?: boolean;
}

export const FAKE_APP = { clientId: '1234567890', clientSecret: 'app-secret-abcdef' };

/** A Graph error answer. */
export function graphError(
  code: number,
  message: string,
  extra: { type?: string; error_subcode?: number; error_user_msg?: string; is_transient?: boolean } = {},
) {
  return {
    error: { message, type: extra.type ?? 'OAuthException', code, ...extra, fbtrace_id: 'AbCdEfGh123' },
  };
}

export class FakeMetaServer {
  readonly requests: SeenRequest[] = [];
  readonly objects = new Map<string, FakeObject>();
  readonly comments = new Map<string, FakeComment>();
  readonly containers = new Map<string, Container>();
  readonly insights = new Map<string, Record<string, number>>();
  /** Messenger and Instagram Direct conversations (fake-meta-messaging.ts). */
  readonly messaging: FakeMetaMessaging;
  private readonly tokens = new Map<string, TokenGrant>();
  private readonly users = new Map<string, FakeFacebookUser>();
  private readonly pages = new Map<string, FakePage>();
  private readonly instagram = new Map<string, FakeInstagramAccount>();
  private readonly threadsUsers = new Map<string, FakeThreadsUser>();
  private readonly codes = new Map<
    string,
    { kind: 'facebook' | 'threads'; subject: string; scopes: string[]; redirectUri: string }
  >();
  private readonly injections: Injection[] = [];
  private approving: { facebook: string | null; threads: string | null } = { facebook: null, threads: null };
  /** Permissions the person unticks in the next dialog (Facebook Login lets them decline some). */
  private declining: string[] = [];
  private nextId = 17_841_400_000_000_000n;
  private offsetMs = 0;
  /** Looks at a container before it is FINISHED. */
  containerLooks = 1;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {
    this.messaging = new FakeMetaMessaging({
      nextId: () => this.id(),
      now: () => this.now(),
      url,
      instagramAccount: (id) => this.instagram.get(id),
    });
  }

  static async start(): Promise<FakeMetaServer> {
    let fake: FakeMetaServer | undefined;
    const server = createServer((request, response) => {
      void fake?.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify(graphError(1, `An unknown error occurred: ${String(error)}`)));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    fake = new FakeMetaServer(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The fake's clock (tokens expire by it). */
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /**
   * Per Page (POST /{page}/feed) or Threads profile (POST /{user}/threads_publish) limit on publishing; Meta
   * documents Page limits per 24 hours and Threads' as 250 posts in 24 hours.
   */
  limiter: FixedWindowLimiter | undefined;

  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /**
   * The answer to a call over the app's limit: code 4, with `X-App-Usage` at 100% (it names no time to
   * wait, unlike the business use case header).
   */
  static appRateLimit(path: string | RegExp, method = 'GET'): Injection {
    return {
      method,
      path,
      status: 400,
      body: graphError(4, '(#4) Application request limit reached', { is_transient: true }),
      headers: { 'x-app-usage': JSON.stringify({ call_count: 100, total_cputime: 30, total_time: 45 }) },
    };
  }

  /** The answer to a throttled call: code 32 (Page-level) with the business use case usage header. */
  static rateLimit(path: string | RegExp, minutes: number, method = 'POST'): Injection {
    return {
      method,
      path,
      status: 400,
      body: graphError(32, 'Page request limit reached', { error_subcode: 2446079 }),
      headers: {
        'x-business-use-case-usage': JSON.stringify({
          '112233': [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 40,
              total_time: 60,
              estimated_time_to_regain_access: minutes,
            },
          ],
        }),
        'x-app-usage': JSON.stringify({ call_count: 12, total_cputime: 4, total_time: 6 }),
      },
    };
  }

  // --- accounts ---------------------------------------------------------------------------------

  /** A Facebook user managing Pages, one of them optionally with an Instagram professional account. */
  addFacebookUser(name: string, pages: Array<{ name: string; username: string; instagram?: string }>) {
    const user: FakeFacebookUser = { id: this.id(), name, pageIds: [] };
    const made: FakePage[] = [];
    const accounts: FakeInstagramAccount[] = [];
    for (const spec of pages) {
      const page: FakePage = { id: this.id(), name: spec.name, username: spec.username, instagramId: null };
      if (spec.instagram) {
        const account: FakeInstagramAccount = {
          id: this.id(),
          username: spec.instagram,
          name: spec.name,
          pageId: page.id,
        };
        this.instagram.set(account.id, account);
        page.instagramId = account.id;
        accounts.push(account);
      }
      this.pages.set(page.id, page);
      user.pageIds.push(page.id);
      made.push(page);
    }
    this.users.set(user.id, user);
    return { user, pages: made, instagram: accounts };
  }

  addThreadsUser(username: string, name = username): FakeThreadsUser {
    const user: FakeThreadsUser = { id: this.id(), username, name };
    this.threadsUsers.set(user.id, user);
    return user;
  }

  /** Who approves the next authorization dialog. */
  approveAs(network: 'facebook' | 'threads', subject: string, declined: string[] = []): void {
    this.approving[network] = subject;
    this.declining = declined;
  }

  /** A short-lived user token, as the code exchange would give (for tests that skip the dialog). */
  userToken(user: FakeFacebookUser, scopes: string[]): string {
    return this.issue({ kind: 'user', subject: user.id, scopes, longLived: false, lifetimeS: 2 * HOUR_S });
  }

  threadsToken(user: FakeThreadsUser, scopes: string[], longLived = false): string {
    return this.issue({
      kind: 'threads',
      subject: user.id,
      scopes,
      longLived,
      lifetimeS: longLived ? LONG_LIVED_S : HOUR_S,
    });
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  tokenGrant(token: string): TokenGrant | undefined {
    return this.tokens.get(token);
  }

  // --- what others do -----------------------------------------------------------------------------

  /** Someone comments on a Page post or an Instagram media (or answers a comment). */
  commentOn(
    objectId: string,
    from: { id: string; name: string },
    message: string,
    parentId: string | null = null,
  ): FakeComment {
    const comment: FakeComment = {
      id: `${objectId.split('_').at(-1)}_${this.id()}`,
      objectId,
      parentId,
      from,
      message,
      createdAt: this.now().getTime(),
    };
    this.comments.set(comment.id, comment);
    return comment;
  }

  /** The Page posts to its feed outside mcc (on facebook.com). */
  pagePost(pageId: string, text: string): FakeObject {
    return this.storeObject('fb_post', pageId, text);
  }

  /** Someone on Threads replies to a post. */
  threadsReply(username: string, to: string, text: string): FakeObject {
    const author = this.addThreadsUser(username);
    return this.storeObject('th_post', author.id, text, { replyTo: to });
  }

  setInsights(id: string, values: Record<string, number>): void {
    this.insights.set(id, values);
  }

  postsOf(owner: string): FakeObject[] {
    return [...this.objects.values()].filter((object) => object.owner === owner && object.published);
  }

  // --- HTTP ---------------------------------------------------------------------------------------

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private issue(grant: {
    kind: TokenKind;
    subject: string;
    scopes: string[];
    longLived: boolean;
    lifetimeS: number | null;
  }): string {
    const token = `${grant.kind === 'threads' ? 'TH' : 'EAA'}${grant.kind}${this.tokens.size + 1}x${Math.random().toString(36).slice(2, 12)}`;
    const issuedAt = this.now().getTime();
    this.tokens.set(token, {
      kind: grant.kind,
      subject: grant.subject,
      scopes: grant.scopes,
      longLived: grant.longLived,
      issuedAt,
      expiresAt: grant.lifetimeS === null ? null : issuedAt + grant.lifetimeS * 1000,
    });
    return token;
  }

  private storeObject(
    kind: FakeObject['kind'],
    owner: string,
    text: string,
    extra: Partial<Pick<FakeObject, 'link' | 'media' | 'altTexts' | 'replyTo' | 'published'>> = {},
  ): FakeObject {
    const number = this.id();
    const object: FakeObject = {
      id: kind === 'fb_post' ? `${owner}_${number}` : number,
      kind,
      owner,
      text,
      createdAt: this.now().getTime(),
      link: extra.link ?? null,
      media: extra.media ?? [],
      altTexts: extra.altTexts ?? [],
      replyTo: extra.replyTo ?? null,
      published: extra.published ?? true,
    };
    this.objects.set(object.id, object);
    return object;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const method = request.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = request.headers['content-type'] ?? '';
    const params: Record<string, string> = Object.fromEntries(url.searchParams);
    const files: Record<string, File> = {};
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString())));
    } else if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request(this.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: raw,
      }).formData();
      for (const [name, value] of form.entries()) {
        if (typeof value === 'string') params[name] = value;
        else files[name] = value;
      }
    }
    const authorization = request.headers.authorization ?? '';
    const bearer = authorization.startsWith('Bearer ') ? authorization.slice(7) : null;
    const token = bearer ?? params.access_token ?? null;
    const { access_token: _hidden, client_secret: _secret, ...visible } = params;
    this.requests.push({ method, path: url.pathname, params: visible, bearer: bearer !== null });

    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
      response.end(JSON.stringify(body));
    };
    const index = this.injections.findIndex(
      (injection) =>
        injection.method === method &&
        (typeof injection.path === 'string'
          ? injection.path === url.pathname
          : injection.path.test(url.pathname)),
    );
    const injection = index >= 0 ? this.injections.splice(index, 1)[0] : undefined;
    const injected = (found: Injection) =>
      reply(
        found.status,
        found.body ?? graphError(2, 'Service temporarily unavailable', { is_transient: true }),
        typeof found.headers === 'function' ? found.headers() : (found.headers ?? {}),
      );
    if (injection && !injection.afterHandling) return injected(injection);

    // The dialogs answer with a redirect, not JSON.
    if (method === 'GET' && (url.pathname === `${FB}/dialog/oauth` || url.pathname === '/oauth/authorize')) {
      const network = url.pathname === '/oauth/authorize' ? 'threads' : 'facebook';
      const subject = this.approving[network];
      const redirect = new URL(params.redirect_uri ?? '');
      if (!subject || params.client_id !== FAKE_APP.clientId) {
        redirect.searchParams.set('error', 'access_denied');
      } else {
        const code = `code${this.id()}`;
        this.codes.set(code, {
          kind: network,
          subject,
          scopes: (params.scope ?? '').split(',').filter((scope) => scope && !this.declining.includes(scope)),
          redirectUri: params.redirect_uri ?? '',
        });
        redirect.searchParams.set('code', code);
      }
      if (params.state) redirect.searchParams.set('state', params.state);
      response.writeHead(302, { location: redirect.toString() });
      response.end();
      return;
    }

    const published = method === 'POST' ? /\/(\d+)\/(?:feed|threads_publish)$/.exec(url.pathname) : null;
    const verdict = published ? this.limiter?.take(published[1] ?? '') : undefined;
    if (verdict && !verdict.ok) {
      // Meta throttles a Page (code 32) or a Threads profile and says when in minutes, in a usage header.
      return reply(400, graphError(32, 'Page request limit reached', { error_subcode: 2446079 }), {
        'x-business-use-case-usage': JSON.stringify({
          [published?.[1] ?? '']: [
            {
              type: 'pages',
              call_count: 100,
              total_cputime: 1,
              total_time: 1,
              estimated_time_to_regain_access: Math.ceil(verdict.resetAfterMs / 60_000),
            },
          ],
        }),
      });
    }
    const answer = await this.route(method, url.pathname, params, files, token);
    if (injection) return injected(injection);
    reply(answer.status, answer.body);
  }

  private grantOf(token: string | null): TokenGrant | { error: { status: number; body: unknown } } {
    const grant = token ? this.tokens.get(token) : undefined;
    if (!grant) {
      return {
        error: {
          status: 400,
          body: graphError(190, 'Invalid OAuth access token - Cannot parse access token'),
        },
      };
    }
    if (grant.expiresAt !== null && grant.expiresAt <= this.now().getTime()) {
      return {
        error: {
          status: 400,
          body: graphError(
            190,
            `Error validating access token: Session has expired on ${new Date(grant.expiresAt).toUTCString()}.`,
            {
              error_subcode: 463,
            },
          ),
        },
      };
    }
    return grant;
  }

  private async route(
    method: string,
    path: string,
    params: Record<string, string>,
    files: Record<string, File>,
    token: string | null,
  ): Promise<{ status: number; body: unknown }> {
    if (path === `${FB}/oauth/access_token`) return this.facebookToken(params);
    if (path === '/oauth/access_token' && method === 'POST') return this.threadsCode(params);
    if (path === '/access_token' || path === '/refresh_access_token')
      return this.threadsLongLived(path, token);

    const grant = this.grantOf(token);
    if ('error' in grant) return grant.error;
    if (path.startsWith(`${FB}/`))
      return this.graph(method, path.slice(FB.length + 1).split('/'), params, files, grant);
    if (path.startsWith(`${TH}/`))
      return this.threads(method, path.slice(TH.length + 1).split('/'), params, grant);
    return { status: 404, body: graphError(803, 'Some of the aliases you requested do not exist') };
  }

  // --- OAuth ----------------------------------------------------------------------------------

  private facebookToken(params: Record<string, string>) {
    if (params.client_id !== FAKE_APP.clientId || params.client_secret !== FAKE_APP.clientSecret) {
      return { status: 400, body: graphError(1, 'Error validating client secret.') };
    }
    if (params.grant_type === 'fb_exchange_token') {
      const grant = this.grantOf(params.fb_exchange_token ?? null);
      if ('error' in grant) return grant.error;
      const token = this.issue({ ...grant, longLived: true, lifetimeS: LONG_LIVED_S });
      return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: LONG_LIVED_S } };
    }
    const code = this.codes.get(params.code ?? '');
    if (code?.kind !== 'facebook' || code.redirectUri !== params.redirect_uri) {
      return {
        status: 400,
        body: graphError(100, 'Invalid verification code format.', { type: 'OAuthException' }),
      };
    }
    this.codes.delete(params.code ?? '');
    const token = this.issue({
      kind: 'user',
      subject: code.subject,
      scopes: code.scopes,
      longLived: false,
      lifetimeS: 2 * HOUR_S,
    });
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 2 * HOUR_S } };
  }

  private threadsCode(params: Record<string, string>) {
    if (params.client_id !== FAKE_APP.clientId || params.client_secret !== FAKE_APP.clientSecret) {
      return { status: 400, body: graphError(101, 'Error validating application. Invalid application ID.') };
    }
    const code = this.codes.get(params.code ?? '');
    if (
      code?.kind !== 'threads' ||
      params.grant_type !== 'authorization_code' ||
      code.redirectUri !== params.redirect_uri
    ) {
      return { status: 400, body: graphError(100, 'Invalid verification code format.') };
    }
    this.codes.delete(params.code ?? '');
    const token = this.issue({
      kind: 'threads',
      subject: code.subject,
      scopes: code.scopes,
      longLived: false,
      lifetimeS: HOUR_S,
    });
    return { status: 200, body: { access_token: token, user_id: Number(code.subject) } };
  }

  private threadsLongLived(path: string, token: string | null) {
    const grant = this.grantOf(token);
    if ('error' in grant) return grant.error;
    if (grant.kind !== 'threads')
      return { status: 400, body: graphError(190, 'Invalid OAuth access token - Cannot parse access token') };
    if (path === '/refresh_access_token') {
      // Only long-lived tokens at least a day old can be renewed.
      if (!grant.longLived || this.now().getTime() - grant.issuedAt < 24 * HOUR_S * 1000) {
        return {
          status: 400,
          body: graphError(
            190,
            'The access token can only be refreshed after 24 hours and before it expires.',
            { error_subcode: 460 },
          ),
        };
      }
    } else if (grant.longLived) {
      return { status: 400, body: graphError(100, 'The access token is already long-lived.') };
    }
    const next = this.issue({ ...grant, longLived: true, lifetimeS: LONG_LIVED_S });
    return { status: 200, body: { access_token: next, token_type: 'bearer', expires_in: LONG_LIVED_S } };
  }

  // --- Facebook and Instagram -----------------------------------------------------------------

  private pageOf(grant: TokenGrant, id: string): FakePage | null {
    const page = this.pages.get(id);
    return page && grant.kind === 'page' && grant.subject === page.id ? page : null;
  }

  private igOf(grant: TokenGrant, id: string): FakeInstagramAccount | null {
    const account = this.instagram.get(id);
    if (!account) return null;
    if (grant.kind === 'page' && grant.subject === account.pageId) return account;
    if (grant.kind === 'user' && this.users.get(grant.subject)?.pageIds.includes(account.pageId))
      return account;
    return null;
  }

  private needs(grant: TokenGrant, scope: string) {
    return grant.scopes.includes(scope)
      ? null
      : {
          status: 403,
          body: graphError(200, `(#200) Requires ${scope} permission to manage the object`, {
            type: 'OAuthException',
          }),
        };
  }

  private graph(
    method: string,
    segments: string[],
    params: Record<string, string>,
    files: Record<string, File>,
    grant: TokenGrant,
  ): { status: number; body: unknown } {
    const [first = '', edge] = segments;
    const missing = {
      status: 400,
      body: graphError(
        100,
        `(#100) Unsupported ${method.toLowerCase()} request. Object with ID '${first}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
        { error_subcode: 33, type: 'GraphMethodException' },
      ),
    };
    const fields = params.fields ?? '';

    if (first === 'me' && edge === 'accounts' && method === 'GET') {
      if (grant.kind !== 'user')
        return {
          status: 400,
          body: graphError(100, '(#100) Tried accessing nonexisting field (accounts) on node type (Page)'),
        };
      const user = this.users.get(grant.subject);
      const data = (user?.pageIds ?? []).flatMap((id) => {
        const page = this.pages.get(id);
        if (!page) return [];
        const ig = page.instagramId ? this.instagram.get(page.instagramId) : undefined;
        const pageToken = fields.includes('access_token')
          ? this.issue({
              kind: 'page',
              subject: page.id,
              scopes: grant.scopes,
              longLived: grant.longLived,
              lifetimeS: grant.longLived
                ? null
                : Math.max(0, Math.floor(((grant.expiresAt ?? 0) - this.now().getTime()) / 1000)),
            })
          : undefined;
        return [
          {
            id: page.id,
            name: page.name,
            username: page.username,
            link: `https://www.facebook.com/${page.username}`,
            category: 'Bakery',
            tasks: ['ADVERTISE', 'ANALYZE', 'CREATE_CONTENT', 'MESSAGING', 'MODERATE', 'MANAGE'],
            picture: { data: { url: `https://scontent.example/${page.id}.jpg`, is_silhouette: false } },
            ...(pageToken ? { access_token: pageToken } : {}),
            ...(ig && fields.includes('instagram_business_account')
              ? {
                  instagram_business_account: {
                    id: ig.id,
                    username: ig.username,
                    name: ig.name,
                    profile_picture_url: `https://scontent.example/ig${ig.id}.jpg`,
                  },
                }
              : {}),
          },
        ];
      });
      return { status: 200, body: { data, paging: { cursors: { before: 'QVFIUk', after: 'QVFIUl' } } } };
    }

    // With a Page token, `me` is the Page.
    const page = this.pages.get(first === 'me' && grant.kind === 'page' ? grant.subject : first);
    if (page) {
      if (!this.pageOf(grant, page.id))
        return {
          status: 403,
          body: graphError(200, '(#200) The user hasn’t authorized the application to perform this action'),
        };
      if (edge === 'photos' && method === 'POST') {
        const denied = this.needs(grant, 'pages_manage_posts');
        if (denied) return denied;
        const file = files.source;
        if (!file && !params.url)
          return { status: 400, body: graphError(324, '(#324) Requires upload file') };
        const published = params.published !== 'false';
        const photo = this.storeObject('fb_photo', page.id, params.caption ?? params.message ?? '', {
          published,
          media: [file?.name ?? params.url ?? ''],
          altTexts: params.alt_text_custom ? [params.alt_text_custom] : [],
        });
        return { status: 200, body: { id: photo.id } };
      }
      if (edge === 'videos' && method === 'POST') {
        const denied = this.needs(grant, 'pages_manage_posts');
        if (denied) return denied;
        if (!files.source && !params.file_url)
          return {
            status: 400,
            body: graphError(390, 'There was a problem uploading your video file. Please try again.'),
          };
        const video = this.storeObject('fb_video', page.id, params.description ?? '', {
          media: [files.source?.name ?? params.file_url ?? ''],
        });
        return { status: 200, body: { id: video.id } };
      }
      if (edge === 'feed' && method === 'POST') {
        const denied = this.needs(grant, 'pages_manage_posts');
        if (denied) return denied;
        const attached: string[] = [];
        for (let index = 0; params[`attached_media[${index}]`]; index += 1) {
          const { media_fbid } = JSON.parse(params[`attached_media[${index}]`] ?? '{}') as {
            media_fbid?: string;
          };
          const photo = media_fbid ? this.objects.get(media_fbid) : undefined;
          if (photo?.kind !== 'fb_photo' || photo.owner !== page.id) {
            return {
              status: 400,
              body: graphError(100, '(#100) param attached_media must be an array of media_fbid'),
            };
          }
          attached.push(photo.id);
        }
        const message = params.message ?? '';
        if (!message.trim() && !params.link && attached.length === 0) {
          return {
            status: 400,
            body: graphError(100, '(#100) Invalid parameter', {
              error_user_msg: 'Your post is empty: add text, a link or a photo.',
            }),
          };
        }
        const post = this.storeObject('fb_post', page.id, message, {
          link: params.link ?? null,
          media: attached,
        });
        return { status: 200, body: { id: post.id } };
      }
      if (edge === 'published_posts' && method === 'GET') {
        const since = params.since ? Number(params.since) * 1000 : 0;
        const data = this.postsOf(page.id)
          .filter((post) => post.kind === 'fb_post' && post.createdAt >= since)
          .reverse()
          .slice(0, Number(params.limit ?? 25))
          .map((post) => ({ id: post.id, message: post.text, created_time: graphTime(post.createdAt) }));
        return { status: 200, body: { data } };
      }
      if (edge === 'conversations' && method === 'GET') return this.messaging.list(page, grant, params);
      if (edge === 'messages' && method === 'POST') return this.messaging.send(page, grant, params);
      return missing;
    }

    const ig = this.instagram.get(first);
    if (ig) {
      if (!this.igOf(grant, ig.id))
        return {
          status: 403,
          body: graphError(10, '(#10) Application does not have permission for this action'),
        };
      if (edge === 'media' && method === 'POST') return this.container('instagram', ig.id, params, grant);
      if (edge === 'media_publish' && method === 'POST')
        return this.publishContainer('instagram', ig.id, params);
      if (edge === 'media' && method === 'GET') {
        const data = this.postsOf(ig.id)
          .filter((media) => media.kind === 'ig_media')
          .reverse()
          .slice(0, Number(params.limit ?? 25))
          .map((media) => ({
            id: media.id,
            caption: media.text,
            timestamp: graphTime(media.createdAt),
            permalink: permalinkOf(media),
          }));
        return { status: 200, body: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
      }
      return missing;
    }

    const container = this.containers.get(first);
    if (container && container.network === 'instagram' && method === 'GET' && !edge) {
      if (container.status === 'IN_PROGRESS') {
        if (container.looksLeft > 0) container.looksLeft -= 1;
        else container.status = 'FINISHED';
      }
      return {
        status: 200,
        body: {
          id: container.id,
          status_code: container.status,
          ...(container.error ? { status: `Error: ${container.error}` } : {}),
        },
      };
    }

    const object = this.objects.get(first);
    const comment = this.comments.get(first);
    if (object && !edge && method === 'GET') {
      return { status: 200, body: this.describe(object) };
    }
    if ((object || comment) && edge === 'insights' && method === 'GET' && object) {
      return this.insightsOf(object, params.metric ?? '');
    }
    if ((object || comment) && edge === 'comments') {
      const target = (object?.id ?? comment?.id) as string;
      if (method === 'POST') {
        const denied = this.needs(
          grant,
          object?.kind === 'ig_media' ? 'instagram_manage_comments' : 'pages_manage_engagement',
        );
        if (denied) return denied;
        if (!params.message?.trim())
          return { status: 400, body: graphError(100, '(#100) The parameter message is required') };
        const from = this.actorOf(grant);
        const objectId = object?.id ?? comment?.objectId ?? target;
        const made = this.commentOn(objectId, from, params.message, comment ? comment.id : null);
        return { status: 200, body: { id: made.id } };
      }
      const since = params.since ? Number(params.since) * 1000 : 0;
      const stream = params.filter === 'stream';
      const data = [...this.comments.values()]
        .filter((entry) =>
          object
            ? entry.objectId === object.id && (stream || entry.parentId === null)
            : entry.parentId === target,
        )
        .filter((entry) => entry.createdAt >= since)
        .slice(0, Number(params.limit ?? 25))
        .map((entry) => this.commentJson(entry, object?.kind === 'ig_media'));
      return { status: 200, body: { data } };
    }
    if (comment && edge === 'replies') {
      if (method === 'POST') {
        const denied = this.needs(grant, 'instagram_manage_comments');
        if (denied) return denied;
        if (!params.message?.trim())
          return { status: 400, body: graphError(100, '(#100) The parameter message is required') };
        const made = this.commentOn(comment.objectId, this.actorOf(grant), params.message, comment.id);
        return { status: 200, body: { id: made.id } };
      }
      const data = [...this.comments.values()]
        .filter((entry) => entry.parentId === comment.id)
        .map((entry) => this.commentJson(entry, true));
      return { status: 200, body: { data } };
    }
    return missing;
  }

  /** Who a Page token comments as: the Page, or the Instagram account linked to it. */
  private actorOf(grant: TokenGrant): { id: string; name: string } {
    const page = this.pages.get(grant.subject);
    return { id: page?.id ?? grant.subject, name: page?.name ?? 'Someone' };
  }

  private commentJson(entry: FakeComment, instagram: boolean) {
    if (instagram) {
      const ownAccount = this.pages.get(entry.from.id)?.instagramId;
      const account = ownAccount ? this.instagram.get(ownAccount) : undefined;
      const from = account
        ? { id: account.id, username: account.username }
        : { id: entry.from.id, username: entry.from.name };
      return {
        id: entry.id,
        text: entry.message,
        timestamp: graphTime(entry.createdAt),
        username: from.username,
        from,
        ...(entry.parentId ? { parent_id: entry.parentId } : {}),
      };
    }
    return {
      id: entry.id,
      message: entry.message,
      created_time: graphTime(entry.createdAt),
      from: entry.from,
      ...(entry.parentId ? { parent: { id: entry.parentId } } : {}),
      permalink_url: `https://www.facebook.com/${entry.objectId}?comment_id=${entry.id}`,
    };
  }

  private describe(object: FakeObject) {
    const comments = [...this.comments.values()].filter((entry) => entry.objectId === object.id);
    const counts = this.insights.get(object.id) ?? {};
    return {
      id: object.id,
      message: object.text,
      created_time: graphTime(object.createdAt),
      permalink: permalinkOf(object),
      permalink_url: permalinkOf(object),
      shares: { count: counts.shares ?? 0 },
      comments: { data: [], summary: { order: 'ranked', total_count: comments.length, can_comment: true } },
      reactions: { data: [], summary: { total_count: counts.reactions ?? 0, viewer_reaction: 'NONE' } },
    };
  }

  private insightsOf(object: FakeObject, metric: string) {
    const known: Record<FakeObject['kind'], string[]> = {
      fb_post: ['post_impressions', 'post_impressions_unique', 'post_clicks', 'post_reactions_by_type_total'],
      fb_photo: [],
      fb_video: ['total_video_views'],
      ig_media: [
        'impressions',
        'reach',
        'likes',
        'comments',
        'shares',
        'saved',
        'views',
        'total_interactions',
      ],
      th_post: ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'],
    };
    const names = metric.split(',').filter(Boolean);
    const unknown = names.find((name) => !known[object.kind].includes(name));
    if (names.length === 0 || unknown) {
      return {
        status: 400,
        body: graphError(
          100,
          `(#100) The value must be a valid insights metric${unknown ? `: ${unknown}` : ''}`,
        ),
      };
    }
    const values = this.insights.get(object.id) ?? {};
    const comments = [...this.comments.values()].filter((entry) => entry.objectId === object.id).length;
    const replies = [...this.objects.values()].filter((entry) => entry.replyTo === object.id).length;
    return {
      status: 200,
      body: {
        data: names.map((name) => ({
          name,
          period: 'lifetime',
          values: [
            { value: values[name] ?? (name === 'comments' ? comments : name === 'replies' ? replies : 0) },
          ],
          title: name,
          description: `Lifetime ${name}`,
          id: `${object.id}/insights/${name}/lifetime`,
        })),
      },
    };
  }

  private container(
    network: 'instagram' | 'threads',
    owner: string,
    params: Record<string, string>,
    grant: TokenGrant,
  ) {
    const denied = this.needs(
      grant,
      network === 'instagram' ? 'instagram_content_publish' : 'threads_content_publish',
    );
    if (denied) return denied;
    const type = params.media_type ?? (network === 'instagram' ? (params.image_url ? 'IMAGE' : '') : '');
    const text = network === 'instagram' ? (params.caption ?? '') : (params.text ?? '');
    const limit = network === 'instagram' ? 2200 : 500;
    if ([...text].length > limit) {
      return {
        status: 400,
        body: graphError(
          100,
          network === 'instagram'
            ? '(#100) The caption is too long.'
            : `Param text must be at most ${limit} characters long.`,
        ),
      };
    }
    if (type === 'CAROUSEL') {
      const children = (params.children ?? '').split(',').filter(Boolean);
      const max = network === 'instagram' ? 10 : 20;
      if (children.length < 2 || children.length > max) {
        return {
          status: 400,
          body: graphError(100, `(#100) The parameter children must have between 2 and ${max} items`),
        };
      }
      for (const child of children) {
        const found = this.containers.get(child);
        if (
          !found ||
          found.owner !== owner ||
          found.params.is_carousel_item !== 'true' ||
          found.status !== 'FINISHED'
        ) {
          return {
            status: 400,
            body: graphError(9007, 'Media ID is not available', {
              error_subcode: 2207027,
              error_user_msg: 'The media is not ready for publishing, please wait for a moment',
            }),
          };
        }
      }
    } else if (type === 'TEXT') {
      if (network !== 'threads' || !text.trim())
        return { status: 400, body: graphError(100, 'Param text is required for TEXT posts') };
    } else if (type === 'IMAGE' || (network === 'instagram' && !type)) {
      if (!params.image_url)
        return { status: 400, body: graphError(100, '(#100) The parameter image_url is required.') };
    } else if (type === 'VIDEO' || type === 'REELS') {
      if (!params.video_url)
        return { status: 400, body: graphError(100, '(#100) The parameter video_url is required.') };
    } else {
      return {
        status: 400,
        body: graphError(
          100,
          `(#100) Param media_type must be one of {${network === 'instagram' ? 'CAROUSEL, REELS, STORIES, VIDEO' : 'TEXT, IMAGE, VIDEO, CAROUSEL'}}`,
        ),
      };
    }
    if (params.reply_to_id && !this.objects.has(params.reply_to_id)) {
      return { status: 400, body: graphError(100, 'Param reply_to_id is not a valid post id') };
    }
    const fileUrl = params.image_url ?? params.video_url ?? '';
    const broken = fileUrl !== '' && (!/^https?:\/\//.test(fileUrl) || fileUrl.includes('unreachable'));
    const container: Container = {
      id: this.id(),
      network,
      owner,
      params: { ...params, media_type: type },
      looksLeft: type === 'TEXT' ? 0 : this.containerLooks,
      status: broken ? 'ERROR' : type === 'TEXT' ? 'FINISHED' : 'IN_PROGRESS',
      error: broken ? 'Media download has failed. The media URI doesn’t meet our requirements.' : null,
    };
    this.containers.set(container.id, container);
    return { status: 200, body: { id: container.id } };
  }

  private publishContainer(network: 'instagram' | 'threads', owner: string, params: Record<string, string>) {
    const container = this.containers.get(params.creation_id ?? '');
    if (!container || container.owner !== owner || container.network !== network) {
      return {
        status: 400,
        body: graphError(100, '(#100) Param creation_id must be a valid media container id'),
      };
    }
    if (container.status === 'PUBLISHED') {
      return {
        status: 400,
        body: graphError(9007, 'The media has already been published', { error_subcode: 2207051 }),
      };
    }
    if (container.status !== 'FINISHED') {
      return {
        status: 400,
        body: graphError(9007, 'Media ID is not available', {
          error_subcode: 2207027,
          error_user_msg: 'The media is not ready for publishing, please wait for a moment',
        }),
      };
    }
    container.status = 'PUBLISHED';
    const p = container.params;
    const children = (p.children ?? '').split(',').filter(Boolean);
    const files = children.length > 0 ? children.map((id) => this.containers.get(id)?.params ?? {}) : [p];
    const object = this.storeObject(
      network === 'instagram' ? 'ig_media' : 'th_post',
      owner,
      (network === 'instagram' ? p.caption : p.text) ?? '',
      {
        media: files.map((file) => file.image_url ?? file.video_url ?? '').filter(Boolean),
        altTexts: files.map((file) => file.alt_text ?? '').filter(Boolean),
        replyTo: p.reply_to_id ?? null,
      },
    );
    return { status: 200, body: { id: object.id } };
  }

  // --- Threads ------------------------------------------------------------------------------------

  private threads(
    method: string,
    segments: string[],
    params: Record<string, string>,
    grant: TokenGrant,
  ): { status: number; body: unknown } {
    if (grant.kind !== 'threads')
      return { status: 400, body: graphError(190, 'Invalid OAuth access token - Cannot parse access token') };
    const user = this.threadsUsers.get(grant.subject) as FakeThreadsUser;
    const [rawFirst = '', edge] = segments;
    const first = rawFirst === 'me' ? user.id : rawFirst;
    const missing = {
      status: 400,
      body: graphError(
        100,
        `Unsupported ${method.toLowerCase()} request. Object with ID '${rawFirst}' does not exist`,
        { type: 'THApiException', error_subcode: 33 },
      ),
    };
    if (first === user.id && !edge && method === 'GET') {
      return {
        status: 200,
        body: {
          id: user.id,
          username: user.username,
          name: user.name,
          threads_profile_picture_url: `https://scontent.example/th${user.id}.jpg`,
        },
      };
    }
    if (first === user.id && edge === 'threads' && method === 'POST')
      return this.container('threads', user.id, params, grant);
    if (first === user.id && edge === 'threads_publish' && method === 'POST')
      return this.publishContainer('threads', user.id, params);
    if (first === user.id && (edge === 'threads' || edge === 'replies') && method === 'GET') {
      const since = params.since ? Number(params.since) * 1000 : 0;
      const data = this.postsOf(user.id)
        .filter(
          (post) =>
            post.kind === 'th_post' &&
            (edge === 'replies') === (post.replyTo !== null) &&
            post.createdAt >= since,
        )
        .reverse()
        .slice(0, Number(params.limit ?? 25))
        .map((post) => this.threadJson(post));
      return { status: 200, body: { data } };
    }
    const container = this.containers.get(first);
    if (container && container.network === 'threads' && method === 'GET' && !edge) {
      if (container.status === 'IN_PROGRESS') {
        if (container.looksLeft > 0) container.looksLeft -= 1;
        else container.status = 'FINISHED';
      }
      return {
        status: 200,
        body: {
          id: container.id,
          status: container.status,
          ...(container.error ? { error_message: container.error } : {}),
        },
      };
    }
    const post = this.objects.get(first);
    if (post?.kind === 'th_post') {
      if (!edge && method === 'GET') return { status: 200, body: this.threadJson(post) };
      if (edge === 'insights' && method === 'GET') {
        if (!grant.scopes.includes('threads_manage_insights'))
          return this.needs(grant, 'threads_manage_insights') ?? missing;
        return this.insightsOf(post, params.metric ?? '');
      }
      if (edge === 'replies' && method === 'GET') {
        const data = [...this.objects.values()]
          .filter((reply) => reply.replyTo === post.id)
          .map((reply) => this.threadJson(reply));
        return { status: 200, body: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
      }
    }
    return missing;
  }

  private threadJson(post: FakeObject) {
    const author = this.threadsUsers.get(post.owner);
    return {
      id: post.id,
      media_product_type: 'THREADS',
      text: post.text,
      username: author?.username,
      timestamp: graphTime(post.createdAt),
      permalink: permalinkOf(post, author?.username),
      ...(post.replyTo ? { replied_to: { id: post.replyTo }, is_reply: true } : { is_reply: false }),
    };
  }
}

/** Graph's time format: ISO 8601 with `+0000`. */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function permalinkOf(object: FakeObject, username?: string): string {
  const code = BigInt(object.id.split('_').at(-1) ?? '0').toString(36);
  if (object.kind === 'ig_media') return `https://www.instagram.com/p/${code}/`;
  if (object.kind === 'th_post') return `https://www.threads.net/@${username ?? 'someone'}/post/${code}`;
  return `https://www.facebook.com/${object.id}`;
}
