import { API } from '#shared/api-paths.js';
import type { Session } from '#shared/auth.schema.js';
import { NetworkError } from '../api-error.js';
import { reportReachable, reportUnreachable } from '../connectivity.js';
import { toApiError } from '../problem.js';
import { csrfHeaders, hasRefreshableSession } from './csrf.js';
import { clearSession, storeSession } from './session-store.js';

let inFlight: Promise<Session | undefined> | undefined;

/**
 * Trades the refresh cookie for a new access token. Single-flight: concurrent callers (several 401s at
 * once) share one request, because the server rotates the refresh token and treats a reused one as theft.
 * Resolves undefined when there is no session to restore.
 */
export function refreshSession(): Promise<Session | undefined> {
  inFlight ??= withCrossTabLock(requestRefresh).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

/** Tabs share the cookie jar, so two tabs refreshing at once would look like token reuse: serialise them. */
function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  return navigator.locks.request('mcc-session-refresh', task);
}

async function requestRefresh(): Promise<Session | undefined> {
  if (!hasRefreshableSession()) {
    clearSession();
    return undefined;
  }
  let response: Response;
  try {
    response = await fetch(API.refresh, {
      method: 'POST',
      credentials: 'same-origin',
      headers: csrfHeaders(),
    });
  } catch {
    reportUnreachable();
    throw new NetworkError('The server could not be reached to restore the session');
  }
  reportReachable();
  if (!response.ok) {
    const error = await toApiError(response);
    // Only a definite "no" ends the session; a 5xx or 429 is transient and the caller may retry.
    if (error.status === 401 || error.status === 403) {
      clearSession();
      return undefined;
    }
    throw error;
  }
  // Only with a session to restore: a first visit to the sign-in page never downloads zod.
  const { sessionSchema } = await import('#shared/session.schema.js');
  const session = sessionSchema.parse(await response.json());
  storeSession(session);
  return session;
}
