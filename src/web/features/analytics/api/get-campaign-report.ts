import { queryOptions, useQuery } from '@tanstack/react-query';
import { campaignReportSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function getCampaignReport(campaignId: string) {
  return apiRequest(API.analyticsCampaign(campaignId), { schema: campaignReportSchema });
}

export const campaignReportQueryOptions = (businessId: string, campaignId: string) =>
  queryOptions({
    queryKey: analyticsKeys.campaignReport(businessId, campaignId),
    queryFn: () => getCampaignReport(campaignId),
  });

/** A campaign's latest forecast against its actuals to date, with each KPI's status. */
export function useCampaignReport(businessId: string, campaignId: string) {
  return useQuery(campaignReportQueryOptions(businessId, campaignId));
}
