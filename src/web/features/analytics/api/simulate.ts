import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SimulateBody, simulationSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

/** Request body as sent: defaults (`trials`, shares) may be left to the server. */
export type SimulateRequest = Omit<SimulateBody, 'trials' | 'channels'> & {
  trials?: number;
  channels?: SimulateBody['channels'];
};

export function simulate(body: SimulateRequest, signal?: AbortSignal) {
  return apiRequest(API.analyticsSimulate, { method: 'POST', body, schema: simulationSchema, signal });
}

/**
 * The forecast of `body`, re-run whenever it changes (pass a debounced body). The query is keyed by the
 * body, so a newer body leaves the older request without observers and TanStack Query aborts it through
 * `signal`: a slow stale answer can never replace a fresh one. The last answer stays on screen meanwhile.
 */
export function useLiveForecast(businessId: string, body: SimulateRequest | undefined) {
  const key = body ? JSON.stringify(body) : '';
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: analyticsKeys.forecast(businessId, key),
    queryFn: async ({ signal }) => {
      const simulation = await simulate(body as SimulateRequest, signal);
      // A campaign's run is saved as its latest forecast: its page must show these chances, not the last.
      if (simulation.campaign_id) {
        void queryClient.invalidateQueries({
          queryKey: analyticsKeys.campaignReport(businessId, simulation.campaign_id),
        });
      }
      return simulation;
    },
    enabled: body !== undefined,
    placeholderData: keepPreviousData,
    // Each run is saved; the same inputs and seed give the same answer, so never re-run them on focus.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

/** Runs a campaign's forecast once (the campaign page's button); its report then shows the new bands. */
export function useSimulateCampaign(businessId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => simulate({ business_id: businessId, campaign_id: campaignId }),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: analyticsKeys.campaignReport(businessId, campaignId) }),
  });
}
