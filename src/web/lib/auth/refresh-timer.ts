import { refreshSession } from './refresh-session.js';
import { getSessionState, subscribeToSession } from './session-store.js';

/** How long before expiry to refresh: enough margin for a slow network, never more than half the lifetime. */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const remaining = expiresAt - now;
  const margin = Math.min(60_000, remaining / 2);
  return Math.max(0, remaining - margin);
}

/** Keeps the access token fresh while signed in; returns a function that stops doing so. */
export function startRefreshTimer(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let scheduledFor: number | undefined;

  const schedule = () => {
    const state = getSessionState();
    const expiresAt = state.status === 'authenticated' ? state.expiresAt : undefined;
    if (expiresAt === scheduledFor) return;
    clearTimeout(timer);
    scheduledFor = expiresAt;
    if (expiresAt === undefined) return;
    timer = setTimeout(
      () => {
        // A failed refresh is not fatal here: the next request's 401 retries it and ends the session if needed.
        refreshSession().catch(() => undefined);
      },
      refreshDelayMs(expiresAt, Date.now()),
    );
  };

  schedule();
  const unsubscribe = subscribeToSession(schedule);
  return () => {
    unsubscribe();
    clearTimeout(timer);
  };
}
