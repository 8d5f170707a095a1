import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type CreateCampaignBody, campaignSchema } from '#shared/campaign.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { campaignKeys } from './query-keys.js';

export function createCampaign(body: CreateCampaignBody) {
  return apiRequest(API.campaigns, { method: 'POST', body, schema: campaignSchema });
}

/** Plans a campaign (it starts as a draft). */
export function useCreateCampaign(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<CreateCampaignBody, 'business_id'>) =>
      createCampaign({ ...body, business_id: businessId }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(businessId, campaign.id), campaign);
      return queryClient.invalidateQueries({ queryKey: campaignKeys.lists(businessId) });
    },
  });
}
