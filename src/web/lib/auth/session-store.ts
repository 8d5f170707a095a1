import type { Session, User } from '#shared/auth.schema.js';

/**
 * The signed-in session, held in memory only: the access token never touches localStorage, so a
 * script injected into the page cannot lift it from storage. A reload restores it via the refresh cookie.
 */
export type SessionState =
  | { status: 'restoring' }
  /**
   * `signedOut`: the person chose to sign out here, so the next sign-in starts at home rather than where
   * they were (which may be a workspace the next person on this browser cannot see).
   */
  | { status: 'anonymous'; signedOut?: true }
  | { status: 'authenticated'; user: User; accessToken: string; expiresAt: number };

type Listener = () => void;

let state: SessionState = { status: 'restoring' };
const listeners = new Set<Listener>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The current session; stable between changes, as `useSyncExternalStore` requires. */
export function getSessionState(): SessionState {
  return state;
}

export function subscribeToSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Stores a session answered by login, register, refresh or password change. */
export function storeSession(session: Session, now = Date.now()): void {
  publish({
    status: 'authenticated',
    user: session.user,
    accessToken: session.access_token,
    expiresAt: now + session.expires_in * 1000,
  });
}

/** Replaces the user after a profile edit without touching the token. */
export function storeUser(user: User): void {
  if (state.status === 'authenticated') publish({ ...state, user });
}

/**
 * Ends the session in memory: expired or refused (`signedOut` false), or ended by the person. A refusal
 * that comes after the person signed out (a request in flight when the server revoked the session) keeps
 * them signed out: else the sign-in page would offer to go back to the workspace they left.
 */
export function clearSession({ signedOut = false }: { signedOut?: boolean } = {}): void {
  if (!signedOut && state.status === 'anonymous' && state.signedOut) return;
  publish(signedOut ? { status: 'anonymous', signedOut: true } : { status: 'anonymous' });
}

export function getAccessToken(): string | undefined {
  return state.status === 'authenticated' ? state.accessToken : undefined;
}
