import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ImportMessagesBody, importMessagesResultSchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export function importMessages(body: ImportMessagesBody) {
  return apiRequest(API.messagesImport, { method: 'POST', body, schema: importMessagesResultSchema });
}

/**
 * Imports a message history (CSV text or a JSON array): all rows or none, with each bad row named in the
 * error's field errors; messages already stored count as duplicates.
 *
 * @example
 * const { imported, duplicates } = await useImportMessages(business.id).mutateAsync({ business_id, csv });
 */
export function useImportMessages(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importMessages,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.lists(businessId) }),
  });
}
