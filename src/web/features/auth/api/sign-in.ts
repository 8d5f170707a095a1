import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type LoginBody, sessionSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

export function signIn(body: LoginBody) {
  return apiRequest(API.login, { method: 'POST', body, schema: sessionSchema });
}

/** Signs in and keeps the session in memory; the server sets the refresh cookie. */
export function useSignIn() {
  return useMutation({ mutationFn: signIn, onSuccess: (session) => storeSession(session) });
}
