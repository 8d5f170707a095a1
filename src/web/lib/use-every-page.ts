import { useEffect } from 'react';

/** The part of an infinite query's result that reading on needs. */
interface PagedQuery {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/**
 * Keep fetching an infinite query's next page until there is none, for views that need every row (a
 * month's calendar, a menu of all campaigns) rather than a "Load more" button.
 *
 * @example
 * const content = useContentItems(businessId, filters);
 * useEveryPage(content);
 */
export function useEveryPage({ hasNextPage, isFetchingNextPage, fetchNextPage }: PagedQuery): void {
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
}
