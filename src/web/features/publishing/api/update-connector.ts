import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { connectorWithSecretSchema, type updateConnectorBodySchema } from '#shared/connector.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

export type UpdateConnectorInput = z.input<typeof updateConnectorBodySchema>;

export function updateConnector(connectorId: string, body: UpdateConnectorInput) {
  return apiRequest(API.connector(connectorId), { method: 'PATCH', body, schema: connectorWithSecretSchema });
}

/**
 * Changes a connector; with `rotate_secret: true` the answer carries the new secret, this one time.
 *
 * @example
 * useUpdateConnector(business.id).mutate({ id: connector.id, body: { enabled: false } });
 */
export function useUpdateConnector(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateConnectorInput }) => updateConnector(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publishingKeys.connectors(businessId) }),
  });
}
