import { useMutation, useQueryClient } from '@tanstack/react-query';
import { budgetStatusSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function putAiBudget(businessId: string, monthlyLimitMicroUsd: number | null) {
  return apiRequest(API.aiBudget(businessId), {
    method: 'PUT',
    body: { monthly_limit_micro_usd: monthlyLimitMicroUsd },
    schema: budgetStatusSchema,
  });
}

/** Sets the monthly AI budget in micro-dollars (null: no limit); usage pages show the new state. */
export function usePutAiBudget(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (monthlyLimitMicroUsd: number | null) => putAiBudget(businessId, monthlyLimitMicroUsd),
    onSuccess: (budget) => {
      queryClient.setQueryData(aiKeys.budget(businessId), budget);
      return queryClient.invalidateQueries({ queryKey: aiKeys.workspace(businessId) });
    },
  });
}
