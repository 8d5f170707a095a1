import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type CampaignStatus, campaignPageSchema } from '#shared/campaign.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { useEveryPage } from '#web/lib/use-every-page.js';
import { campaignKeys } from './query-keys.js';

const PAGE_SIZE = 20;

export function getCampaignsPage(
  businessId: string,
  status: CampaignStatus | undefined,
  cursor: string | undefined,
) {
  return apiRequest(API.campaigns, {
    schema: campaignPageSchema,
    query: { business_id: businessId, status, sort: 'start_date', order: 'desc', limit: PAGE_SIZE, cursor },
  });
}

export const campaignsQueryOptions = (businessId: string, status: CampaignStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: campaignKeys.list(businessId, status),
    queryFn: ({ pageParam }) => getCampaignsPage(businessId, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });

/** A workspace's campaigns, latest start first, optionally of one status, one cursor page at a time. */
export function useCampaigns(businessId: string, status?: CampaignStatus) {
  return useInfiniteQuery(campaignsQueryOptions(businessId, status));
}

/** A campaign as a menu offers it, with the dates a plan for it keeps to. */
export interface CampaignChoice {
  id: string;
  name: string;
  start_date: string;
  end_date: string;
}

/**
 * Every campaign of the workspace, latest start first, for a menu: it reads on through the pages, so a
 * campaign past the first page (or one linked to by id) is still there to choose.
 */
export function useCampaignChoices(businessId: string): CampaignChoice[] {
  const campaigns = useCampaigns(businessId);
  useEveryPage(campaigns);
  return (campaigns.data?.pages ?? []).flatMap((page) =>
    page.items.map(({ id, name, start_date, end_date }) => ({ id, name, start_date, end_date })),
  );
}
