import { queryOptions, useQuery } from '@tanstack/react-query';
import { budgetStatusSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function getAiBudget(businessId: string) {
  return apiRequest(API.aiBudget(businessId), { schema: budgetStatusSchema });
}

export const aiBudgetQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: aiKeys.budget(businessId), queryFn: () => getAiBudget(businessId) });

/** The monthly limit, what this month has spent and whether AI requests are paused. */
export function useAiBudget(businessId: string) {
  return useQuery(aiBudgetQueryOptions(businessId));
}
