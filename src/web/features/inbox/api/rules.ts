import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import {
  type createInboxRuleBodySchema,
  inboxRuleListSchema,
  type updateInboxRuleBodySchema,
} from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export type CreateRuleInput = z.input<typeof createInboxRuleBodySchema>;
export type UpdateRuleInput = z.input<typeof updateInboxRuleBodySchema>;

export async function getRules(businessId: string) {
  const { items } = await apiRequest(API.inboxRules, {
    schema: inboxRuleListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const rulesQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: inboxKeys.rules(businessId), queryFn: () => getRules(businessId) });

/**
 * The workspace's inbox rules in the order they run.
 *
 * @example
 * const rules = useRules(business.id);
 */
export function useRules(businessId: string) {
  return useQuery(rulesQueryOptions(businessId));
}

export type RuleChange =
  | { create: CreateRuleInput }
  | { id: string; update: UpdateRuleInput }
  | { id: string; remove: true };

/**
 * Adds, changes or deletes a rule, then refreshes the list.
 *
 * @example
 * useSaveRule(business.id).mutate({ id: rule.id, update: { enabled: false } });
 */
export function useSaveRule(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RuleChange) => {
      if ('create' in change) return apiRequest(API.inboxRules, { method: 'POST', body: change.create });
      if ('update' in change)
        return apiRequest(API.inboxRule(change.id), { method: 'PATCH', body: change.update });
      return apiRequest(API.inboxRule(change.id), { method: 'DELETE' });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.rules(businessId) }),
  });
}
