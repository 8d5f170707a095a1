import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { type OverviewQuery, overviewSchema } from '#shared/analytics.schema.js';
import { API } from '#shared/api-paths.js';
import { apiRequest } from '#web/lib/api-client.js';
import { analyticsKeys } from './query-keys.js';

export function getOverview(query: OverviewQuery) {
  return apiRequest(API.analyticsOverview, { schema: overviewSchema, query: { ...query } });
}

export const overviewQueryOptions = (query: OverviewQuery) =>
  queryOptions({
    queryKey: analyticsKeys.overview(query.business_id, query.from, query.to, query.group_by),
    queryFn: () => getOverview(query),
    // Switching the range or grouping keeps the last numbers on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });

/** Actual results of a date range: totals, trend, channels, campaigns, best and worst content. */
export function useOverview(query: OverviewQuery) {
  return useQuery(overviewQueryOptions(query));
}
