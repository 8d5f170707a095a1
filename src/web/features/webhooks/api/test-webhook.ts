import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { webhookDeliverySchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export function testWebhook(webhookId: string) {
  return apiRequest(API.webhookTest(webhookId), { method: 'POST', schema: webhookDeliverySchema });
}

/**
 * Queues a signed `webhook.test` delivery; it appears in the deliveries at once and its outcome arrives
 * live.
 *
 * @example
 * useTestWebhook(business.id).mutate(webhook.id);
 */
export function useTestWebhook(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (webhookId: string) => testWebhook(webhookId),
    onSuccess: (delivery) =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(businessId, delivery.webhook_id) }),
  });
}
