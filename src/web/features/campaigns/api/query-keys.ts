import type { CampaignStatus } from '#shared/campaign.schema.js';

/**
 * Query keys for campaigns, `['campaigns', businessId, …]`: live updates refresh a workspace's campaigns by
 * that prefix (see lib/realtime-invalidation.ts).
 */
export const campaignKeys = {
  workspace: (businessId: string) => ['campaigns', businessId] as const,
  lists: (businessId: string) => [...campaignKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, status: CampaignStatus | undefined) =>
    [...campaignKeys.lists(businessId), { status: status ?? 'all' }] as const,
  detail: (businessId: string, campaignId: string) =>
    [...campaignKeys.workspace(businessId), 'detail', campaignId] as const,
};
