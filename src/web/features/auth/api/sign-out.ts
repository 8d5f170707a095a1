import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { csrfHeaders } from '#web/lib/auth/csrf.js';
import { clearSession } from '#web/lib/auth/session-store.js';

/** Revokes the refresh cookie. Logout is cookie-authenticated, so it carries the CSRF header, not the token. */
export async function signOut(): Promise<void> {
  await fetch(API.logout, { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() });
}

/**
 * Signs out and forgets every cached answer, so the next person on this browser sees nothing of the last.
 * The local session ends first, before the server answers: a request in flight that comes back 401 once
 * the server has revoked the session then finds the person signed out, not a session that expired (which
 * would send the next sign-in back to this workspace). It ends even if the server cannot be reached:
 * signing out must always work.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    onMutate: () => clearSession({ signedOut: true }),
    mutationFn: () => signOut().catch(() => undefined),
    onSettled: () => queryClient.clear(),
  });
}
