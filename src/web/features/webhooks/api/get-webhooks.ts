import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { webhookListSchema } from '#shared/webhook.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { webhookKeys } from './query-keys.js';

export async function getWebhooks(businessId: string) {
  const { items } = await apiRequest(API.webhooks, {
    schema: webhookListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const webhooksQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: webhookKeys.list(businessId), queryFn: () => getWebhooks(businessId) });

/**
 * The workspace's webhooks (never their secrets).
 *
 * @example
 * const webhooks = useWebhooks(business.id);
 */
export function useWebhooks(businessId: string) {
  return useQuery(webhooksQueryOptions(businessId));
}
