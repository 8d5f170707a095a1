/**
 * Query keys for notifications, `['notifications', businessId, …]`: a live `notification.changed` event
 * refreshes the bell and the lists by that prefix (see lib/realtime-invalidation.ts).
 */
export const notificationKeys = {
  workspace: (businessId: string) => ['notifications', businessId] as const,
  unread: (businessId: string) => [...notificationKeys.workspace(businessId), 'unread'] as const,
  lists: (businessId: string) => [...notificationKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, filter: 'all' | 'unread', limit: number) =>
    [...notificationKeys.lists(businessId), { filter, limit }] as const,
  preferences: (businessId: string) => [...notificationKeys.workspace(businessId), 'preferences'] as const,
};
