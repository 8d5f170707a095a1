import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { campaignSchema, type UpdateCampaignBody } from '#shared/campaign.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { campaignKeys } from './query-keys.js';

export function updateCampaign(campaignId: string, body: UpdateCampaignBody) {
  return apiRequest(API.campaign(campaignId), { method: 'PATCH', body, schema: campaignSchema });
}

/** Edits a campaign or moves its status along the allowed transitions. */
export function useUpdateCampaign(businessId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCampaignBody) => updateCampaign(campaignId, body),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(businessId, campaignId), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignKeys.lists(businessId) });
    },
  });
}
