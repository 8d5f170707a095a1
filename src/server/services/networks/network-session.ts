import type { NetworkAccountRow } from '#server/db/schema.js';
import type { NetworkSession } from '#server/integrations/networks/index.js';
import type { Repositories } from '#server/repositories/index.js';
import type { SecretBox } from '../access/security/secret-box.js';
import type { OAuthAppsService } from './oauth-apps.service.js';

/** What opening a stored account's session needs: its tokens' box, and where renewed tokens are stored. */
export interface SessionDeps {
  repos: Repositories;
  /** The network accounts' tokens. */
  secretBox: SecretBox;
  now: () => Date;
  /**
   * The OAuth app each workspace connects a network with: renewing an OAuth account's token needs it.
   * Absent (tests of token networks), OAuth sessions carry no app and are used until the token expires.
   */
  oauthApps?: Pick<OAuthAppsService, 'resolve'>;
}

/**
 * A stored account's tokens opened for one call to its network (never kept, never logged). Tokens the
 * provider renews during a call are sealed and stored on the account before the call returns, with
 * their new expiry and the handle the network reported, and the session takes them too: the next call
 * made with it (the next post of a reading) uses the new pair instead of renewing the old one again.
 * Accounts of OAuth networks carry the app their tokens were issued to, so the provider can renew them.
 */
export async function sessionOf(row: NetworkAccountRow, deps: SessionDeps): Promise<NetworkSession> {
  const { repos, secretBox, now } = deps;
  const app =
    row.refresh_token_encrypted && deps.oauthApps
      ? await deps.oauthApps.resolve(row.business_id, row.network)
      : null;
  const session: NetworkSession = {
    baseUrl: row.base_url,
    accessToken: secretBox.open(row.access_token_encrypted),
    refreshToken: row.refresh_token_encrypted ? secretBox.open(row.refresh_token_encrypted) : null,
    tokenExpiresAt: row.token_expires_at,
    remoteAccountId: row.remote_account_id,
    handle: row.handle,
    oauthClient: app?.client ?? null,
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
      session.accessToken = renewed.accessToken;
      session.refreshToken = renewed.refreshToken;
      session.tokenExpiresAt = renewed.tokenExpiresAt;
      session.handle = renewed.handle;
    },
  };
  return session;
}

/** The account that publishes a channel: the oldest connected one on its network, if any. */
export function accountForChannel(
  accounts: readonly NetworkAccountRow[],
  channel: string,
): NetworkAccountRow | undefined {
  return accounts.find((account) => account.network === channel && account.status === 'connected');
}
