import { afterEach, describe, expect, it } from 'vitest';
import { clearSession, getSessionState, storeSession } from './session-store.js';

const session = {
  access_token: 'token',
  token_type: 'Bearer' as const,
  expires_in: 900,
  user: { id: 'u1', email: 'ada@example.com', name: 'Ada' },
};

afterEach(() => clearSession());

describe('session store', () => {
  it('stays signed out when a refused request ends the session after the person signed out', () => {
    storeSession(session as Parameters<typeof storeSession>[0]);
    clearSession({ signedOut: true });
    // A request in flight during sign-out comes back 401, and the refresh finds no session.
    clearSession();
    expect(getSessionState()).toEqual({ status: 'anonymous', signedOut: true });
  });

  it('forgets the sign-out once someone signs in again', () => {
    clearSession({ signedOut: true });
    storeSession(session as Parameters<typeof storeSession>[0]);
    clearSession();
    expect(getSessionState()).toEqual({ status: 'anonymous' });
  });
});
