import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { webhookDeliveryDetailSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export function getWebhookDelivery(webhookId: string, deliveryId: string) {
  return apiRequest(API.webhookDelivery(webhookId, deliveryId), { schema: webhookDeliveryDetailSchema });
}

export const webhookDeliveryQueryOptions = (businessId: string, webhookId: string, deliveryId: string) =>
  queryOptions({
    queryKey: webhookKeys.delivery(businessId, webhookId, deliveryId),
    queryFn: () => getWebhookDelivery(webhookId, deliveryId),
  });

/**
 * One delivery with the payload sent and every attempt.
 *
 * @example
 * const detail = useWebhookDelivery(business.id, webhook.id, delivery.id);
 */
export function useWebhookDelivery(businessId: string, webhookId: string, deliveryId: string) {
  return useQuery(webhookDeliveryQueryOptions(businessId, webhookId, deliveryId));
}
