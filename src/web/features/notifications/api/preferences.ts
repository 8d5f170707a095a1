import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import {
  notificationPreferencesSchema,
  type UpdateNotificationPreferences,
} from '#shared/notifications.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { notificationKeys } from './query-keys.js';

/** Which of my notifications in the workspace also come by email. */
export function useNotificationPreferences(businessId: string) {
  return useQuery({
    queryKey: notificationKeys.preferences(businessId),
    queryFn: () =>
      apiRequest(API.notificationPreferences(businessId), { schema: notificationPreferencesSchema }),
  });
}

/**
 * Turns email on or off for some kinds; the answer (every kind) replaces the cached preferences.
 *
 * @example
 * update.mutate({ email: { weekly_digest: false } });
 */
export function useUpdateNotificationPreferences(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferences) =>
      apiRequest(API.notificationPreferences(businessId), {
        method: 'PUT',
        body,
        schema: notificationPreferencesSchema,
      }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences(businessId), saved),
  });
}
