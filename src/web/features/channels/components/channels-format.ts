import type { NetworkAccount, NetworkId, NetworkSyncResult } from '#shared/network.schema.js';
import { formatDate } from '#web/lib/format-date.js';

export const NETWORK_NAMES: Readonly<Record<NetworkId, string>> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  telegram: 'Telegram',
  discord: 'Discord',
  slack: 'Slack',
};

/** The instance's host (`mastodon.social`), or the address as given when it does not parse. */
export function instanceHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

/** When the token stops working, as a sentence; `now` decides between "expires" and "expired". */
export function describeTokenExpiry(account: Pick<NetworkAccount, 'token_expires_at'>, now: Date): string {
  const expiry = account.token_expires_at;
  if (expiry === null) return 'Token does not expire';
  return new Date(expiry) <= now
    ? `Token expired ${formatDate(expiry)}`
    : `Token expires ${formatDate(expiry)}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What "Sync now" read, for a toast: "Results of 3 posts and 2 new messages read from @bakery@…". */
export function describeSync(result: NetworkSyncResult, handle: string): string {
  const posts = plural(result.posts_measured, 'post', 'posts');
  const messages = plural(result.messages_received, 'new message', 'new messages');
  return `Results of ${posts} and ${messages} read from ${handle}`;
}
