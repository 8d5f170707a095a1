import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixedWindowLimiter, RateLimitVerdict } from './rate-limit.js';

// The plumbing the OAuth networks' contract fakes share (LinkedIn, Pinterest, Google Business Profile): a
// real HTTP server on 127.0.0.1, a log of what it received, failures injected per request, and an OAuth 2
// authorization server (codes, PKCE, access tokens that expire, refresh tokens). Each fake answers its
// own endpoints and errors in its network's wording.

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  json: unknown;
  raw: Buffer;
}

/** A failure to answer with instead of (or, with `afterHandling`, after doing) the real work. */
export interface Injection {
  method: string;
  /** The path without the query. */
  path: string | RegExp;
  status: number;
  body?: unknown;
  /** Or a function, for headers that name a time relative to the answer (a rate limit's reset). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Do the work and then answer with the failure: a lost answer. */
  afterHandling?: boolean;
}

export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** What an access token opens. */
export interface Grant {
  subject: string;
  scopes: string[];
  expiresAt: number;
}

interface PendingCode {
  subject: string;
  scopes: string[];
  clientId: string;
  redirectUri: string;
  codeChallenge: string | null;
}

export abstract class FakeNetworkServer {
  readonly requests: SeenRequest[] = [];
  /** Registered OAuth apps: client id → secret. */
  readonly clients = new Map<string, string>();
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Omit<Grant, 'expiresAt'>>();
  private readonly codes = new Map<string, PendingCode>();
  private readonly injections: Injection[] = [];
  private server: Server | undefined;
  url = '';
  /** Seconds an access token lives. */
  accessTokenSeconds = 3600;
  /** Whether a refresh answers a new refresh token too (Google keeps the first one instead). */
  protected rotatesRefreshTokens = true;
  /** Who approves on the consent page (a subject the network's API knows); null: the person declines. */
  approver: string | null = null;
  /** The network's limit on its publishing calls, per account or location (benches set it); unset, none. */
  limiter: FixedWindowLimiter | undefined;

