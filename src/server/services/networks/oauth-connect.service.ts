import { newId } from '#server/db/ids.js';
import type { OAuthFlowRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { NetworkFailure, NetworkRegistry, OAuthTokens } from '#server/integrations/networks/index.js';
import type { NetworkHttp } from '#server/integrations/networks/json-http.js';
import { exchangeCode } from '#server/integrations/networks/oauth-token.js';
import type { Repositories } from '#server/repositories/index.js';
import { NETWORK_NAMES, type NetworkAccount, type NetworkId } from '#shared/network.schema.js';
import type { OAuthPick, OAuthPickBody, OAuthStart, StartOAuthBody } from '#shared/oauth.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { randomToken, safeEqual, sha256 } from '../access/security/tokens.js';
import { requireUser, requireWorkspaceRole } from '../access/workspace-access.js';
import type { NetworkAccountService } from './network-account.service.js';
import { networkFailureFacts } from './network-failure-facts.js';
import type { OAuthAppsService } from './oauth-apps.service.js';

/** How long a person has to approve on the network's page, and then to pick the account. */
export const OAUTH_FLOW_TTL_MS = 10 * 60_000;

/** What connecting through OAuth needs. */
export interface OAuthConnectDeps {
  repos: Repositories;
  networks: NetworkRegistry;
  accounts: NetworkAccountService;
  apps: OAuthAppsService;
  /** Seals the PKCE verifiers and the tokens of flows waiting for a pick. */
  secretBox: SecretBox;
  /** The token endpoint calls: the guarded fetch, a timeout, a clock. */
  http: NetworkHttp;
  publicBaseUrl: string;
  now: () => Date;
}

/** How the network's redirect ends: back to the channels page, or (no flow to go back to) a short page. */
export type OAuthCallbackOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'page'; status: number; message: string };

interface AuthorizingSecret {
  codeVerifier: string | null;
}
interface PickingSecret {
  tokens: OAuthTokens;
}

/**
 * The OAuth 2 authorization-code flow, the same for every network whose provider describes one
 * (`provider.oauth`): the authorization URL with a random single-use `state` (stored hashed) and a PKCE
 * S256 challenge; the redirect back, accepted only in the browser of the person who started it (a cookie
 * whose hash the flow keeps) while they still manage the workspace; the code exchange; the account to
 * publish as when the login manages several; and the account stored like any other.
 *
 * @example
 * const { authorizationUrl, binder } = await oauth.start(principal, 'x', { business_id }, cookie);
 */
export class OAuthConnectService {
  constructor(private readonly deps: OAuthConnectDeps) {}

  /**
   * The network's consent page to send the person to. `binder`: the browser's flow cookie, if it has
   * one; the answer's `binder` is the cookie to set (the same, or a new one).
   */
  async start(
    principal: Principal,
    network: NetworkId,
    body: StartOAuthBody,
    binder: string | undefined,
  ): Promise<OAuthStart & { binder: string }> {
    const { repos, apps, now } = this.deps;
    const userId = requireUser(principal);
    const businessId = body.business_id;
    await requireWorkspaceRole(repos, principal, businessId, 'connectors.manage');
    const spec = apps.requireOAuth(network);
    if (body.account_id) {
      const account = await repos.networkAccounts.find(businessId, body.account_id);
      if (!account) throw new AppError('not_found', 'No such account');
      if (account.network !== network) {
        throw new AppError('validation_failed', `That account is on ${NETWORK_NAMES[account.network]}`, {
          errors: [
            {
              path: 'body.account_id',
              message: ruleFieldMessage('notThatNetwork', { network: NETWORK_NAMES[network] }),
              code: 'other_network',
            },
          ],
        });
      }
    }
    const app = await apps.resolve(businessId, network);
    if (!app) {
      throw new AppError(
        'oauth_app_missing',
        `Set up ${NETWORK_NAMES[network]}’s app first: its client ID (and secret) under Settings → Channels, or MCC_OAUTH_${network.toUpperCase()}_CLIENT_ID on the server`,
      );
    }
    const at = now();
    const expiresAt = new Date(at.getTime() + OAUTH_FLOW_TTL_MS).toISOString();
    const state = randomToken(32);
    // RFC 7636: 43–128 characters; 48 random bytes make 64.
    const codeVerifier = spec.pkce ? randomToken(48) : null;
    const cookie = binder && /^[A-Za-z0-9_-]{43,}$/.test(binder) ? binder : randomToken(32);
    await repos.oauthFlows.deleteExpired(at.toISOString());
    const secret: AuthorizingSecret = { codeVerifier };
    await repos.oauthFlows.insert({
      id: newId(),
      business_id: businessId,
      user_id: userId,
      network,
      phase: 'authorizing',
      state_hash: sha256(state),
      binder_hash: sha256(cookie),
      secret_encrypted: this.deps.secretBox.seal(JSON.stringify(secret)),
      targets: null,
      account_id: body.account_id ?? null,
      expires_at: expiresAt,
      created_at: at.toISOString(),
    });
    const url = new URL(spec.authorizeUrl);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('client_id', app.client.clientId);
    url.searchParams.set('redirect_uri', apps.redirectUrl(network));
    url.searchParams.set('scope', spec.scopes.join(spec.scopeSeparator));
    url.searchParams.set('state', state);
    if (codeVerifier) {
      url.searchParams.set('code_challenge', Buffer.from(sha256(codeVerifier), 'hex').toString('base64url'));
      url.searchParams.set('code_challenge_method', 'S256');
    }
    for (const [name, value] of Object.entries(spec.authorizeParams ?? {})) url.searchParams.set(name, value);
    return { authorization_url: url.toString(), expires_at: expiresAt, binder: cookie };
  }

