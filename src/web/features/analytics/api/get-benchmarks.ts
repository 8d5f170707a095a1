import { queryOptions, useQuery } from '@tanstack/react-query';
import { benchmarkListSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import type { CampaignObjective } from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function getBenchmarks(businessId: string, channel: ChannelId, objective: CampaignObjective) {
  return apiRequest(API.analyticsBenchmarks, {
    schema: benchmarkListSchema,
    query: { business_id: businessId, channel, objective },
  });
}

export const benchmarksQueryOptions = (
  businessId: string,
  channel: ChannelId,
  objective: CampaignObjective,
) =>
  queryOptions({
    queryKey: analyticsKeys.benchmarks(businessId, channel, objective),
    queryFn: () => getBenchmarks(businessId, channel, objective),
  });

/** The default rates of one channel and objective, with their sources and the workspace's overrides. */
export function useBenchmarks(businessId: string, channel: ChannelId, objective: CampaignObjective) {
  return useQuery(benchmarksQueryOptions(businessId, channel, objective));
}