  protected async listen(): Promise<void> {
    const server = createServer((request, response) => {
      void this.dispatch(request, response).catch((error: unknown) => {
        this.send(response, { status: 500, body: this.errorBody(500, String(error)) });
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answer the next matching request with a failure. */
  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /** Requests to a path, in order. */
  seen(method: string, path: string | RegExp): SeenRequest[] {
    return this.requests.filter(
      (request) =>
        request.method === method &&
        (typeof path === 'string' ? request.path === path : path.test(request.path)),
    );
  }

  /** Tokens as the token endpoint would issue them after the person approved `scopes`. */
  issueTokens(
    subject: string,
    scopes: string[],
  ): { access_token: string; refresh_token: string; expires_in: number } {
    const access = `at_${randomBytes(12).toString('hex')}`;
    const refresh = `rt_${randomBytes(12).toString('hex')}`;
    this.accessTokens.set(access, {
      subject,
      scopes,
      expiresAt: Date.now() + this.accessTokenSeconds * 1000,
    });
    this.refreshTokens.set(refresh, { subject, scopes });
    return { access_token: access, refresh_token: refresh, expires_in: this.accessTokenSeconds };
  }

  /** A code as the authorization page would redirect with once the person approved. */
  authorize(
    subject: string,
    request: { clientId: string; redirectUri: string; scopes: string[]; codeChallenge?: string },
  ): string {
    const code = `code_${randomBytes(8).toString('hex')}`;
    this.codes.set(code, {
      subject,
      scopes: request.scopes,
      clientId: request.clientId,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge ?? null,
    });
    return code;
  }

  /** The token stops working now (its lifetime is over). */
  expire(accessToken: string): void {
    const grant = this.accessTokens.get(accessToken);
    if (grant) grant.expiresAt = 0;
  }

  /** The person revoked the app: its refresh tokens stop working too. */
  revokeRefresh(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
  }

  /** What a bearer token opens, or why not ('missing', 'invalid', 'expired'). */
  protected grantOf(request: IncomingMessage): Grant | 'missing' | 'invalid' | 'expired' {
    const header = request.headers.authorization;
    if (!header?.startsWith('Bearer ')) return 'missing';
    const grant = this.accessTokens.get(header.slice(7));
    if (!grant) return 'invalid';
    return grant.expiresAt <= Date.now() ? 'expired' : grant;
  }

  /** The network's own answer to a request. */
  protected abstract route(request: SeenRequest, incoming: IncomingMessage): Promise<Answer>;
  /** The network's error body for a status (injected failures without a body use it). */
  protected abstract errorBody(status: number, message: string): unknown;
  /** What a request counts against when `rateLimit` covers it (the network's publishing call); null otherwise. */
  protected limitedKey(_request: SeenRequest, _incoming: IncomingMessage): string | null {
    return null;
  }
  /** Headers the network reports its window in (none for networks that report none). */
  protected limitHeaders(_verdict: RateLimitVerdict): Record<string, string> {
    return {};
  }
  /** The error body of a full window, in the network's words. */
  protected limitBody(_verdict: RateLimitVerdict): unknown {
    return this.errorBody(429, 'Too Many Requests');
  }
  /** Headers every answer carries (rate-limit windows). */
  protected commonHeaders(): Record<string, string> {
    return {};
  }
  /** The path of the token endpoint. */
  protected abstract readonly tokenPath: string;
  /** The path of the consent page the authorization URL opens. */
  protected abstract readonly authorizePath: string;
  /** How the token endpoint takes the app's credentials. */
  protected abstract readonly clientAuth: 'basic' | 'body';
  /** The token endpoint's error body (RFC 6749 §5.2 unless the network says otherwise). */
  protected tokenError(status: number, error: string, description: string): Answer {
    return { status, body: { error, error_description: description } };
  }
  /** The token endpoint's success body. */
  protected tokenAnswer(tokens: ReturnType<FakeNetworkServer['issueTokens']>, scopes: string[]): unknown {
    return { ...tokens, token_type: 'Bearer', scope: scopes.join(' ') };
  }

  private async dispatch(incoming: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const contentType = incoming.headers['content-type'] ?? '';
    let json: unknown = null;
    if (contentType.startsWith('application/json') && raw.length > 0) {
      try {
        json = JSON.parse(raw.toString());
      } catch {
        this.send(response, { status: 400, body: this.errorBody(400, 'Malformed JSON') });
        return;
      }
    }
    const seen: SeenRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      json,
      raw,
    };
    this.requests.push(seen);
    const index = this.injections.findIndex(
      (injection) =>
        injection.method === seen.method &&
        (typeof injection.path === 'string' ? injection.path === seen.path : injection.path.test(seen.path)),
    );
    const injection = index >= 0 ? this.injections.splice(index, 1)[0] : undefined;
    const injected = (): Answer => ({
      status: injection?.status ?? 500,
      body: injection?.body ?? this.errorBody(injection?.status ?? 500, 'Injected failure'),
      headers: typeof injection?.headers === 'function' ? injection.headers() : (injection?.headers ?? {}),
    });
    if (injection && !injection.afterHandling) {
      this.send(response, injected());
      return;
    }
    const isToken = seen.method === 'POST' && seen.path === this.tokenPath;
    const isConsent = seen.method === 'GET' && seen.path === this.authorizePath;
    const key = this.limiter && !isToken && !isConsent ? this.limitedKey(seen, incoming) : null;
    const verdict = key === null ? undefined : this.limiter?.take(key);
    const windowHeaders = verdict ? this.limitHeaders(verdict) : {};
    if (verdict && !verdict.ok) {
      this.send(response, { status: 429, body: this.limitBody(verdict), headers: windowHeaders });
      return;
    }
    const answer = isToken
      ? this.token(seen)
      : isConsent
        ? this.consent(seen)
        : await this.route(seen, incoming);
    this.send(
      response,
      injection ? injected() : { ...answer, headers: { ...windowHeaders, ...answer.headers } },
    );
  }

  /**
   * The consent page (RFC 6749 §4.1.1-4.1.2): an unknown app or a request without a redirect address is
   * answered on the page itself; otherwise back to the redirect address with a code for `approver`, or
   * with `error=access_denied` when nobody approves, and the `state` as it came.
   */
  private consent(request: SeenRequest): Answer {
    const query = request.query;
    const clientId = query.get('client_id') ?? '';
    const redirectUri = query.get('redirect_uri');
    if (!this.clients.has(clientId) || !redirectUri || query.get('response_type') !== 'code') {
      return { status: 400, body: this.errorBody(400, 'Invalid client_id, redirect_uri or response_type') };
    }
    const back = new URL(redirectUri);
    if (this.approver === null) back.searchParams.set('error', 'access_denied');
    else {
      const challenge = query.get('code_challenge');
      const code = this.authorize(this.approver, {
        clientId,
        redirectUri,
        scopes: (query.get('scope') ?? '').split(/[ ,]+/).filter(Boolean),
        ...(challenge ? { codeChallenge: challenge } : {}),
      });
      back.searchParams.set('code', code);
    }
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    return { status: 302, headers: { location: back.toString() } };
  }

  private token(request: SeenRequest): Answer {
    const form = new URLSearchParams(request.raw.toString());
    let clientId = form.get('client_id');
    let secret = form.get('client_secret');
    if (this.clientAuth === 'basic') {
      const header = request.headers.authorization ?? '';
      const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString() : '';
      const colon = decoded.indexOf(':');
      clientId = colon > 0 ? decodeURIComponent(decoded.slice(0, colon)) : null;
      secret = colon > 0 ? decodeURIComponent(decoded.slice(colon + 1)) : null;
    }
    if (!clientId || this.clients.get(clientId) !== secret) {
      return this.tokenError(401, 'invalid_client', 'Client authentication failed');
    }
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      const code = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!code || code.clientId !== clientId || code.redirectUri !== form.get('redirect_uri')) {
        return this.tokenError(400, 'invalid_grant', 'The authorization code is invalid or expired');
      }
      if (code.codeChallenge) {
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (challenge !== code.codeChallenge) {
          return this.tokenError(400, 'invalid_grant', 'The code verifier does not match the challenge');
        }
      }
      return {
        status: 200,
        body: this.tokenAnswer(this.issueTokens(code.subject, code.scopes), code.scopes),
      };
    }
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!grant) return this.tokenError(400, 'invalid_grant', 'The refresh token is invalid or revoked');
      const issued = this.issueTokens(grant.subject, grant.scopes);
      if (this.rotatesRefreshTokens) return { status: 200, body: this.tokenAnswer(issued, grant.scopes) };
      this.refreshTokens.delete(issued.refresh_token);
      const { refresh_token: _kept, ...body } = this.tokenAnswer(issued, grant.scopes) as Record<
        string,
        unknown
      >;
      return { status: 200, body };
    }
    return this.tokenError(
      400,
      'unsupported_grant_type',
      `Grant type ${grantType ?? '(none)'} is not supported`,
    );
  }

  private send(response: ServerResponse, answer: Answer): void {
    // A text body with its own type (S3's XML errors) goes as it is; anything else is JSON.
    const body =
      answer.body === undefined
        ? ''
        : typeof answer.body === 'string' && answer.headers?.['content-type']
          ? answer.body
          : JSON.stringify(answer.body);
    response.writeHead(answer.status, {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...this.commonHeaders(),
      ...answer.headers,
    });
    response.end(body);
  }
}
