import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type contentResultBodySchema, metricRowSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

/** What the form sends: counts left out are 0, as the API's defaults say. */
export type ContentResultInput = z.input<typeof contentResultBodySchema>;

export function recordContentResults(itemId: string, body: ContentResultInput) {
  return apiRequest(API.contentResults(itemId), { method: 'POST', body, schema: metricRowSchema });
}

/** Records one day's results of one item by hand; overviews and campaign reports then refresh. */
export function useRecordContentResults(businessId: string, itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContentResultInput) => recordContentResults(itemId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: analyticsKeys.workspace(businessId) }),
  });
}
