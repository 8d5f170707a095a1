import type { TFunction } from 'i18next';
import type { NetworkAccount, NetworkSyncResult } from '#shared/network.schema.js';
import { formatDate } from '#web/lib/format-date.js';

export { NETWORK_NAMES } from '#shared/network.schema.js';

/** The instance's host (`mastodon.social`), or the address as given when it does not parse. */
export function instanceHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** When the token stops working, as a sentence; `now` decides between "expires" and "expired". */
export function describeTokenExpiry(
  account: Pick<NetworkAccount, 'token_expires_at'>,
  now: Date,
  t: TFunction<'channels'>,
): string {
  const expiry = account.token_expires_at;
  if (expiry === null) return t('account.tokenNeverExpires');
  return new Date(expiry) <= now
    ? t('account.tokenExpired', { date: formatDate(expiry) })
    : t('account.tokenExpires', { date: formatDate(expiry) });
}

/** What "Sync now" read, for a toast: "Results of 3 posts and 2 new messages read from @bakery@…". */
export function describeSync(result: NetworkSyncResult, handle: string, t: TFunction<'channels'>): string {
  return t('sync.summary', {
    posts: t('sync.posts', { count: result.posts_measured }),
    messages: t('sync.messages', { count: result.messages_received }),
    handle,
  });
}
