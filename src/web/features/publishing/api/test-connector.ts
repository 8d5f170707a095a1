import { useMutation } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { connectorTestResultSchema } from '#shared/connector.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

export function testConnector(connectorId: string) {
  return apiRequest(API.connectorTest(connectorId), { method: 'POST', schema: connectorTestResultSchema });
}

/**
 * Sends a signed test payload now; the answer says how the receiver answered (code, time, error).
 *
 * @example
 * const outcome = await useTestConnector().mutateAsync(connector.id);
 */
export function useTestConnector() {
  return useMutation({ mutationFn: (connectorId: string) => testConnector(connectorId) });
}
