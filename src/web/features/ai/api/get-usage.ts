import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { usageResponseSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { aiKeys } from './query-keys.js';

export function getUsage(businessId: string, from: string, to: string) {
  return apiRequest(API.aiUsage, {
    schema: usageResponseSchema,
    query: { business_id: businessId, from, to },
  });
}

export const usageQueryOptions = (businessId: string, from: string, to: string) =>
  queryOptions({
    queryKey: aiKeys.usage(businessId, from, to),
    queryFn: () => getUsage(businessId, from, to),
    // Switching the range keeps the last numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

/** Calls, tokens and cost between two UTC dates (inclusive), by day, task and model, with the budget. */
export function useUsage(businessId: string, from: string, to: string) {
  return useQuery(usageQueryOptions(businessId, from, to));
}
