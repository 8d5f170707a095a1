import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type WebhookDeliveryStatus, webhookDeliveryPageSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

const PAGE_SIZE = 25;

export function getWebhookDeliveriesPage(
  webhookId: string,
  status: WebhookDeliveryStatus | undefined,
  cursor: string | undefined,
) {
  return apiRequest(API.webhookDeliveries(webhookId), {
    schema: webhookDeliveryPageSchema,
    query: { status, limit: PAGE_SIZE, cursor },
  });
}

export const webhookDeliveriesQueryOptions = (
  businessId: string,
  webhookId: string,
  status: WebhookDeliveryStatus | undefined,
) =>
  infiniteQueryOptions({
    queryKey: webhookKeys.deliveryList(businessId, webhookId, status),
    queryFn: ({ pageParam }) => getWebhookDeliveriesPage(webhookId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/**
 * A webhook's deliveries, newest first, optionally of one status, a cursor page at a time.
 *
 * @example
 * const failed = useWebhookDeliveries(business.id, webhook.id, 'failed');
 */
export function useWebhookDeliveries(businessId: string, webhookId: string, status?: WebhookDeliveryStatus) {
  return useInfiniteQuery(webhookDeliveriesQueryOptions(businessId, webhookId, status));
}
