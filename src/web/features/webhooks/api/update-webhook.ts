import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type UpdateWebhookBody, webhookSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export function updateWebhook(webhookId: string, body: UpdateWebhookBody) {
  return apiRequest(API.webhook(webhookId), { method: 'PATCH', body, schema: webhookSchema });
}

/**
 * Changes a webhook (URL, description, events, enabled).
 *
 * @example
 * useUpdateWebhook(business.id).mutate({ id: webhook.id, body: { enabled: false } });
 */
export function useUpdateWebhook(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateWebhookBody }) => updateWebhook(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list(businessId) }),
  });
}
