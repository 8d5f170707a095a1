import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { markAllReadSchema, notificationSchema } from '#shared/notifications.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { notificationKeys } from './query-keys.js';

/**
 * Marks one notification read (following its link does this); the bell and the lists refetch.
 *
 * @example
 * const markRead = useMarkNotificationRead(business.id);
 * markRead.mutate(notification.id);
 */
export function useMarkNotificationRead(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      apiRequest(API.notificationRead(businessId, notificationId), {
        method: 'POST',
        schema: notificationSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.workspace(businessId) }),
  });
}

/** Marks every notification in the workspace read. */
export function useMarkAllNotificationsRead(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(API.notificationsReadAll(businessId), { method: 'POST', schema: markAllReadSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.workspace(businessId) }),
  });
}
