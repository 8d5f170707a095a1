import type { QueryClient } from '@tanstack/react-query';
import { workspaceIdIn } from './safe-next.js';

/**
 * Where a (safe) `next` leads once signed in. A workspace the person is not a member of (the previous
 * person's on this browser, a link meant for someone else) would only say "Workspace not found", so their
 * home opens instead. The workspace list is what home loads next anyway; it is fetched into the cache and
 * loaded as its own chunk, keeping the sign-in page small.
 */
export async function landingAfterSignIn(next: string, queryClient: QueryClient): Promise<string> {
  const businessId = workspaceIdIn(next);
  if (businessId === undefined) return next;
  try {
    const { businessesQueryOptions } = await import('#web/features/workspaces/api/get-businesses.js');
    const businesses = await queryClient.fetchQuery(businessesQueryOptions());
    return businesses.some((business) => business.id === businessId) ? next : '/';
  } catch {
    // The list did not load: the workspace page itself says what went wrong, with a way home.
    return next;
  }
}
