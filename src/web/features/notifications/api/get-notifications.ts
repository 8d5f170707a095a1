import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { notificationPageSchema, unreadCountSchema } from '#shared/notifications.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { notificationKeys } from './query-keys.js';

export function getNotificationsPage(
  businessId: string,
  filter: 'all' | 'unread',
  limit: number,
  cursor: string | undefined,
) {
  return apiRequest(API.notifications(businessId), {
    schema: notificationPageSchema,
    query: { limit, cursor, unread: filter === 'unread' ? 'true' : undefined },
  });
}

export const notificationsQueryOptions = (businessId: string, filter: 'all' | 'unread', limit: number) =>
  infiniteQueryOptions({
    queryKey: notificationKeys.list(businessId, filter, limit),
    queryFn: ({ pageParam }) => getNotificationsPage(businessId, filter, limit, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/**
 * My notifications in a workspace, newest first, a cursor page at a time. Live `notification.changed`
 * events refresh it.
 *
 * @example
 * const list = useNotifications(business.id, 'unread');
 */
export function useNotifications(
  businessId: string,
  filter: 'all' | 'unread' = 'all',
  limit = 20,
  enabled = true,
) {
  return useInfiniteQuery({ ...notificationsQueryOptions(businessId, filter, limit), enabled });
}

export const unreadCountQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: notificationKeys.unread(businessId),
    queryFn: () => apiRequest(API.notificationsUnreadCount(businessId), { schema: unreadCountSchema }),
  });

/** How many of my notifications in the workspace are unread: the bell's number. */
export function useUnreadCount(businessId: string) {
  return useQuery(unreadCountQueryOptions(businessId));
}
