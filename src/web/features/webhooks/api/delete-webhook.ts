import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export function deleteWebhook(webhookId: string) {
  return apiRequest(API.webhook(webhookId), { method: 'DELETE' });
}

/**
 * Deletes a webhook and its delivery log; nothing more is sent to it.
 *
 * @example
 * useDeleteWebhook(business.id).mutate(webhook.id);
 */
export function useDeleteWebhook(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => deleteWebhook(webhookId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list(businessId) }),
  });
}
