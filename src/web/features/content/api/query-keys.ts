import type { ContentListQuery } from '#shared/content.schema.js';

/** Filters of a content list, without the workspace (which is in the key already). */
export type ContentFilters = Omit<Partial<ContentListQuery>, 'business_id' | 'cursor' | 'limit'>;

/**
 * Query keys for content items, `['content', businessId, …]`: live `content.changed` events refresh a
 * workspace's content by that prefix (see lib/realtime-invalidation.ts).
 */
export const contentKeys = {
  workspace: (businessId: string) => ['content', businessId] as const,
  lists: (businessId: string) => [...contentKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, filters: ContentFilters) => [...contentKeys.lists(businessId), filters] as const,
  item: (businessId: string, itemId: string) =>
    [...contentKeys.workspace(businessId), 'item', itemId] as const,
  history: (businessId: string, itemId: string) =>
    [...contentKeys.item(businessId, itemId), 'history'] as const,
};