  /**
   * The network's redirect back. Never throws for what the network or the person did: every ending is a
   * readable message on the channels page (or, with no flow to go back to, on a short page of its own).
   */
  async callback(
    network: NetworkId,
    query: {
      code?: string | undefined;
      state?: string | undefined;
      error?: string | undefined;
      error_description?: string | undefined;
    },
    binder: string | undefined,
  ): Promise<OAuthCallbackOutcome> {
    const { repos, now } = this.deps;
    const name = NETWORK_NAMES[network];
    const unknown = {
      kind: 'page' as const,
      status: 400,
      message: `This ${name} sign-in is not known here: it was finished already, or it expired. Go back to Settings → Channels and connect again.`,
    };
    if (!query.state) return unknown;
    const flow = await repos.oauthFlows.findByState(sha256(query.state));
    if (!flow || flow.network !== network) return unknown;
    // Another browser (another person, or a link someone was sent): the flow stays for its own browser.
    if (!binder || !safeEqual(sha256(binder), flow.binder_hash)) {
      return {
        kind: 'page',
        status: 403,
        message: `This ${name} sign-in was started by someone else, or in another browser. Start connecting from Settings → Channels in this browser.`,
      };
    }
    if (!(await repos.oauthFlows.claim(flow.business_id, flow.id))) return unknown;
    const page = `${this.deps.publicBaseUrl}/w/${flow.business_id}/settings/channels`;
    const failed = (message: string): OAuthCallbackOutcome => ({
      kind: 'redirect',
      location: `${page}?${new URLSearchParams({ oauth: 'failed', network, message: message.slice(0, 500) })}`,
    });
    if (flow.expires_at <= now().toISOString()) {
      return failed(`Connecting ${name} took too long; start again.`);
    }
    const principal: Principal = { kind: 'user', userId: flow.user_id };
    try {
      await requireWorkspaceRole(repos, principal, flow.business_id, 'connectors.manage');
    } catch {
      return failed(`You no longer manage this workspace’s accounts.`);
    }
    if (query.error) {
      if (query.error === 'access_denied') {
        return failed(`You did not allow mcc to use your ${name} account; nothing was connected.`);
      }
      const why = [query.error, query.error_description].filter(Boolean).join(': ');
      return failed(`${name} did not let mcc connect (${why}).`);
    }
    if (!query.code) return failed(`${name} sent no authorization code back; start again.`);

    const spec = this.deps.apps.requireOAuth(network);
    const app = await this.deps.apps.resolve(flow.business_id, network);
    if (!app) return failed(`The ${name} app was removed in the meantime; set it up and start again.`);
    const secret = this.open<AuthorizingSecret>(flow);
    const exchanged = await exchangeCode(this.deps.http, name, spec, app.client, {
      code: query.code,
      redirectUri: this.deps.apps.redirectUrl(network),
      codeVerifier: secret?.codeVerifier ?? null,
    });
    if (!exchanged.ok) return failed(readable(name, exchanged.failure));
    // Some networks trade the first token for a longer-lived one, which takes the app (Facebook, Threads).
    const tokens: OAuthTokens = { ...exchanged.value, client: app.client };

    const provider = this.deps.networks[network];
    if (provider.targets) {
      const targets = await provider.targets(tokens);
      if (!targets.ok) return failed(readable(name, targets.failure));
      if (targets.value.length === 0) {
        return failed(`This ${name} login manages no account mcc can publish as.`);
      }
      if (targets.value.length > 1) {
        const id = newId();
        const pending: PickingSecret = { tokens };
        await repos.oauthFlows.insert({
          ...flow,
          id,
          phase: 'picking',
          state_hash: null,
          secret_encrypted: this.deps.secretBox.seal(JSON.stringify(pending)),
          targets: JSON.stringify(
            targets.value.map((target) => ({
              id: target.id,
              name: target.name,
              avatar_url: target.avatarUrl,
            })),
          ),
          expires_at: new Date(now().getTime() + OAUTH_FLOW_TTL_MS).toISOString(),
          created_at: now().toISOString(),
        });
        return {
          kind: 'redirect',
          location: `${page}?${new URLSearchParams({ oauth: 'pick', network, flow: id })}`,
        };
      }
      tokens.target_id = targets.value[0]?.id;
    }
    try {
      const account = await this.finish(principal, flow, tokens);
      return {
        kind: 'redirect',
        location: `${page}?${new URLSearchParams({ oauth: 'connected', network, account: account.id })}`,
      };
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return failed(error.detail ?? error.message);
      if (error instanceof AppError && error.code === 'network_unavailable')
        return failed(error.detail ?? error.message);
      throw error;
    }
  }

