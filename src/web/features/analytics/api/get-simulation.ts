import { queryOptions, useQuery } from '@tanstack/react-query';
import { simulationSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function getSimulation(simulationId: string) {
  return apiRequest(API.analyticsSimulation(simulationId), { schema: simulationSchema });
}

export const simulationQueryOptions = (businessId: string, simulationId: string) =>
  queryOptions({
    queryKey: analyticsKeys.simulation(businessId, simulationId),
    queryFn: () => getSimulation(simulationId),
    // A saved forecast never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

/** A saved forecast with its inputs; disabled until there is an id. */
export function useSimulation(businessId: string, simulationId: string | undefined) {
  return useQuery({ ...simulationQueryOptions(businessId, simulationId ?? ''), enabled: !!simulationId });
}
