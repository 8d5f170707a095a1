import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { API } from '#shared/api-paths.js';
import { connectorWithSecretSchema, type createConnectorBodySchema } from '#shared/connector.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { publishingKeys } from './query-keys.js';

export type CreateConnectorInput = z.input<typeof createConnectorBodySchema>;

export function createConnector(body: CreateConnectorInput) {
  return apiRequest(API.connectors, { method: 'POST', body, schema: connectorWithSecretSchema });
}

/**
 * Adds a connector; the answer is the only time its signing secret is visible.
 *
 * @example
 * const { secret } = await useCreateConnector(business.id).mutateAsync(body);
 */
export function useCreateConnector(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateConnectorInput) => createConnector(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: publishingKeys.connectors(businessId) }),
  });
}
