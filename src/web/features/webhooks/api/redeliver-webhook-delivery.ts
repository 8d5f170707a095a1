import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { webhookDeliverySchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export function redeliverWebhookDelivery(webhookId: string, deliveryId: string) {
  return apiRequest(API.webhookRedeliver(webhookId, deliveryId), {
    method: 'POST',
    schema: webhookDeliverySchema,
  });
}

/**
 * Sends a delivery again (same event id, so a receiver can tell a repeat).
 *
 * @example
 * useRedeliverWebhookDelivery(business.id, webhook.id).mutate(delivery.id);
 */
export function useRedeliverWebhookDelivery(businessId: string, webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => redeliverWebhookDelivery(webhookId, deliveryId),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: webhookKeys.deliveries(businessId, webhookId) }),
  });
}
