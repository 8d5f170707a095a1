import type { CampaignRow, ContentItemRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';
import type { BudgetStatus } from '#shared/ai.schema.js';
import type { CampaignReport } from '#shared/analytics.schema.js';
import {
  ATTENTION_CAMPAIGNS,
  ATTENTION_ROWS,
  type Attention,
  type AttentionCampaign,
  type AttentionItem,
} from '#shared/attention.schema.js';
import { can } from '#shared/roles.js';
import { todayIn } from '#shared/zoned-time.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';

/** What the summary needs of the campaign reports and the AI budget, which their own services compute. */
export interface AttentionSources {
  reports: { reportOf(businessId: string, campaign: CampaignRow): Promise<CampaignReport> };
  budget: { status(businessId: string): Promise<BudgetStatus> };
}

/**
 * The dashboard's summary of what needs a person: counts from a few grouped queries and the first rows of
 * each list, never one query per item. Campaign KPIs are the campaign reports' own judgement (the same
 * status and chance the campaign page shows), for the few campaigns running today.
 */
export class AttentionService {
  constructor(
    private readonly repos: Repositories,
    private readonly sources: AttentionSources,
    private readonly now: () => Date,
  ) {}

  async summary(principal: Principal, businessId: string): Promise<Attention> {
    const role = await requireWorkspaceRole(this.repos, principal, businessId, 'business.read');
    const business = await this.repos.businesses.findById(businessId);
    const now = this.now();
    const at = now.toISOString();
    const today = todayIn(business?.time_zone ?? 'UTC', now);
    const items = this.repos.contentItems;
    const [statuses, inReview, upcoming, failed, inbox, running, budget] = await Promise.all([
      items.countByStatus(businessId),
      items.longestInReview(businessId, ATTENTION_ROWS),
      items.inStatus(
        businessId,
        'scheduled',
        { by: 'scheduled_at', direction: 'asc', from: at },
        ATTENTION_ROWS,
      ),
      items.inStatus(businessId, 'failed', { by: 'updated_at', direction: 'desc' }, ATTENTION_ROWS),
      this.repos.conversations.attentionCounts(businessId, at),
      this.repos.campaigns.page(businessId, {
        status: 'active',
        from: today,
        to: today,
        sort: 'start_date',
        order: 'asc',
        limit: ATTENTION_CAMPAIGNS + 1,
      }),
      can(role, 'ai.usage.read') ? this.sources.budget.status(businessId) : Promise.resolve(null),
    ]);
    const shown = running.slice(0, ATTENTION_CAMPAIGNS);
    const reports = await Promise.all(
      shown.map((campaign) => this.sources.reports.reportOf(businessId, campaign)),
    );
    const contentCount = Object.values(statuses).reduce((sum, count) => sum + count, 0);
    const firstRun =
      contentCount === 0 &&
      inbox.total === 0 &&
      running.length === 0 &&
      (await this.repos.campaigns.page(businessId, { sort: 'created_at', order: 'asc', limit: 1 })).length ===
        0;
    return {
      business_id: businessId,
      generated_at: at,
      first_run: firstRun,
      approvals: { count: statuses.in_review ?? 0, oldest: inReview.map(toItem) },
      // Scheduled items whose time passed without a result are the publisher's to settle; the count is
      // what is still to go out.
      next_up: { count: statuses.scheduled ?? 0, items: upcoming.map(toItem) },
      failed: { count: statuses.failed ?? 0, items: failed.map(toItem) },
      inbox: {
        open: inbox.open,
        unanswered: inbox.unanswered,
        urgent: inbox.urgent,
        negative: inbox.negative,
      },
      campaigns: {
        items: reports.map((report, index) => toCampaign(report, shown[index]?.currency ?? 'USD')),
        more: running.length > ATTENTION_CAMPAIGNS,
      },
      ai_spend: budget,
    };
  }
}

function toItem(row: ContentItemRow & { waiting_since?: string }): AttentionItem {
  return {
    id: row.id,
    title: row.title || firstLine(row.body),
    channel: row.channel,
    status: row.status,
    scheduled_at: row.scheduled_at,
    updated_at: row.updated_at,
    waiting_since: row.waiting_since ?? null,
    publish_error: row.status === 'failed' ? row.publish_error : null,
  };
}

function toCampaign(report: CampaignReport, currency: string): AttentionCampaign {
  return {
    campaign_id: report.campaign_id,
    name: report.name,
    start_date: report.start_date,
    end_date: report.end_date,
    days_elapsed: report.days_elapsed,
    days_total: report.days_total,
    currency,
    kpis: report.kpis.map((kpi) => ({
      metric: kpi.metric,
      forecast_metric: kpi.forecast_metric,
      target: kpi.target,
      actual: kpi.actual,
      probability: kpi.probability,
      status: kpi.status,
    })),
  };
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
