import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { contentPageSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { type ContentFilters, contentKeys } from './query-keys.js';

const PAGE_SIZE = 200;

export function getContentPage(businessId: string, filters: ContentFilters, cursor: string | undefined) {
  return apiRequest(API.contentItems, {
    schema: contentPageSchema,
    query: { business_id: businessId, ...filters, limit: PAGE_SIZE, cursor },
  });
}

export const contentItemsQueryOptions = (businessId: string, filters: ContentFilters) =>
  infiniteQueryOptions({
    queryKey: contentKeys.list(businessId, filters),
    queryFn: ({ pageParam }) => getContentPage(businessId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/**
 * Content items matching `filters`: a calendar range when `from`/`to` are set (oldest first), else the
 * library (newest first). Pages of 200, so a month of a busy calendar is usually one request.
 */
export function useContentItems(businessId: string, filters: ContentFilters) {
  return useInfiniteQuery(contentItemsQueryOptions(businessId, filters));
}
