import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

export function deleteConnector(connectorId: string) {
  return apiRequest(API.connector(connectorId), { method: 'DELETE' });
}

/**
 * Deletes a connector; items scheduled for its channels fail at their time unless another one covers them.
 *
 * @example
 * useDeleteConnector(business.id).mutate(connector.id);
 */
export function useDeleteConnector(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (connectorId: string) => deleteConnector(connectorId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publishingKeys.connectors(businessId) }),
  });
}
