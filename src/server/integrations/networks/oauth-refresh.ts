import { type JsonApi, jsonCall, type NetworkHttp, textField, unexpectedAnswer } from './json-http.js';
import type { NetworkFailure, NetworkResult, NetworkSession, OAuthSpec } from './provider.js';

// Renewing an OAuth 2 access token with the refresh token (RFC 6749 §6), the same for every OAuth network:
// the app's credentials go as the network's spec says (HTTP Basic or form fields). A refused refresh token
// (`invalid_grant`) means the person has to sign in again, whatever status the network answers it with.

/** Renew this long before the token's expiry, so a call never starts with a token about to lapse. */
const RENEW_AHEAD_MS = 5 * 60_000;

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

/**
 * Fresh tokens for the session; the refresh token is kept when the network issues none (Google keeps it).
 * Without a refresh token (or the app it belongs to), the same session while its token is still good.
 *
 * @example
 * const renewed = await refreshOAuthSession(http, 'LinkedIn', spec, session, tokenErrorReason);
 */
export async function refreshOAuthSession(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  session: NetworkSession,
  reason: (body: unknown) => string | null,
): Promise<NetworkResult<NetworkSession>> {
  const client = session.oauthClient;
  if (!session.refreshToken || !client) {
    // Nothing to renew with (LinkedIn gives most apps no refresh token): the token serves until it lapses.
    const { onRenewed: _store, ...same } = session;
    if (!expired(session, http.now())) return { ok: true, value: same };
    const why = session.refreshToken
      ? `the ${network} app this account was connected with is not configured`
      : `the token expired and ${network} issued no refresh token for it`;
    return { ok: false, failure: reconnect(network, `${why}: connect the account again`) };
  }
  const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken });
  const headers: Record<string, string> = {};
  if (spec.clientAuth === 'basic') {
    const user = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret ?? '')}`;
    headers.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
  } else {
    form.set('client_id', client.clientId);
    if (client.clientSecret) form.set('client_secret', client.clientSecret);
  }
  const api: JsonApi = {
    name: network,
    reason: (body) => reason(body) ?? oauthError(body),
    classify: (status, body) =>
      status === 400 || status === 401
        ? reconnect(
            network,
            `${network} refused the refresh token (HTTP ${status}): ${oauthError(body) ?? reason(body) ?? 'no reason given'}`,
            status,
          )
        : null,
  };
  const answered = await jsonCall<TokenAnswer>(http, api, {
    method: 'POST',
    url: spec.tokenUrl,
    headers,
    form,
  });
  if (!answered.ok) return answered;
  const body = answered.value.body;
  const accessToken = textField(body, 'access_token');
  if (!accessToken) return { ok: false, failure: unexpectedAnswer(network, 'an access token') };
  const expiresIn = typeof body?.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : null;
  const { onRenewed: _store, ...rest } = session;
  return {
    ok: true,
    value: {
      ...rest,
      accessToken,
      refreshToken: textField(body, 'refresh_token') ?? session.refreshToken,
      tokenExpiresAt:
        expiresIn === null ? null : new Date(http.now().getTime() + expiresIn * 1000).toISOString(),
    },
  };
}

/**
 * The session to call the network with: the same one while its token is good, else renewed (and stored
 * through `onRenewed` before the call goes on). A token past its expiry without a way to renew it is sent
 * anyway: the network's 401 then says to reconnect, in its own words.
 */
export async function freshOAuthSession(
  http: NetworkHttp,
  network: string,
  spec: OAuthSpec,
  session: NetworkSession,
  reason: (body: unknown) => string | null,
): Promise<NetworkResult<NetworkSession>> {
  const expiresAt = session.tokenExpiresAt ? Date.parse(session.tokenExpiresAt) : Number.NaN;
  const due = Number.isFinite(expiresAt) && expiresAt - http.now().getTime() <= RENEW_AHEAD_MS;
  if (!due || !session.refreshToken || !session.oauthClient) return { ok: true, value: session };
  const renewed = await refreshOAuthSession(http, network, spec, session, reason);
  if (!renewed.ok) return renewed;
  await session.onRenewed?.(renewed.value);
  return {
    ok: true,
    value: { ...renewed.value, ...(session.onRenewed ? { onRenewed: session.onRenewed } : {}) },
  };
}

function expired(session: NetworkSession, now: Date): boolean {
  const at = session.tokenExpiresAt ? Date.parse(session.tokenExpiresAt) : Number.NaN;
  return Number.isFinite(at) && at <= now.getTime();
}

function reconnect(network: string, message: string, statusCode: number | null = null): NetworkFailure {
  return {
    kind: 'auth_expired',
    message: message.startsWith(network) ? message : `${network}: ${message}`,
    statusCode,
    retryAt: null,
  };
}

/** RFC 6749 §5.2: `error` and `error_description`. */
function oauthError(body: unknown): string | null {
  const parts = [textField(body, 'error'), textField(body, 'error_description')].filter(Boolean);
  return parts.length > 0 ? parts.join(': ') : null;
}
