import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ChangePasswordBody, sessionSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

export function changePassword(body: ChangePasswordBody) {
  return apiRequest(API.password, { method: 'POST', body, schema: sessionSchema });
}

/** Changes my password. The server revokes every other session and answers a fresh one for this tab. */
export function useChangePassword() {
  return useMutation({ mutationFn: changePassword, onSuccess: (session) => storeSession(session) });
}
