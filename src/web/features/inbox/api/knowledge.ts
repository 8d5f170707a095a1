import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import {
  type createKnowledgeBodySchema,
  knowledgeListSchema,
  type updateKnowledgeBodySchema,
} from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export type CreateKnowledgeInput = z.input<typeof createKnowledgeBodySchema>;
export type UpdateKnowledgeInput = z.input<typeof updateKnowledgeBodySchema>;

export async function getKnowledge(businessId: string) {
  const { items } = await apiRequest(API.knowledge, {
    schema: knowledgeListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const knowledgeQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: inboxKeys.knowledge(businessId), queryFn: () => getKnowledge(businessId) });

/**
 * The knowledge base AI reply suggestions are grounded in: FAQ entries, policies, product facts.
 *
 * @example
 * const entries = useKnowledge(business.id);
 */
export function useKnowledge(businessId: string) {
  return useQuery(knowledgeQueryOptions(businessId));
}

export type KnowledgeChange =
  | { create: CreateKnowledgeInput }
  | { id: string; update: UpdateKnowledgeInput }
  | { id: string; remove: true };

/**
 * Adds, changes or deletes a knowledge entry, then refreshes the list.
 *
 * @example
 * useSaveKnowledge(business.id).mutate({ id: entry.id, update: { enabled: false } });
 */
export function useSaveKnowledge(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: KnowledgeChange) => {
      if ('create' in change) return apiRequest(API.knowledge, { method: 'POST', body: change.create });
      if ('update' in change)
        return apiRequest(API.knowledgeEntry(change.id), { method: 'PATCH', body: change.update });
      return apiRequest(API.knowledgeEntry(change.id), { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.knowledge(businessId) }),
  });
}
