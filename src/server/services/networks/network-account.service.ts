import { newId } from '#server/db/ids.js';
import type { NetworkAccountRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type {
  ConnectedAccount,
  NetworkFailure,
  NetworkRegistry,
} from '#server/integrations/networks/index.js';
import type { Repositories } from '#server/repositories/index.js';
import { API } from '#shared/api-paths.js';
import {
  type ConnectNetworkAccountBody,
  type CredentialsNetworkId,
  NETWORK_CREDENTIAL_FIELDS,
  NETWORK_CREDENTIALS_SCHEMAS,
  NETWORK_NAMES,
  type NetworkAccount,
  type NetworkId,
  type ReconnectNetworkAccountBody,
} from '#shared/network.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import type { NetworkAvatarService } from './network-avatar.service.js';
import { networkFailureFacts } from './network-failure-facts.js';

/** What a network calls the secret its accounts are connected with (OAuth networks: the authorization). */
const SECRET_NAMES: Record<NetworkId, string> = {
  mastodon: 'token',
  bluesky: 'app password',
  linkedin: 'authorization',
  pinterest: 'authorization',
  google_business: 'authorization',
  facebook: 'authorization',
  instagram: 'authorization',
  threads: 'authorization',
  x: 'authorization',
  telegram: 'bot token',
  discord: 'webhook URL',
  slack: 'webhook URL',
};

/**
 * A workspace's connected network accounts (owners and admins): connect with credentials the network
 * accepts, reconnect with new ones, disconnect. Tokens are sealed before they are stored and never
 * leave the server; connecting the same remote account again updates its row instead of adding one.
 */
export class NetworkAccountService {
  constructor(
    private readonly repos: Repositories,
    private readonly networks: NetworkRegistry,
    private readonly secretBox: SecretBox,
    private readonly now: () => Date,
    private readonly avatars: NetworkAvatarService,
  ) {}

  async list(principal: Principal, businessId: string): Promise<NetworkAccount[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'connectors.manage');
    const [rows, etags] = await Promise.all([
      this.repos.networkAccounts.list(businessId),
      this.avatars.etags(businessId),
    ]);
    return rows.map((row) => toNetworkAccount(row, etags.get(row.id) ?? null));
  }

  async connect(principal: Principal, body: ConnectNetworkAccountBody): Promise<NetworkAccount> {
    const businessId = body.business_id;
    await requireWorkspaceRole(this.repos, principal, businessId, 'connectors.manage');
    const connected = await this.open(body.network, body.credentials);
    return this.saveConnected(principal, businessId, body.network, connected);
  }

  /**
   * Store an account a network opened (credentials here, or the OAuth flow's tokens): the same remote
   * account updates its row, another adds one. The caller checked the principal may manage the workspace.
   */
  async saveConnected(
    principal: Principal,
    businessId: string,
    network: NetworkId,
    connected: ConnectedAccount,
  ): Promise<NetworkAccount> {
    const at = this.now().toISOString();
    const saved = await this.repos.transaction(async (trx) => {
      const existing = await trx.networkAccounts.findRemote(
        businessId,
        network,
        connected.baseUrl,
        connected.remoteAccountId,
      );
      const fields = this.storedFields(connected, at);
      let row: NetworkAccountRow;
      if (existing) {
        row = (await trx.networkAccounts.update(businessId, existing.id, fields)) ?? existing;
      } else {
        row = {
          id: newId(),
          business_id: businessId,
          network,
          remote_account_id: connected.remoteAccountId,
          base_url: connected.baseUrl,
          conversations_cursor: null,
          created_by: principal.kind === 'user' ? principal.userId : null,
          created_at: at,
          ...fields,
        };
        await trx.networkAccounts.insert(row);
      }
      await recordAudit(trx, {
        businessId,
        principal,
        action: existing ? 'network_account.reconnected' : 'network_account.connected',
        target: row.id,
        details: { network, handle: row.handle },
        at,
      });
      return row;
    });
    return toNetworkAccount(saved, await this.avatars.readQuietly(saved));
  }

  /** New credentials for the same remote account (a revoked or replaced token). */
  async reconnect(
    principal: Principal,
    accountId: string,
    body: ReconnectNetworkAccountBody,
  ): Promise<NetworkAccount> {
    const { row, businessId } = await this.load(principal, accountId);
    const schema = credentialsSchemaOf(row.network);
    if (!schema) {
      throw new AppError(
        'validation_failed',
        `${NETWORK_NAMES[row.network]} accounts are reconnected on its page`,
        {
          errors: [
            {
              path: 'body.credentials',
              message: ruleFieldMessage('reconnectThroughNetwork', { network: NETWORK_NAMES[row.network] }),
              code: 'oauth_network',
            },
          ],
        },
      );
    }
    const credentials = schema.safeParse(body.credentials);
    if (!credentials.success) {
      throw new AppError('validation_failed', `These are not ${NETWORK_NAMES[row.network]} credentials`, {
        errors: [
          {
            path: 'body.credentials',
            message: ruleFieldMessage('networkFields', { network: NETWORK_NAMES[row.network] }),
            code: 'other_network',
          },
        ],
      });
    }
    const connected = await this.open(row.network, credentials.data);
    if (connected.remoteAccountId !== row.remote_account_id || connected.baseUrl !== row.base_url) {
      throw new AppError(
        'validation_failed',
        `This ${SECRET_NAMES[row.network]} belongs to ${connected.handle}, not ${row.handle}`,
        {
          errors: [
            {
              path: credentialPath(credentialFieldsOf(row.network)?.secret ?? ''),
              message: `It opens ${connected.handle}; connect it as a new account instead`,
              code: 'other_account',
            },
          ],
        },
      );
    }
    const at = this.now().toISOString();
    const saved = await this.repos.transaction(async (trx) => {
      const updated = await trx.networkAccounts.update(
        businessId,
        accountId,
        this.storedFields(connected, at),
      );
      if (!updated) throw new AppError('not_found', 'No such account');
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'network_account.reconnected',
        target: accountId,
        details: { network: row.network, handle: updated.handle },
        at,
      });
      return updated;
    });
    return toNetworkAccount(saved, await this.avatars.readQuietly(saved));
  }

  /** Forget the account and its tokens; what it published stays published on the network. */
  async disconnect(principal: Principal, accountId: string): Promise<void> {
    const { row, businessId } = await this.load(principal, accountId);
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!(await trx.networkAccounts.delete(businessId, accountId))) {
        throw new AppError('not_found', 'No such account');
      }
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'network_account.disconnected',
        target: accountId,
        details: { network: row.network, handle: row.handle },
        at,
      });
    });
  }

  /** The account, if the caller may manage it; another workspace's id answers 404. */
  async load(
    principal: Principal,
    accountId: string,
  ): Promise<{ row: NetworkAccountRow; businessId: string }> {
    const businessId = await this.repos.networkAccounts.businessIdOf(accountId);
    await requireRowRole(this.repos, principal, businessId, 'connectors.manage', 'account');
    const row = businessId ? await this.repos.networkAccounts.find(businessId, accountId) : undefined;
    if (!row || !businessId) throw new AppError('not_found', 'No such account');
    return { row, businessId };
  }

  /** The account the credentials open, or a problem in the network's words. */
  private async open(network: NetworkId, credentials: unknown): Promise<ConnectedAccount> {
    const result = await this.networks[network].connect(credentials);
    if (result.ok) return result.value;
    throw connectProblem(network, result.failure);
  }

  private storedFields(connected: ConnectedAccount, at: string) {
    return {
      display_name: connected.displayName.slice(0, 200),
      handle: connected.handle.slice(0, 300),
      avatar_url: connected.avatarUrl,
      profile_url: connected.profileUrl,
      scopes: JSON.stringify(connected.scopes),
      token_expires_at: connected.tokenExpiresAt,
      access_token_encrypted: this.secretBox.seal(connected.accessToken),
      refresh_token_encrypted: connected.refreshToken ? this.secretBox.seal(connected.refreshToken) : null,
      status: 'connected' as const,
      last_error: null,
      checked_at: at,
      updated_at: at,
    };
  }
}

