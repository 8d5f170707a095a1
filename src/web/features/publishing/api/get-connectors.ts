import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { connectorListSchema } from '#shared/connector.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

export async function getConnectors(businessId: string) {
  const { items } = await apiRequest(API.connectors, {
    schema: connectorListSchema,
    query: { business_id: businessId },
  });
  return items;
}

export const connectorsQueryOptions = (businessId: string) =>
  queryOptions({ queryKey: publishingKeys.connectors(businessId), queryFn: () => getConnectors(businessId) });

/**
 * The workspace's publishing connectors (never their secrets).
 *
 * @example
 * const connectors = useConnectors(business.id);
 */
export function useConnectors(businessId: string) {
  return useQuery(connectorsQueryOptions(businessId));
}
