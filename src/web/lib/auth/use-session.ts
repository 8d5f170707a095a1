import { useSyncExternalStore } from 'react';
import { getSessionState, type SessionState, subscribeToSession } from './session-store.js';

/** The session, re-rendering when it changes (sign in, refresh, sign out). */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeToSession, getSessionState);
}

/** The signed-in user; only for components rendered behind the authentication guard. */
export function useCurrentUser() {
  const session = useSession();
  if (session.status !== 'authenticated') throw new Error('useCurrentUser needs a signed-in session');
  return session.user;
}
