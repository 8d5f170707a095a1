import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type BulkContentBody, bulkContentResultSchema } from '#shared/content.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { contentKeys } from './query-keys.js';

export function bulkChangeContent(body: BulkContentBody) {
  return apiRequest(API.contentBulk, { method: 'POST', body, schema: bulkContentResultSchema });
}

/**
 * Changes many items at once, all or nothing (`bulk_failed` names each refused item by its index in
 * `ids`); every list and item of the workspace is read again afterwards.
 */
export function useBulkChangeContent(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkContentBody) => bulkChangeContent(body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: contentKeys.workspace(businessId) }),
  });
}
