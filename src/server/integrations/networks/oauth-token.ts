import { failureReason } from '#shared/failure-reasons.js';
import { jsonCall, type NetworkHttp } from './json-http.js';
import type { NetworkResult, NetworkSession, OAuthClient, OAuthSpec, OAuthTokens } from './provider.js';

// The token endpoint of an OAuth 2 network (RFC 6749 §4.1.3 and §6), the same for every network: the
// code exchange at the end of the connect flow, and refreshing a token (`refreshSession`: the `refresh` of
// every provider with refresh tokens; when to call it is fresh-tokens.ts's to decide, never a provider's).
// Tokens pass through here and are never put in a message (failures carry the network's error code and
// description).

/** The code the network sent back, and what the authorization request was made with. */
export interface CodeExchange {
  code: string;
  redirectUri: string;
  /** The PKCE verifier whose S256 challenge went into the authorization URL; null without PKCE. */
  codeVerifier: string | null;
}

/**
 * Trade an authorization code for tokens.
 *
 * @example
 * const tokens = await exchangeCode(http, 'X', provider.oauth, client, { code, redirectUri, codeVerifier });
 */
export function exchangeCode(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  client: OAuthClient,
  exchange: CodeExchange,
): Promise<NetworkResult<OAuthTokens>> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    code: exchange.code,
    redirect_uri: exchange.redirectUri,
  });
  if (exchange.codeVerifier) form.set('code_verifier', exchange.codeVerifier);
  return tokenCall(http, network, spec, client, form, spec.scopes);
}

/**
 * New tokens for a refresh token. A refused refresh token (`invalid_grant`, 400 or 401) is `auth_expired`:
 * only connecting again helps. Networks that do not rotate refresh tokens answer without one: the old one
 * stays.
 *
 * @example
 * const renewed = await refreshTokens(http, 'X', provider.oauth, session.oauthClient, session.refreshToken);
 */
export async function refreshTokens(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  client: OAuthClient,
  refreshToken: string,
): Promise<NetworkResult<OAuthTokens>> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken });
  const result = await tokenCall(http, network, spec, client, form, spec.scopes);
  if (!result.ok) {
    const { failure } = result;
    if (failure.statusCode === 400 || failure.statusCode === 401) {
      return {
        ok: false,
        failure: {
          ...failure,
          kind: 'auth_expired',
          message: failureReason('renewalRefused', { network, reason: failure.message }),
        },
      };
    }
    return result;
  }
  return { ok: true, value: { ...result.value, refresh_token: result.value.refresh_token ?? refreshToken } };
}

/**
 * A provider's `refresh` for a network with RFC 6749 refresh tokens: the session with renewed tokens (the
 * registry's wrapper, fresh-tokens.ts, calls it before a token lapses and stores the result). Without a
 * refresh token or the app it was issued to (LinkedIn gives most apps none), the token serves until it
 * lapses; after that only connecting again helps.
 *
 * @example
 * refresh: (session) => refreshSession(deps, 'LinkedIn', oauth, session),
 */
export async function refreshSession(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  session: NetworkSession,
): Promise<NetworkResult<NetworkSession>> {
  const { onRenewed: _store, ...same } = session;
  const client = session.oauthClient;
  if (!session.refreshToken || !client) {
    const expiresAt = session.tokenExpiresAt ? Date.parse(session.tokenExpiresAt) : Number.NaN;
    if (!(expiresAt <= http.now().getTime())) return { ok: true, value: same };
    return {
      ok: false,
      failure: {
        kind: 'auth_expired',
        message: failureReason(session.refreshToken ? 'appGone' : 'noRefreshToken', { network }),
        statusCode: null,
        retryAt: null,
      },
    };
  }
  const renewed = await refreshTokens(http, network, spec, client, session.refreshToken);
  if (!renewed.ok) return renewed;
  return {
    ok: true,
    value: {
      ...same,
      accessToken: renewed.value.access_token,
      refreshToken: renewed.value.refresh_token,
      tokenExpiresAt: expiryOf(renewed.value, http.now()),
    },
  };
}

/** When tokens that last `expires_in` seconds from `now` stop working (ISO), or null when they do not. */
export function expiryOf(tokens: Pick<OAuthTokens, 'expires_in'>, now: Date): string | null {
  return tokens.expires_in === null ? null : new Date(now.getTime() + tokens.expires_in * 1000).toISOString();
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
  error?: unknown;
  error_description?: unknown;
  /** Pinterest answers token errors as `{ code, message }` rather than RFC 6749's fields. */
  message?: unknown;
}

async function tokenCall(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  client: OAuthClient,
  form: URLSearchParams,
  /** What was asked for: RFC 6749 §5.1 leaves `scope` out when all of it was granted. */
  fallbackScopes: string[],
): Promise<NetworkResult<OAuthTokens>> {
  const headers: Record<string, string> = {};
  // A public client (PKCE only) names itself in the form; a confidential one authenticates as the spec says.
  if (client.clientSecret !== null && spec.clientAuth === 'basic') {
    const user = encodeURIComponent(client.clientId);
    const password = encodeURIComponent(client.clientSecret);
    headers.authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  } else {
    form.set('client_id', client.clientId);
    if (client.clientSecret !== null) form.set('client_secret', client.clientSecret);
  }
  const answered = await jsonCall<TokenAnswer>(
    http,
    { name: network, reason: (body) => errorOf((body ?? {}) as TokenAnswer) },
    { method: 'POST', url: spec.tokenUrl, headers, form },
  );
  if (!answered.ok) return answered;
  const answer = answered.value.body ?? {};
  if (typeof answer.access_token !== 'string' || answer.access_token === '') {
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${network}'s token endpoint answered HTTP ${answered.value.status} without an access token`,
        statusCode: answered.value.status,
        retryAt: null,
      },
    };
  }
  const expiresIn = Number(answer.expires_in);
  return {
    ok: true,
    value: {
      access_token: answer.access_token,
      refresh_token:
        typeof answer.refresh_token === 'string' && answer.refresh_token ? answer.refresh_token : null,
      expires_in: Number.isFinite(expiresIn) && expiresIn > 0 ? Math.floor(expiresIn) : null,
      scopes:
        typeof answer.scope === 'string' ? answer.scope.split(/[\s,]+/).filter(Boolean) : [...fallbackScopes],
    },
  };
}

/** RFC 6749 §5.2's `error` and `error_description`, bounded. */
function errorOf(answer: TokenAnswer): string | null {
  const parts = [answer.error, answer.error_description].filter(
    (part): part is string => typeof part === 'string' && part.length > 0,
  );
  if (parts.length === 0 && typeof answer.message === 'string' && answer.message) parts.push(answer.message);
  return parts.length > 0 ? parts.join(': ').slice(0, 500) : null;
}
