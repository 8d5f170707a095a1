import type { Config } from '#server/config/config.js';
import type { AiProviderSettingsRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { OutboundGuard } from '#server/integrations/outbound-guard.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiProviderSettings, BudgetStatus, PutAiProviderBody } from '#shared/ai.schema.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import type { AiBudgetGuard } from './ai-budget.js';

/** A workspace's AI budget and its own provider endpoint (bring your own key). */
export class AiSettingsService {
  constructor(
    private readonly repos: Repositories,
    private readonly budget: AiBudgetGuard,
    private readonly secretBox: SecretBox,
    private readonly config: Config['ai'],
    private readonly now: () => Date,
    /** The guard workspace endpoints are called through (see `AiProviderResolver`), checked at save too. */
    private readonly guard: OutboundGuard,
  ) {}

  async getBudget(principal: Principal, businessId: string): Promise<BudgetStatus> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.usage.read');
    return this.budget.status(businessId);
  }

  /** Set the monthly limit in micro-dollars, or remove it with null. */
  async putBudget(principal: Principal, businessId: string, limit: number | null): Promise<BudgetStatus> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.manage');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (limit === null) await trx.aiSettings.deleteBudget(businessId);
      else await trx.aiSettings.upsertBudget(businessId, limit, at);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'ai.budget_changed',
        details: { monthly_limit_micro_usd: limit },
        at,
      });
    });
    return this.budget.status(businessId);
  }

  async getProvider(principal: Principal, businessId: string): Promise<AiProviderSettings> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.usage.read');
    return this.view(await this.repos.aiSettings.findProvider(businessId));
  }

  /** Point the workspace at its own OpenAI-compatible endpoint; the key is sealed and never shown again. */
  async putProvider(
    principal: Principal,
    businessId: string,
    body: PutAiProviderBody,
  ): Promise<AiProviderSettings> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.manage');
    if (body.base_url) await this.checkBaseUrl(body.base_url);
    const current = await this.repos.aiSettings.findProvider(businessId);
    const keepKey = body.api_key === undefined;
    const row: AiProviderSettingsRow = {
      business_id: businessId,
      base_url: body.base_url,
      model: body.model,
      api_key_encrypted: keepKey
        ? (current?.api_key_encrypted ?? null)
        : body.api_key
          ? this.secretBox.seal(body.api_key)
          : null,
      api_key_last4: keepKey
        ? (current?.api_key_last4 ?? null)
        : body.api_key
          ? body.api_key.slice(-4)
          : null,
      updated_at: this.now().toISOString(),
    };
    await this.repos.transaction(async (trx) => {
      await trx.aiSettings.upsertProvider(row);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'ai.provider_changed',
        details: { base_url: row.base_url, model: row.model, key_changed: !keepKey },
        at: row.updated_at,
      });
    });
    return this.view(row);
  }

  /** Go back to the server's provider (or the offline writer). */
  async deleteProvider(principal: Principal, businessId: string): Promise<AiProviderSettings> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.manage');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      await trx.aiSettings.deleteProvider(businessId);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'ai.provider_changed',
        details: { removed: true },
        at,
      });
    });
    return this.view(undefined);
  }

  /** 400 on `body.base_url` when the server may not call it (the same check runs again at every call). */
  private async checkBaseUrl(url: string): Promise<void> {
    const verdict = await this.guard.check(url);
    if (verdict.ok) return;
    throw new AppError('validation_failed', verdict.problem, {
      errors: [
        {
          path: 'body.base_url',
          message: `${verdict.problem}. For a local server, the operator can set AI_ALLOW_PRIVATE_BASE_URLS or list the host in OUTBOUND_ALLOWED_HOSTS.`,
          code: 'private_address',
        },
      ],
    });
  }

  private view(row: AiProviderSettingsRow | undefined): AiProviderSettings {
    if (row) {
      return {
        source: 'workspace',
        base_url: row.base_url,
        model: row.model,
        api_key_last4: row.api_key_last4,
        updated_at: row.updated_at,
      };
    }
    const server = this.config.provider;
    return server
      ? {
          source: 'server',
          base_url: server.baseUrl ?? null,
          model: server.model,
          api_key_last4: null,
          updated_at: null,
        }
      : { source: 'offline', base_url: null, model: 'offline-writer', api_key_last4: null, updated_at: null };
  }
}
