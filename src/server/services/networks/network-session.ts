import type { NetworkAccountRow } from '#server/db/schema.js';
import type { NetworkSession } from '#server/integrations/networks/index.js';
import type { Repositories } from '#server/repositories/index.js';
import type { SecretBox } from '../access/security/secret-box.js';

/** What opening a stored account's session needs: its tokens' box, and where renewed tokens are stored. */
export interface SessionDeps {
  repos: Repositories;
  /** The network accounts' tokens. */
  secretBox: SecretBox;
  now: () => Date;
}

/**
 * A stored account's tokens opened for one call to its network (never kept, never logged). Tokens the
 * provider renews during the call are sealed and stored on the account before the call returns, with
 * their new expiry and the handle the network reported.
 */
export function sessionOf(row: NetworkAccountRow, deps: SessionDeps): NetworkSession {
  const { repos, secretBox, now } = deps;
  return {
    baseUrl: row.base_url,
    accessToken: secretBox.open(row.access_token_encrypted),
    refreshToken: row.refresh_token_encrypted ? secretBox.open(row.refresh_token_encrypted) : null,
    tokenExpiresAt: row.token_expires_at,
    remoteAccountId: row.remote_account_id,
    handle: row.handle,
    onRenewed: async (renewed) => {
      const at = now().toISOString();
      await repos.networkAccounts.update(row.business_id, row.id, {
        access_token_encrypted: secretBox.seal(renewed.accessToken),
        refresh_token_encrypted: renewed.refreshToken ? secretBox.seal(renewed.refreshToken) : null,
        token_expires_at: renewed.tokenExpiresAt,
        handle: renewed.handle.slice(0, 300),
        checked_at: at,
        updated_at: at,
      });
    },
  };
}

/** The account that publishes a channel: the oldest connected one on its network, if any. */
export function accountForChannel(
  accounts: readonly NetworkAccountRow[],
  channel: string,
): NetworkAccountRow | undefined {
  return accounts.find((account) => account.network === channel && account.status === 'connected');
}
