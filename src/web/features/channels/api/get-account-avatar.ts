import { useQuery } from '@tanstack/react-query';
import { apiBlob } from '#web/lib/api-client.js';
import { channelsKeys } from './query-keys.js';

// An account's avatar is served to members only, with the Bearer token an <img src> cannot send, so it is
// fetched and shown as a data: URL: the CSP (`img-src 'self' data:`) allows that and no remote host. It is
// a few kilobytes, and its address changes with the picture, so one read serves the whole session.

/** The avatar at `src` (an account's `avatar_src`) as a data: URL. */
export async function getAccountAvatar(src: string): Promise<string> {
  const blob = await apiBlob(src);
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The avatar could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * @example
 * const { data: picture } = useAccountAvatar(business.id, account.avatar_src);
 */
export function useAccountAvatar(businessId: string, src: string | null) {
  return useQuery({
    queryKey: channelsKeys.avatar(businessId, src ?? ''),
    queryFn: () => getAccountAvatar(src ?? ''),
    enabled: src !== null,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
