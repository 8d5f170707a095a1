import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import type { UpdateMeBody } from '#shared/auth.schema.js';
import { userSchema } from '#shared/session.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeUser } from '#web/lib/auth/session-store.js';

export function updateProfile(body: UpdateMeBody) {
  return apiRequest(API.me, { method: 'PATCH', body, schema: userSchema });
}

/** Changes my name or email; the top bar reads the user from the session, so the session is updated. */
export function useUpdateProfile() {
  return useMutation({ mutationFn: updateProfile, onSuccess: (user) => storeUser(user) });
}
