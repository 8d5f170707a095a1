import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { mediaPageSchema } from '#shared/media.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { type MediaFilters, mediaKeys } from './query-keys.js';

const PAGE_SIZE = 48;

export function getMediaPage(businessId: string, filters: MediaFilters, cursor: string | undefined) {
  return apiRequest(API.media, {
    schema: mediaPageSchema,
    query: { business_id: businessId, ...filters, limit: PAGE_SIZE, cursor },
  });
}

export const mediaQueryOptions = (businessId: string, filters: MediaFilters) =>
  infiniteQueryOptions({
    queryKey: mediaKeys.list(businessId, filters),
    queryFn: ({ pageParam }) => getMediaPage(businessId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** The library, newest first, searched and filtered, one cursor page at a time. */
export function useMediaLibrary(businessId: string, filters: MediaFilters) {
  return useInfiniteQuery(mediaQueryOptions(businessId, filters));
}