  /** A flow waiting for the person who started it to pick the account. */
  async pick(principal: Principal, flowId: string): Promise<OAuthPick> {
    const flow = await this.loadPick(principal, flowId);
    return {
      id: flow.id,
      business_id: flow.business_id,
      network: flow.network,
      targets: JSON.parse(flow.targets ?? '[]') as OAuthPick['targets'],
      expires_at: flow.expires_at,
    };
  }

  /** Connect the account picked; the flow is used up. */
  async completePick(principal: Principal, flowId: string, body: OAuthPickBody): Promise<NetworkAccount> {
    const flow = await this.loadPick(principal, flowId);
    const targets = JSON.parse(flow.targets ?? '[]') as OAuthPick['targets'];
    if (!targets.some((target) => target.id === body.target_id)) {
      const message = ruleFieldMessage('pickListedAccount');
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'body.target_id', message, code: 'unknown_target' }],
      });
    }
    if (!(await this.deps.repos.oauthFlows.claim(flow.business_id, flow.id))) {
      throw new AppError('not_found', 'No such connection waiting');
    }
    const secret = this.open<PickingSecret>(flow);
    if (!secret) throw new AppError('link_expired', 'Start connecting again');
    return this.finish(principal, flow, { ...secret.tokens, target_id: body.target_id });
  }

  private async loadPick(principal: Principal, flowId: string): Promise<OAuthFlowRow> {
    const userId = requireUser(principal);
    const businessId = await this.deps.repos.oauthFlows.businessIdOf(flowId);
    await requireRowRole(this.deps.repos, principal, businessId, 'connectors.manage', 'connection waiting');
    const flow = businessId ? await this.deps.repos.oauthFlows.find(businessId, flowId) : undefined;
    // Someone else's pick is theirs alone: it answers as if it did not exist.
    if (flow?.phase !== 'picking' || flow.user_id !== userId) {
      throw new AppError('not_found', 'No such connection waiting');
    }
    if (flow.expires_at <= this.deps.now().toISOString()) {
      throw new AppError(
        'link_expired',
        `Picking the account took too long; connect ${NETWORK_NAMES[flow.network]} again`,
      );
    }
    return flow;
  }

  /** Open the account the tokens give and store it (for a reconnect: only the same remote account). */
  private async finish(
    principal: Principal,
    flow: OAuthFlowRow,
    tokens: OAuthTokens,
  ): Promise<NetworkAccount> {
    const name = NETWORK_NAMES[flow.network];
    const opened = await this.deps.networks[flow.network].connect(tokens);
    if (!opened.ok) {
      throw new AppError(
        opened.failure.kind === 'retryable' ? 'network_unavailable' : 'network_refused',
        readable(name, opened.failure),
        { facts: networkFailureFacts(flow.network, opened.failure) },
      );
    }
    const connected = opened.value;
    if (flow.account_id) {
      const row = await this.deps.repos.networkAccounts.find(flow.business_id, flow.account_id);
      if (!row) throw new AppError('not_found', 'The account to reconnect was disconnected in the meantime');
      if (row.remote_account_id !== connected.remoteAccountId || row.base_url !== connected.baseUrl) {
        throw new AppError(
          'validation_failed',
          `You signed in to ${name} as ${connected.handle}, not ${row.handle}: sign in as ${row.handle} to reconnect it, or connect ${connected.handle} as a new account`,
        );
      }
    }
    return this.deps.accounts.saveConnected(principal, flow.business_id, flow.network, connected);
  }

  private open<T>(flow: OAuthFlowRow): T | null {
    if (!flow.secret_encrypted) return null;
    return JSON.parse(this.deps.secretBox.open(flow.secret_encrypted)) as T;
  }
}

/** A network's refusal for people: its own words where it gave some. */
function readable(name: string, failure: NetworkFailure): string {
  if (failure.kind === 'retryable')
    return `${name} did not answer in time; try again in a moment (${failure.message}).`;
  return failure.message;
}
