import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import {
  cannedReplyListSchema,
  type createCannedReplyBodySchema,
  type updateCannedReplyBodySchema,
} from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export type CreateCannedReplyInput = z.input<typeof createCannedReplyBodySchema>;
export type UpdateCannedReplyInput = z.input<typeof updateCannedReplyBodySchema>;

export async function getCannedReplies(businessId: string) {
  const { items } = await apiRequest(API.cannedReplies, {
    schema: cannedReplyListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const cannedRepliesQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: inboxKeys.cannedReplies(businessId),
    queryFn: () => getCannedReplies(businessId),
  });

/**
 * The workspace's canned replies, for the reply box's picker and Settings → Inbox.
 *
 * @example
 * const canned = useCannedReplies(business.id);
 */
export function useCannedReplies(businessId: string) {
  return useQuery(cannedRepliesQueryOptions(businessId));
}

/**
 * Adds, changes (`id` + `body`) or deletes (`id` alone) a canned reply, then refreshes the list.
 *
 * @example
 * useSaveCannedReply(business.id).mutate({ create: { business_id, title, body } });
 */
export function useSaveCannedReply(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: CannedReplyChange) => {
      if ('create' in change) return apiRequest(API.cannedReplies, { method: 'POST', body: change.create });
      if ('update' in change)
        return apiRequest(API.cannedReply(change.id), { method: 'PATCH', body: change.update });
      return apiRequest(API.cannedReply(change.id), { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.cannedReplies(businessId) }),
  });
}

export type CannedReplyChange =
  | { create: CreateCannedReplyInput }
  | { id: string; update: UpdateCannedReplyInput }
  | { id: string; remove: true };
