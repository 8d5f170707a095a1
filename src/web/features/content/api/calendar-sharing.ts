import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { calendarFeedListSchema, createdCalendarFeedSchema } from '#shared/content-export.schema.js';
import {
  type CreateReviewLinkBody,
  createdReviewLinkSchema,
  reviewLinkListSchema,
  sharedReviewSchema,
} from '#shared/review-links.schema.js';
import { apiBlob, apiRequest } from '#web/lib/api-client.js';

const sharingKeys = {
  feeds: (businessId: string) => ['calendar-sharing', businessId, 'feeds'] as const,
  reviewLinks: (businessId: string) => ['calendar-sharing', businessId, 'review-links'] as const,
};

/** The workspace's calendar feeds (never their tokens: each URL is shown once, when it is made). */
export function useCalendarFeeds(businessId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.feeds(businessId),
    queryFn: () => apiRequest(API.calendarFeeds(businessId), { schema: calendarFeedListSchema }),
    enabled,
  });
}

export function useCreateCalendarFeed(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest(API.calendarFeeds(businessId), { method: 'POST', schema: createdCalendarFeedSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.feeds(businessId) }),
  });
}

export function useRevokeCalendarFeed(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (feedId: string) => apiRequest(API.calendarFeed(businessId, feedId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.feeds(businessId) }),
  });
}

export function useReviewLinks(businessId: string, enabled = true) {
  return useQuery({
    queryKey: sharingKeys.reviewLinks(businessId),
    queryFn: () => apiRequest(API.reviewLinks(businessId), { schema: reviewLinkListSchema }),
    enabled,
  });
}

export function useCreateReviewLink(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReviewLinkBody) =>
      apiRequest(API.reviewLinks(businessId), { method: 'POST', body, schema: createdReviewLinkSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.reviewLinks(businessId) }),
  });
}

export function useRevokeReviewLink(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => apiRequest(API.reviewLink(businessId, linkId), { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.reviewLinks(businessId) }),
  });
}

/** The calendar's items from `from` (inclusive) to `to` (exclusive) as the CSV export's file. */
export function fetchCalendarCsv(businessId: string, from: string, to: string): Promise<Blob> {
  const query = new URLSearchParams({ business_id: businessId, from, to });
  return apiBlob(`${API.contentExportCsv}?${query}`);
}

/** What a review link shares; no sign-in, the token is the credential. */
export function useSharedReview(token: string) {
  return useQuery({
    queryKey: ['shared-review', token],
    queryFn: () => apiRequest(API.sharedReview, { query: { token }, schema: sharedReviewSchema }),
    enabled: token !== '',
    retry: false,
  });
}
