import type { AtpAgent, AtpSessionData } from '@atproto/api';
import { failureReason } from '#shared/failure-reasons.js';
import type { NetworkResult, NetworkSession } from '../provider.js';
import type { AgentPool } from './bluesky-agents.js';
import { blueskyFailure } from './bluesky-failure.js';

// A signed-in `AtpAgent` (the official client) for one provider call. The stored session is handed to
// the agent as it is; an access token about to expire is renewed first, and one the PDS answers
// `ExpiredToken` for is renewed by the agent and the request sent again. Either way the PDS rotates the
// refresh token, so the new pair goes to `onRenewed` (the caller stores it) before the call returns. A
// refresh token that is expired or revoked ends in `auth_expired`: only a new app password helps.

/** What every call shares: the guarded fetch (the outbound guard), a timeout per request, a clock. */
export interface BlueskyHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
}

export const BLUESKY = 'Bluesky';

/** Renewed this long before the access token expires (the PDS issues them for two hours). */
const RENEW_BEFORE_MS = 60_000;

/** The claims of a token the PDS issued: read to know its expiry and scope, never verified (the PDS does). */
export interface TokenClaims {
  /** Seconds since the epoch. */
  exp: number | null;
  /** `com.atproto.appPass` for an app password's session, `com.atproto.access` for the account password's. */
  scope: string | null;
}

export function tokenClaims(token: string): TokenClaims {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      exp?: unknown;
      scope?: unknown;
    };
    return {
      exp: typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp : null,
      scope: typeof payload.scope === 'string' ? payload.scope : null,
    };
  } catch {
    return { exp: null, scope: null };
  }
}

/** When a token stops working (ISO), or null when it does not say. */
export function expiryOf(token: string): string | null {
  const { exp } = tokenClaims(token);
  return exp === null ? null : new Date(exp * 1000).toISOString();
}

/** `@name.bsky.social` → `name.bsky.social`. */
export function bareHandle(handle: string): string {
  return handle.replace(/^@/, '');
}

/** The agent's requests through the guarded fetch, each with its own timeout. */
export function agentFetch(http: BlueskyHttp): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const signal = AbortSignal.any([request.signal, AbortSignal.timeout(http.timeoutMs)]);
    return http.fetch(request, { signal });
  };
}

/** One call's agent, signed in as the stored account. */
export interface OpenSession {
  agent: AtpAgent;
  /** The account's DID. */
  did: string;
  /** Its handle without the `@`, as the PDS last reported it. */
  handle: () => string;
  /** The session as it stands now (renewed during the call, or as stored). */
  current: () => NetworkSession;
}

/**
 * Run `work` with an agent (from `pool`) signed in as `session`. XRPC errors (thrown by the agent) become
 * failures; renewed tokens are stored before this returns, and a failure to store them is thrown (a fault
 * of ours).
 *
 * @example
 * const result = await withSession(http, pool, session, async ({ did }) => ({ ok: true, value: did }));
 */
export async function withSession<T>(
  http: BlueskyHttp,
  pool: AgentPool,
  session: NetworkSession,
  work: (open: OpenSession) => Promise<NetworkResult<T>>,
): Promise<NetworkResult<T>> {
  if (!session.refreshToken) {
    return {
      ok: false,
      failure: {
        kind: 'auth_expired',
        message: failureReason('sessionNotStored', { network: BLUESKY, status: 401 }),
        statusCode: 401,
        retryAt: null,
      },
    };
  }
  let current = session;
  let stored: Promise<void> = Promise.resolve();
  let storeFailure: unknown;
  // A renewal that failed for want of an answer (not a refused token): the call is worth trying later.
  let renewalUnanswered = false;
  const held = pool.take(session.baseUrl, session.remoteAccountId);
  const { agent } = held;
  held.listen((event, data) => {
    if (event === 'network-error') renewalUnanswered = true;
    if (event !== 'update' || !data) return;
    current = renewedSession(session, data);
    const renewed = current;
    // In order, and caught here: the agent does not wait for this handler, `withSession` does.
    stored = stored
      .then(() => session.onRenewed?.(renewed))
      .catch((error: unknown) => {
        storeFailure ??= error;
      });
  });
  agent.sessionManager.session = {
    did: session.remoteAccountId,
    handle: bareHandle(session.handle),
    accessJwt: session.accessToken,
    refreshJwt: session.refreshToken,
    active: true,
  };
  const open: OpenSession = {
    agent,
    did: session.remoteAccountId,
    handle: () => bareHandle(current.handle),
    current: () => current,
  };
  let result: NetworkResult<T>;
  try {
    try {
      const { exp } = tokenClaims(session.accessToken);
      if (exp === null || exp * 1000 - http.now().getTime() < RENEW_BEFORE_MS) {
        await agent.sessionManager.refreshSession();
      }
      result = await work(open);
    } catch (error) {
      result = { ok: false, failure: blueskyFailure(error, http.now()) };
    }
    await stored;
  } finally {
    pool.give(session.baseUrl, session.remoteAccountId, held);
  }
  if (storeFailure !== undefined) throw storeFailure;
  if (!result.ok && result.failure.kind === 'auth_expired' && renewalUnanswered) {
    // The agent answers with the first `ExpiredToken` when its renewal got no answer: not a refusal.
    return {
      ok: false,
      failure: {
        kind: 'retryable',
        message: `${BLUESKY} could not renew the session just now; it will be tried again`,
        statusCode: null,
        retryAt: null,
      },
    };
  }
  return result;
}

/** The stored session with the tokens and handle a refresh returned. */
export function renewedSession(session: NetworkSession, data: AtpSessionData): NetworkSession {
  return {
    ...session,
    accessToken: data.accessJwt,
    refreshToken: data.refreshJwt,
    tokenExpiresAt: expiryOf(data.refreshJwt),
    handle: `@${data.handle}`,
  };
}
