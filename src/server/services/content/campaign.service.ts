import { newId } from '#server/db/ids.js';
import type { CampaignRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  CAMPAIGN_TRANSITIONS,
  type Campaign,
  type CampaignListQuery,
  type CampaignStatus,
  type CreateCampaignBody,
  canMoveCampaign,
  type UpdateCampaignBody,
} from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { defaultCurrency } from '#shared/currency.js';
import type { Permission } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { actorOf } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { decodeCursor, encodeCursor } from '../common/cursor.js';
import { recordAudit } from '../workspace/audit.service.js';

/** Campaigns: create, list, read, update (with status rules), delete; each behind a role check. */
export class CampaignService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  async create(principal: Principal, body: CreateCampaignBody): Promise<Campaign> {
    const { business_id: businessId, currency, ...fields } = body;
    await requireWorkspaceRole(this.repos, principal, businessId, 'campaigns.write');
    const at = this.now().toISOString();
    const workspace = currency ? undefined : await this.repos.businesses.findById(businessId);
    const row: CampaignRow = {
      id: newId(),
      business_id: businessId,
      ...fields,
      currency: currency ?? (workspace ? defaultCurrency(workspace) : 'USD'),
      channels: JSON.stringify(fields.channels),
      kpis: JSON.stringify(fields.kpis),
      status: 'draft',
      created_by: actorOf(principal).actor_user_id,
      created_at: at,
      updated_at: at,
    };
    await this.repos.transaction(async (trx) => {
      await trx.campaigns.insert(row);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'campaign.created',
        target: row.id,
        details: { name: row.name },
        at,
      });
    });
    return toCampaign(row);
  }

  async list(
    principal: Principal,
    query: CampaignListQuery,
  ): Promise<{ items: Campaign[]; next_cursor: string | null }> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'campaigns.read');
    const order = `${query.sort}.${query.order}`;
    const position = query.cursor ? decodeCursor(query.cursor, order, 3) : undefined;
    const rows = await this.repos.campaigns.page(query.business_id, {
      ...query,
      limit: query.limit + 1,
      after: position ? { value: position[0] ?? '', id: position[1] ?? '' } : undefined,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map(toCampaign),
      next_cursor:
        rows.length > query.limit && last ? encodeCursor([order, String(last[query.sort]), last.id]) : null,
    };
  }

  async get(principal: Principal, campaignId: string): Promise<Campaign> {
    return toCampaign((await this.load(principal, campaignId, 'campaigns.read')).row);
  }

  async update(principal: Principal, campaignId: string, body: UpdateCampaignBody): Promise<Campaign> {
    const { row, businessId } = await this.load(principal, campaignId, 'campaigns.write');
    const startDate = body.start_date ?? row.start_date;
    const endDate = body.end_date ?? row.end_date;
    if (endDate < startDate) {
      const field = body.end_date ? 'end_date' : 'start_date';
      throw new AppError('validation_failed', 'The end date is before the start date', {
        errors: [
          {
            path: `body.${field}`,
            message: ruleFieldMessage('campaignDates', { start: startDate, end: endDate }),
            code: 'custom',
          },
        ],
      });
    }
    const statusChange = body.status && body.status !== row.status ? body.status : undefined;
    if (statusChange && !canMoveCampaign(row.status, statusChange)) {
      throw campaignMoveRefused(row.status, statusChange);
    }
    const at = this.now().toISOString();
    const { channels, kpis, ...fields } = body;
    const updated = await this.repos.transaction(async (trx) => {
      const saved = await trx.campaigns.update(
        businessId,
        campaignId,
        {
          ...fields,
          ...(channels ? { channels: JSON.stringify(channels) } : {}),
          ...(kpis ? { kpis: JSON.stringify(kpis) } : {}),
          updated_at: at,
        },
        statusChange ? row.status : undefined,
      );
      if (!saved && statusChange) {
        throw new AppError('version_conflict', 'The campaign’s status changed meanwhile; reload it');
      }
      if (!saved) throw new AppError('not_found', 'No such campaign');
      if (statusChange) {
        await recordAudit(trx, {
          businessId,
          principal,
          action: 'campaign.status_changed',
          target: campaignId,
          details: { from: row.status, to: statusChange },
          at,
        });
      }
      return saved;
    });
    return toCampaign(updated);
  }

  /** Owners and admins; the campaign's content stays, unlinked from it. */
  async delete(principal: Principal, campaignId: string): Promise<void> {
    const { row, businessId } = await this.load(principal, campaignId, 'campaigns.delete');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      await trx.contentItems.unlinkCampaign(businessId, campaignId, at);
      await trx.campaigns.delete(businessId, campaignId);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'campaign.deleted',
        target: campaignId,
        details: { name: row.name },
        at,
      });
    });
  }

  private async load(principal: Principal, campaignId: string, permission: Permission) {
    const businessId = await this.repos.campaigns.businessIdOf(campaignId);
    await requireRowRole(this.repos, principal, businessId, permission, 'campaign');
    const row = businessId ? await this.repos.campaigns.find(businessId, campaignId) : undefined;
    if (!row || !businessId) throw new AppError('not_found', 'No such campaign');
    return { row, businessId };
  }
}

function campaignMoveRefused(from: CampaignStatus, to: CampaignStatus): AppError {
  const allowed = CAMPAIGN_TRANSITIONS[from];
  const options = allowed.length > 0 ? `can move to: ${allowed.join(', ')}` : 'cannot change status';
  return new AppError('invalid_transition', `A ${from} campaign cannot become ${to}; it ${options}`, {
    facts: { reason: 'campaign_move', from, to, allowed: [...allowed] },
  });
}

function toCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    business_id: row.business_id,
    name: row.name,
    objective: row.objective,
    channels: JSON.parse(row.channels) as ChannelId[],
    budget_minor: Number(row.budget_minor),
    currency: row.currency,
    start_date: row.start_date,
    end_date: row.end_date,
    kpis: JSON.parse(row.kpis) as Campaign['kpis'],
    status: row.status,
    created_by: row.created_by,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
