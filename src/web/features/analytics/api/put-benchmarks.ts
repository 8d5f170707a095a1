import { useMutation, useQueryClient } from '@tanstack/react-query';
import { benchmarkListSchema, type PutBenchmarksBody } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function putBenchmarks(body: PutBenchmarksBody) {
  return apiRequest(API.analyticsBenchmarks, { method: 'PUT', body, schema: benchmarkListSchema });
}

/**
 * Sets or removes (`value: null`) the workspace's overrides of default rates; every analytics query of the
 * workspace refreshes, so an open forecast re-runs with the new rates and says where they came from.
 */
export function usePutBenchmarks(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overrides: PutBenchmarksBody['overrides']) =>
      putBenchmarks({ business_id: businessId, overrides }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.workspace(businessId) }),
  });
}
