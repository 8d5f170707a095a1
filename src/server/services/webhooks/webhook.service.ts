import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { OutboundGuard } from '#server/integrations/outbound-guard.js';
import type { Repositories } from '#server/repositories/index.js';
import type { WebhookView } from '#server/repositories/webhook.repository.js';
import type {
  CreateWebhookBody,
  UpdateWebhookBody,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookDeliveryListQuery,
  WebhookWithSecret,
} from '#shared/webhook.schema.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { randomToken } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { recordAudit } from '../workspace/audit.service.js';
import { queueDelivery, webhookEvent } from './webhook-dispatcher.js';
import type { WebhookOutboxRelay } from './webhook-outbox-relay.js';
import { toDelivery, toDeliveryDetail, toWebhook } from './webhook-views.js';

/** Every secret starts with this, so a leaked one is easy to recognise. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
const DELIVERY_ORDER = 'id.desc';

/** Webhooks of a workspace (owners and admins): register, change, test, and read their delivery log. */
export class WebhookService {
  constructor(
    private readonly deps: {
      repos: Repositories;
      secretBox: SecretBox;
      guard: OutboundGuard;
      relay: WebhookOutboxRelay;
      now: () => Date;
    },
  ) {}

  async list(principal: Principal, businessId: string): Promise<Webhook[]> {
    const { repos } = this.deps;
    await requireWorkspaceRole(repos, principal, businessId, 'webhooks.read');
    return (await repos.webhooks.list(businessId)).map(toWebhook);
  }

