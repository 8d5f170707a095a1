import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { inboundSecretSchema } from '#shared/inbox.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { inboxKeys } from './query-keys.js';

export function getInboundSecret(businessId: string) {
  return apiRequest(API.inboundSecret, { schema: inboundSecretSchema, query: { business_id: businessId } });
}

export const inboundSecretQueryOptions = (businessId: string) =>
  queryOptions({
    queryKey: inboxKeys.inboundSecret(businessId),
    queryFn: () => getInboundSecret(businessId),
  });

/**
 * Whether the workspace has an inbound webhook secret, and the URL to post to; never the secret itself.
 *
 * @example
 * const { data } = useInboundSecret(business.id); // data.configured, data.url_template
 */
export function useInboundSecret(businessId: string) {
  return useQuery(inboundSecretQueryOptions(businessId));
}

/**
 * Issues a new inbound secret (the old one stops verifying at once); the answer is the only time it shows.
 *
 * @example
 * const { secret } = await useRotateInboundSecret(business.id).mutateAsync();
 */
export function useRotateInboundSecret(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(API.inboundSecret, {
        method: 'POST',
        body: { business_id: businessId },
        schema: inboundSecretSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.inboundSecret(businessId) }),
  });
}
