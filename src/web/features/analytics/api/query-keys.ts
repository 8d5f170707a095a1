/**
 * Query keys for analytics, `['analytics', businessId, …]`: recording actuals refreshes every overview and
 * campaign report of the workspace by that prefix.
 */
export const analyticsKeys = {
  workspace: (businessId: string) => ['analytics', businessId] as const,
  overview: (businessId: string, from: string, to: string, groupBy: string) =>
    [...analyticsKeys.workspace(businessId), 'overview', from, to, groupBy] as const,
  campaignReport: (businessId: string, campaignId: string) =>
    [...analyticsKeys.workspace(businessId), 'campaign', campaignId] as const,
  simulation: (businessId: string, simulationId: string) =>
    [...analyticsKeys.workspace(businessId), 'simulation', simulationId] as const,
  benchmarks: (businessId: string, channel: string, objective: string) =>
    [...analyticsKeys.workspace(businessId), 'benchmarks', channel, objective] as const,
  contentResults: (businessId: string, itemId: string) =>
    [...analyticsKeys.workspace(businessId), 'content-results', itemId] as const,
  /** A live forecast keyed by its exact request body: the same inputs reuse the answer. */
  forecast: (businessId: string, body: string) =>
    [...analyticsKeys.workspace(businessId), 'forecast', body] as const,
};