  /** The secret is in this answer and never again (see `rotateSecret`). */
  async create(principal: Principal, body: CreateWebhookBody): Promise<WebhookWithSecret> {
    const { repos } = this.deps;
    const businessId = body.business_id;
    await requireWorkspaceRole(repos, principal, businessId, 'webhooks.manage');
    await this.checkUrl(body.url);
    const secret = newSecret();
    const at = this.deps.now().toISOString();
    const row = {
      id: newId(),
      business_id: businessId,
      url: body.url,
      description: body.description,
      events: JSON.stringify(body.events),
      enabled: body.enabled ? 1 : 0,
      created_by: principal.kind === 'user' ? principal.userId : null,
      created_at: at,
      updated_at: at,
    };
    await repos.transaction(async (trx) => {
      await trx.webhooks.insert({ ...row, secret_encrypted: this.deps.secretBox.seal(secret) });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'webhook.created',
        target: row.id,
        details: { url: row.url, events: body.events },
        at,
      });
    });
    return { webhook: toWebhook(row), secret };
  }

  async update(principal: Principal, webhookId: string, body: UpdateWebhookBody): Promise<Webhook> {
    const { repos } = this.deps;
    const current = await this.load(principal, webhookId, 'webhooks.manage');
    if (body.url !== undefined && body.url !== current.url) await this.checkUrl(body.url);
    const at = this.deps.now().toISOString();
    const changes = {
      ...(body.url !== undefined ? { url: body.url } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.events !== undefined ? { events: JSON.stringify(body.events) } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled ? 1 : 0 } : {}),
      updated_at: at,
    };
    await repos.transaction(async (trx) => {
      if (!(await trx.webhooks.update(current.business_id, webhookId, changes))) throw notFound();
      await recordAudit(trx, {
        businessId: current.business_id,
        principal,
        action: 'webhook.updated',
        target: webhookId,
        details: body,
        at,
      });
    });
    return toWebhook({ ...current, ...changes });
  }

  /** A new secret, effective for every delivery from now on (also retries of older ones). */
  async rotateSecret(principal: Principal, webhookId: string): Promise<WebhookWithSecret> {
    const { repos } = this.deps;
    const current = await this.load(principal, webhookId, 'webhooks.manage');
    const secret = newSecret();
    const at = this.deps.now().toISOString();
    await repos.transaction(async (trx) => {
      await trx.webhooks.update(current.business_id, webhookId, {
        secret_encrypted: this.deps.secretBox.seal(secret),
        updated_at: at,
      });
      await recordAudit(trx, {
        businessId: current.business_id,
        principal,
        action: 'webhook.secret_rotated',
        target: webhookId,
        at,
      });
    });
    return { webhook: toWebhook({ ...current, updated_at: at }), secret };
  }

  async delete(principal: Principal, webhookId: string): Promise<void> {
    const { repos } = this.deps;
    const current = await this.load(principal, webhookId, 'webhooks.manage');
    const at = this.deps.now().toISOString();
    await repos.transaction(async (trx) => {
      if (!(await trx.webhooks.delete(current.business_id, webhookId))) throw notFound();
      await recordAudit(trx, {
        businessId: current.business_id,
        principal,
        action: 'webhook.deleted',
        target: webhookId,
        details: { url: current.url },
        at,
      });
    });
  }

  /** Queue a `webhook.test` event to this webhook alone (even when disabled, to try it before enabling). */
  async sendTest(principal: Principal, webhookId: string): Promise<WebhookDelivery> {
    const current = await this.load(principal, webhookId, 'webhooks.manage');
    const event = webhookEvent(
      'webhook.test',
      current.business_id,
      { webhook_id: webhookId, message: 'A test delivery from Marketing Command Center' },
      this.deps.now(),
    );
    const row = await queueDelivery(this.deps, { businessId: current.business_id, webhookId, event });
    return toDelivery(row);
  }

  /** The same event (same id and body, so receivers can deduplicate) as a new delivery. */
  async redeliver(principal: Principal, webhookId: string, deliveryId: string): Promise<WebhookDelivery> {
    const current = await this.load(principal, webhookId, 'webhooks.manage');
    const original = await this.findDelivery(current, deliveryId);
    const row = await queueDelivery(this.deps, {
      businessId: current.business_id,
      webhookId,
      event: JSON.parse(original.payload),
      payload: original.payload,
    });
    return toDelivery(row);
  }

  async deliveries(
    principal: Principal,
    webhookId: string,
    query: WebhookDeliveryListQuery,
  ): Promise<{ items: WebhookDelivery[]; next_cursor: string | null }> {
    const current = await this.load(principal, webhookId, 'webhooks.read');
    const before = query.cursor ? decodeCursor(query.cursor, DELIVERY_ORDER, 2)[0] : undefined;
    const rows = await this.deps.repos.webhookDeliveries.page(current.business_id, webhookId, {
      limit: query.limit + 1,
      before,
      status: query.status,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toDelivery),
      next_cursor: rows.length > query.limit && last ? encodeCursor([DELIVERY_ORDER, last.id]) : null,
    };
  }

  async delivery(
    principal: Principal,
    webhookId: string,
    deliveryId: string,
  ): Promise<WebhookDeliveryDetail> {
    const current = await this.load(principal, webhookId, 'webhooks.read');
    const row = await this.findDelivery(current, deliveryId);
    const attempts = await this.deps.repos.webhookDeliveries.attempts(current.business_id, row.id);
    return toDeliveryDetail(row, attempts);
  }

  private async load(
    principal: Principal,
    webhookId: string,
    permission: 'webhooks.read' | 'webhooks.manage',
  ): Promise<WebhookView> {
    const { repos } = this.deps;
    const businessId = await repos.webhooks.workspaceOf(webhookId);
    await requireRowRole(repos, principal, businessId, permission, 'webhook');
    const row = businessId ? await repos.webhooks.find(businessId, webhookId) : undefined;
    if (!row) throw notFound();
    return row;
  }

  private async findDelivery(webhook: WebhookView, deliveryId: string) {
    const row = await this.deps.repos.webhookDeliveries.find(webhook.business_id, deliveryId);
    if (!row || row.webhook_id !== webhook.id) throw new AppError('not_found', 'No such delivery');
    return row;
  }

  /** 422 on `body.url` when the server may not call it (checked after DNS, like every delivery). */
  private async checkUrl(url: string): Promise<void> {
    const verdict = await this.deps.guard.check(url);
    if (verdict.ok) return;
    const hint =
      verdict.reason === 'blocked' ? ' An operator can allow private hosts with OUTBOUND_ALLOWED_HOSTS.' : '';
    throw new AppError('url_not_allowed', verdict.problem, {
      errors: [{ path: 'body.url', message: `${verdict.problem}.${hint}`, code: verdict.reason }],
    });
  }
}

function newSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomToken(32)}`;
}

function notFound(): AppError {
  return new AppError('not_found', 'No such webhook');
}
