import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ApiKey, CreateApiKeyBody, CreatedApiKey } from '#shared/business.schema.js';
import { recordAudit } from '../workspace/audit.service.js';
import type { Principal } from './principal.js';
import { randomToken, sha256 } from './security/tokens.js';
import { requireWorkspaceRole } from './workspace-access.js';

/** Every key starts with this, so leaked keys are easy to spot (and to scan for in repositories). */
export const API_KEY_PREFIX = 'mcc_';
const PREFIX_SHOWN = 12;
// last_used_at is informative; writing it on every request would turn each read into a write.
const LAST_USED_RESOLUTION_MS = 60_000;

/** Workspace API keys: shown once, stored hashed, revocable, usable as `Authorization: Bearer mcc_…`. */
export class ApiKeyService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, businessId: string): Promise<ApiKey[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'api_keys.manage');
    return this.repos.apiKeys.list(businessId);
  }

  async create(principal: Principal, businessId: string, body: CreateApiKeyBody): Promise<CreatedApiKey> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'api_keys.manage');
    const secret = `${API_KEY_PREFIX}${randomToken(32)}`;
    const at = this.now().toISOString();
    const id = newId();
    await this.repos.transaction(async (trx) => {
      await trx.apiKeys.insert({
        id,
        business_id: businessId,
        name: body.name,
        prefix: secret.slice(0, PREFIX_SHOWN),
        key_hash: sha256(secret),
        role: body.role,
        created_by: principal.kind === 'user' ? principal.userId : null,
        created_at: at,
      });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'api_key.created',
        target: id,
        details: { name: body.name, role: body.role },
        at,
      });
    });
    const apiKey = await this.repos.apiKeys.find(businessId, id);
    if (!apiKey) throw new AppError('internal_error');
    return { api_key: apiKey, secret };
  }

  async revoke(principal: Principal, businessId: string, keyId: string): Promise<void> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'api_keys.manage');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!(await trx.apiKeys.revoke(businessId, keyId, at)))
        throw new AppError('not_found', 'No such active API key');
      await recordAudit(trx, { businessId, principal, action: 'api_key.revoked', target: keyId, at });
    });
  }

  /** The principal for a presented key, or undefined when it is unknown or revoked. */
  async authenticate(secret: string): Promise<Principal | undefined> {
    if (!secret.startsWith(API_KEY_PREFIX)) return undefined;
    const key = await this.repos.apiKeys.findActiveByHash(sha256(secret));
    if (!key) return undefined;
    const now = this.now();
    if (!key.last_used_at || now.getTime() - Date.parse(key.last_used_at) > LAST_USED_RESOLUTION_MS) {
      await this.repos.apiKeys.touchLastUsed(key.business_id, key.id, now.toISOString());
    }
    return { kind: 'api_key', apiKeyId: key.id, businessId: key.business_id, role: key.role };
  }
}
