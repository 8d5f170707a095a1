import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { contentItemSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function getContentItem(itemId: string) {
  return apiRequest(API.contentItem(itemId), { schema: contentItemSchema });
}

export const contentItemQueryOptions = (businessId: string, itemId: string) =>
  queryOptions({ queryKey: contentKeys.item(businessId, itemId), queryFn: () => getContentItem(itemId) });

/** One content item with its current version. */
export function useContentItem(businessId: string, itemId: string) {
  return useQuery(contentItemQueryOptions(businessId, itemId));
}
