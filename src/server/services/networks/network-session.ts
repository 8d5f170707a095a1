import type { NetworkAccountRow } from '#server/db/schema.js';
import type { NetworkSession } from '#server/integrations/networks/index.js';
import type { SecretBox } from '../access/security/secret-box.js';

/** A stored account's tokens opened for one call to its network (never kept, never logged). */
export function sessionOf(row: NetworkAccountRow, secretBox: SecretBox): NetworkSession {
  return {
    baseUrl: row.base_url,
    accessToken: secretBox.open(row.access_token_encrypted),
    refreshToken: row.refresh_token_encrypted ? secretBox.open(row.refresh_token_encrypted) : null,
    tokenExpiresAt: row.token_expires_at,
    remoteAccountId: row.remote_account_id,
  };
}

/** The account that publishes a channel: the oldest connected one on its network, if any. */
export function accountForChannel(
  accounts: readonly NetworkAccountRow[],
  channel: string,
): NetworkAccountRow | undefined {
  return accounts.find((account) => account.network === channel && account.status === 'connected');
}
