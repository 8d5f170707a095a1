import type { Config } from '#server/config/config.js';
import { AppError } from '#server/errors/app-error.js';
import type { NetworkRegistry, OAuthClient } from '#server/integrations/networks/index.js';
import type { Repositories } from '#server/repositories/index.js';
import { NETWORK_IDS, NETWORK_NAMES, type NetworkId } from '#shared/network.schema.js';
import type { OAuthNetwork, SaveOAuthAppBody } from '#shared/oauth.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';

/** Whose app a workspace connects a network's accounts with, and the app itself. */
export interface ResolvedOAuthApp {
  source: 'instance' | 'workspace';
  client: OAuthClient;
}

/** What the OAuth apps need. */
export interface OAuthAppsDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  /** The workspaces' client secrets. */
  secretBox: SecretBox;
  /** The instance's apps, from its environment. */
  instanceApps: Config['oauthApps'];
  /** Where the web app is reached (PUBLIC_URL): the redirect URLs are under it. */
  publicBaseUrl: string;
  now: () => Date;
}

/**
 * The OAuth apps accounts are connected with, per network: the instance's (from `MCC_OAUTH_<NETWORK>_…`)
 * or a workspace's own (owners and admins set it; its secret is sealed and never returned). A workspace's
 * own app wins: it may want its own rate limits or its own name on the consent page.
 *
 * @example
 * const app = await oauthApps.resolve(businessId, 'x'); // { source: 'instance', client: { clientId, … } }
 */
export class OAuthAppsService {
  constructor(private readonly deps: OAuthAppsDeps) {}

  /** The networks whose provider connects through OAuth, in NETWORK_IDS order. */
  oauthNetworks(): NetworkId[] {
    return NETWORK_IDS.filter((id) => this.deps.networks[id]?.oauth !== undefined);
  }

  /** The address the network sends the person back to: the one to register with the network's app. */
  redirectUrl(network: NetworkId): string {
    return `${this.deps.publicBaseUrl}/api/oauth/${network}/callback`;
  }

  async list(principal: Principal, businessId: string): Promise<OAuthNetwork[]> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'connectors.manage');
    const own = new Map(
      (await this.deps.repos.networkOAuthApps.list(businessId)).map((row) => [row.network, row]),
    );
    return this.oauthNetworks().map((network) => {
      const row = own.get(network);
      const spec = this.deps.networks[network].oauth;
      return {
        network,
        name: NETWORK_NAMES[network],
        scopes: [...(spec?.scopes ?? [])],
        redirect_url: this.redirectUrl(network),
        app_source: row ? 'workspace' : this.deps.instanceApps[network] ? 'instance' : null,
        workspace_app: row
          ? {
              client_id: row.client_id,
              has_secret: row.client_secret_encrypted !== null,
              updated_at: row.updated_at,
            }
          : null,
      };
    });
  }

  async save(principal: Principal, network: NetworkId, body: SaveOAuthAppBody): Promise<OAuthNetwork> {
    const businessId = body.business_id;
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'connectors.manage');
    this.requireOAuth(network);
    const at = this.deps.now().toISOString();
    await this.deps.repos.transaction(async (trx) => {
      const existing = await trx.networkOAuthApps.find(businessId, network);
      await trx.networkOAuthApps.upsert({
        business_id: businessId,
        network,
        client_id: body.client_id,
        client_secret_encrypted: body.client_secret ? this.deps.secretBox.seal(body.client_secret) : null,
        created_at: existing?.created_at ?? at,
        updated_at: at,
      });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'network_oauth_app.saved',
        details: { network, client_id: body.client_id, public_client: body.client_secret === null },
        at,
      });
    });
    const saved = (await this.list(principal, businessId)).find((entry) => entry.network === network);
    if (!saved) throw new AppError('not_found', 'No such network');
    return saved;
  }

  /** Forget the workspace's own app; accounts connected with it cannot renew their tokens any more. */
  async clear(principal: Principal, network: NetworkId, businessId: string): Promise<void> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'connectors.manage');
    this.requireOAuth(network);
    const at = this.deps.now().toISOString();
    await this.deps.repos.transaction(async (trx) => {
      if (!(await trx.networkOAuthApps.delete(businessId, network))) {
        throw new AppError('not_found', `The workspace has no ${NETWORK_NAMES[network]} app of its own`);
      }
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'network_oauth_app.cleared',
        details: { network },
        at,
      });
    });
  }

  /** The app a workspace connects (and renews) the network's accounts with, or null when there is none. */
  async resolve(businessId: string, network: NetworkId): Promise<ResolvedOAuthApp | null> {
    const row = await this.deps.repos.networkOAuthApps.find(businessId, network);
    if (row) {
      return {
        source: 'workspace',
        client: {
          clientId: row.client_id,
          clientSecret: row.client_secret_encrypted
            ? this.deps.secretBox.open(row.client_secret_encrypted)
            : null,
        },
      };
    }
    const instance = this.deps.instanceApps[network];
    return instance ? { source: 'instance', client: { ...instance } } : null;
  }

  requireOAuth(network: NetworkId) {
    const spec = this.deps.networks[network]?.oauth;
    if (!spec) {
      throw new AppError('validation_failed', `${NETWORK_NAMES[network]} is not connected through OAuth`, {
        errors: [
          {
            path: 'params.network',
            message: ruleFieldMessage('connectWithForm', { network: NETWORK_NAMES[network] }),
            code: 'not_oauth',
          },
        ],
      });
    }
    return spec;
  }
}
