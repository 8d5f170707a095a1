import { useMutation, useQueryClient } from '@tanstack/react-query';
import { recordMetricsResultSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function importMetrics(businessId: string, csv: string) {
  return apiRequest(API.analyticsMetricsImport, {
    method: 'POST',
    body: { business_id: businessId, csv },
    schema: recordMetricsResultSchema,
  });
}

/** Imports actual results from CSV, all rows or none; overviews and campaign reports then refresh. */
export function useImportMetrics(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => importMetrics(businessId, csv),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.workspace(businessId) }),
  });
}
