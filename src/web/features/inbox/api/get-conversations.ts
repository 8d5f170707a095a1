import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { conversationPageSchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { type ConversationFilters, inboxKeys } from './query-keys.js';

const PAGE_SIZE = 50;

export function getConversationPage(
  businessId: string,
  filters: ConversationFilters,
  cursor: string | undefined,
) {
  return apiRequest(API.messages, {
    schema: conversationPageSchema,
    query: { business_id: businessId, ...filters, limit: PAGE_SIZE, cursor },
  });
}

export const conversationsQueryOptions = (businessId: string, filters: ConversationFilters) =>
  infiniteQueryOptions({
    queryKey: inboxKeys.list(businessId, filters),
    queryFn: ({ pageParam }) => getConversationPage(businessId, filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    // While a new filter loads, the list keeps showing the last one instead of flashing empty.
    placeholderData: keepPreviousData,
  });

/**
 * Conversations matching `filters`, urgent first and then the latest message first, with their latest
 * message; refreshed live when a message arrives.
 *
 * @example
 * const conversations = useConversations(business.id, { status: 'open' });
 */
export function useConversations(businessId: string, filters: ConversationFilters) {
  return useInfiniteQuery(conversationsQueryOptions(businessId, filters));
}
