import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { conversationThreadSchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export function getConversation(conversationId: string) {
  return apiRequest(API.message(conversationId), { schema: conversationThreadSchema });
}

export const conversationQueryOptions = (businessId: string, conversationId: string) =>
  queryOptions({
    queryKey: inboxKeys.thread(businessId, conversationId),
    queryFn: () => getConversation(conversationId),
  });

/**
 * One conversation and its whole thread, oldest message first.
 *
 * @example
 * const thread = useConversation(business.id, conversationId);
 */
export function useConversation(businessId: string, conversationId: string) {
  return useQuery(conversationQueryOptions(businessId, conversationId));
}
