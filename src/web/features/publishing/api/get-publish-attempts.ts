import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { publishAttemptListSchema } from '#shared/connector.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

export async function getPublishAttempts(itemId: string) {
  const { items } = await apiRequest(API.contentPublishAttempts(itemId), {
    schema: publishAttemptListSchema,
  });
  return items;
}

export const publishAttemptsQueryOptions = (businessId: string, itemId: string) =>
  queryOptions({
    queryKey: publishingKeys.attempts(businessId, itemId),
    queryFn: () => getPublishAttempts(itemId),
  });

/**
 * Every attempt to publish an item, oldest first, refreshed live as attempts are made.
 *
 * @example
 * const attempts = usePublishAttempts(business.id, item.id);
 */
export function usePublishAttempts(businessId: string, itemId: string) {
  return useQuery(publishAttemptsQueryOptions(businessId, itemId));
}
