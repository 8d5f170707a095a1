import { queryOptions, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { campaignSchema } from '#shared/campaign.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { campaignKeys } from './query-keys.js';

export function getCampaign(campaignId: string) {
  return apiRequest(API.campaign(campaignId), { schema: campaignSchema });
}

export const campaignQueryOptions = (businessId: string, campaignId: string) =>
  queryOptions({
    queryKey: campaignKeys.detail(businessId, campaignId),
    queryFn: () => getCampaign(campaignId),
  });

/** One campaign of the workspace. */
export function useCampaign(businessId: string, campaignId: string) {
  return useQuery(campaignQueryOptions(businessId, campaignId));
}
