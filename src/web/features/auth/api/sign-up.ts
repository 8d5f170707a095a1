import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type RegisterBody, sessionSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

export function signUp(body: RegisterBody) {
  return apiRequest(API.register, { method: 'POST', body, schema: sessionSchema });
}

/** Creates the account and signs it in straight away. */
export function useSignUp() {
  return useMutation({ mutationFn: signUp, onSuccess: (session) => storeSession(session) });
}