/** A refused connection as a readable problem on the field it is about. */
function connectProblem(network: NetworkId, failure: NetworkFailure): AppError {
  const fields = credentialFieldsOf(network) ?? { address: '', secret: '' };
  const facts = networkFailureFacts(network, failure);
  if (failure.kind === 'auth_expired') {
    // The provider's message leads with what happened ("… (HTTP 401): "); the form shows only the reason.
    const reason =
      failure.message.replace(/^.*?\(HTTP \d+[^)]*\):?\s*/, '') ||
      `the ${SECRET_NAMES[network]} is not valid`;
    const message = `${NETWORK_NAMES[network]} refused the ${SECRET_NAMES[network]}: ${reason}`;
    return new AppError('network_refused', message, {
      errors: [{ path: credentialPath(fields.secret), message, code: 'token_refused', facts }],
      facts,
    });
  }
  if (failure.kind === 'retryable') return new AppError('network_unavailable', failure.message, { facts });
  return new AppError('network_refused', failure.message, {
    errors: [{ path: credentialPath(fields.address), message: failure.message, code: 'refused', facts }],
    facts,
  });
}

/** The credentials form of a network, or undefined for one connected only through OAuth. */
function credentialsSchemaOf(network: NetworkId) {
  return network in NETWORK_CREDENTIALS_SCHEMAS
    ? NETWORK_CREDENTIALS_SCHEMAS[network as CredentialsNetworkId]
    : undefined;
}

function credentialFieldsOf(network: NetworkId) {
  return network in NETWORK_CREDENTIAL_FIELDS
    ? NETWORK_CREDENTIAL_FIELDS[network as CredentialsNetworkId]
    : undefined;
}

/** The field a refusal is about; the credentials as a whole for networks without a form. */
function credentialPath(field: string): string {
  return field ? `body.credentials.${field}` : 'body.credentials';
}

/** The API shape of a row: never its tokens. `avatarEtag`: the avatar we keep of it (null: none). */
export function toNetworkAccount(row: NetworkAccountRow, avatarEtag: string | null): NetworkAccount {
  return {
    id: row.id,
    business_id: row.business_id,
    network: row.network,
    display_name: row.display_name,
    handle: row.handle,
    avatar_url: row.avatar_url,
    // The ETag in the address: a new picture is a new URL, so the old one may be cached for long.
    avatar_src: avatarEtag ? `${API.networkAccountAvatar(row.id)}?v=${avatarEtag}` : null,
    profile_url: row.profile_url,
    base_url: row.base_url === '' ? null : row.base_url,
    scopes: JSON.parse(row.scopes) as string[],
    token_expires_at: row.token_expires_at,
    status: row.status,
    last_error: row.last_error,
    checked_at: row.checked_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
