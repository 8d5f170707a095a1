import { forecastMetricOf, lowerIsBetter } from '#server/analytics/kpi-metrics.js';
import type { CampaignRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { buildCsv } from '#server/exports/csv.js';
import type { Repositories } from '#server/repositories/index.js';
import type { MetricSums } from '#server/repositories/metric.repository.js';
import {
  type Bands,
  type CampaignReport,
  COUNT_METRICS,
  type ForecastMetric,
  type ForecastResults,
  type KpiStatus,
  type Overview,
  type OverviewQuery,
  type Totals,
} from '#shared/analytics.schema.js';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { todayIn } from '#shared/zoned-time.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { countPlannedPosts, MAX_PLANNED_ITEMS } from './analytics-plan.js';
import { forecastChanges } from './forecast-changes.js';

const RANKED_ITEMS = 5;
const DAY_MS = 86_400_000;

/** Actual results read back: the overview of a date range and a campaign's forecast against its actuals. */
export class AnalyticsReportService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  /** Totals, trend, channels, campaigns, best and worst content of a range (analytics.read). */
  async overview(principal: Principal, query: OverviewQuery): Promise<Overview> {
    await requireWorkspaceRole(this.repos, principal, query.business_id, 'analytics.read');
    const range = { from: query.from, to: query.to };
    const metrics = this.repos.metrics;
    const [totals, days, channels, campaigns, best, worst] = await Promise.all([
      metrics.totals(query.business_id, range),
      metrics.byDay(query.business_id, range),
      metrics.byChannel(query.business_id, range),
      metrics.byCampaign(query.business_id, range),
      metrics.rankItems(query.business_id, range, 'best', RANKED_ITEMS),
      metrics.rankItems(query.business_id, range, 'worst', RANKED_ITEMS),
    ]);
    const item = (row: (typeof best)[number]) => ({
      ...withRates(row),
      content_item_id: row.content_item_id,
      title: row.title || firstLine(row.body),
      channel: row.channel,
    });
    return {
      business_id: query.business_id,
      from: query.from,
      to: query.to,
      group_by: query.group_by,
      totals: withRates(totals),
      trend: (query.group_by === 'week'
        ? byWeek(days)
        : days.map(({ day, ...sums }) => ({ period: day, ...sums }))
      ).map((row) => ({ ...withRates(row), period: row.period })),
      by_channel: channels.map((row) => ({ ...withRates(row), channel: row.channel })),
      by_campaign: campaigns.map((row) => ({
        ...withRates(row),
        campaign_id: row.campaign_id,
        campaign_name: row.campaign_name,
      })),
      best_content: best.map(item),
      // The worst list leaves out what is already among the best (a workspace with few items).
      worst_content: worst
        .filter((row) => !best.some((top) => top.content_item_id === row.content_item_id))
        .map(item),
    };
  }

  /** The overview as CSV: one section per table, in one file. */
  async overviewCsv(principal: Principal, query: OverviewQuery): Promise<string> {
    const overview = await this.overview(principal, query);
    const rows: (Totals & { section: string; key: string; label: string })[] = [
      { section: 'total', key: '', label: `${overview.from} to ${overview.to}`, ...overview.totals },
      ...overview.trend.map((row) => ({ section: query.group_by, key: row.period, label: '', ...row })),
      ...overview.by_channel.map((row) => ({ section: 'channel', key: row.channel, label: '', ...row })),
      ...overview.by_campaign.map((row) => ({
        section: 'campaign',
        key: row.campaign_id ?? '',
        label: row.campaign_name ?? '(no campaign)',
        ...row,
      })),
      ...overview.best_content.map((row) => ({
        section: 'best',
        key: row.content_item_id,
        label: row.title,
        ...row,
      })),
      ...overview.worst_content.map((row) => ({
        section: 'worst',
        key: row.content_item_id,
        label: row.title,
        ...row,
      })),
    ];
    return buildCsv(
      [
        { header: 'section', value: (row) => row.section },
        { header: 'key', value: (row) => row.key },
        { header: 'label', value: (row) => row.label },
        ...TOTAL_COLUMNS,
      ],
      rows,
    );
  }

  /** A campaign's latest forecast against its actuals to date, and each KPI's status (analytics.read). */
  async campaignReport(principal: Principal, campaignId: string): Promise<CampaignReport> {
    const businessId = await this.repos.campaigns.businessIdOf(campaignId);
    await requireRowRole(this.repos, principal, businessId, 'analytics.read', 'campaign');
    const campaign = businessId ? await this.repos.campaigns.find(businessId, campaignId) : undefined;
    if (!campaign || !businessId) throw new AppError('not_found', 'No such campaign');
    return this.reportOf(businessId, campaign);
  }

  /**
   * A campaign's forecast against its actuals for work the workspace itself runs (the weekly digest):
   * there is no caller whose role to check.
   */
  async reportOf(businessId: string, campaign: CampaignRow): Promise<CampaignReport> {
    const campaignId = campaign.id;
    // The campaign's dates are the workspace's days: "today" is the workspace's too.
    const business = await this.repos.businesses.findById(businessId);
    const today = todayIn(business?.time_zone ?? 'UTC', this.now());
    const daysTotal = daysBetween(campaign.start_date, campaign.end_date) + 1;
    const daysElapsed = Math.max(0, Math.min(daysTotal, daysBetween(campaign.start_date, today) + 1));
    const range = { from: campaign.start_date, to: campaign.end_date, campaignId };
    const [simulation, totals, days, items, overrides, history] = await Promise.all([
      this.repos.simulations.latestForCampaign(businessId, campaignId),
      this.repos.metrics.totals(businessId, range),
      this.repos.metrics.byDay(businessId, range),
      this.repos.contentItems.page(businessId, { campaignId, limit: MAX_PLANNED_ITEMS }),
      this.repos.benchmarkOverrides.list(businessId),
      this.repos.metrics.channelHistory(businessId),
    ]);
    const results = simulation ? (JSON.parse(simulation.results) as ForecastResults) : undefined;
    const changedSince =
      simulation && results
        ? forecastChanges(
            { inputs: JSON.parse(simulation.inputs), results },
            {
              campaign: campaignOf(campaign),
              postsByChannel: countPlannedPosts(items),
              overrides,
              history,
            },
          )
        : [];
    const share = daysElapsed / daysTotal;
    const expected: Record<string, Bands> = {};
    if (results) {
      for (const metric of [...COUNT_METRICS, 'spend'] as const) {
        const summary = results.totals[metric];
        const at = (value: number | null) => (value === null ? null : value * share);
        expected[metric] = {
          p5: at(summary.p5),
          p25: at(summary.p25),
          p50: at(summary.p50),
          p75: at(summary.p75),
          p95: at(summary.p95),
        };
      }
    }
    const actual = withRates(totals);
    const kpis = (JSON.parse(campaign.kpis) as { metric: string; target: number }[]).map((kpi) => {
      const metric = forecastMetricOf(kpi.metric);
      const value = metric ? actualValue(metric, actual) : null;
      const forecast = results?.kpis.find((entry) => entry.metric === kpi.metric);
      return {
        metric: kpi.metric,
        target: kpi.target,
        forecast_metric: metric,
        actual: value,
        projected: projectedValue(metric, value, share),
        probability: forecast?.probability ?? null,
        status: kpiStatus(metric, value, kpi.target, share, forecast?.probability ?? null),
      };
    });
    return {
      campaign_id: campaign.id,
      name: campaign.name,
      start_date: campaign.start_date,
      end_date: campaign.end_date,
      days_elapsed: daysElapsed,
      days_total: daysTotal,
      simulation: simulation
        ? {
            id: simulation.id,
            created_at: simulation.created_at,
            trials: simulation.trials,
            seed: simulation.seed,
            changed_since: changedSince,
          }
        : null,
      actual,
      daily: days.map((row) => ({ ...withRates(row), period: row.day })),
      expected_to_date: expected,
      kpis,
    };
  }

  /** The campaign report as CSV: one row per day with its actuals, and the KPIs below. */
  async campaignReportCsv(principal: Principal, campaignId: string): Promise<string> {
    const report = await this.campaignReport(principal, campaignId);
    const daily = buildCsv(
      [{ header: 'day', value: (row: CampaignReport['daily'][number]) => row.period }, ...TOTAL_COLUMNS],
      report.daily,
    );
    const kpis = buildCsv(
      [
        { header: 'kpi', value: (row: CampaignReport['kpis'][number]) => row.metric },
        { header: 'target', value: (row) => row.target },
        { header: 'actual', value: (row) => row.actual },
        { header: 'probability', value: (row) => row.probability },
        { header: 'status', value: (row) => row.status },
      ],
      report.kpis,
    );
    return `${daily}\r\n${kpis}`;
  }
}

const TOTAL_COLUMNS: { header: string; value: (row: Totals) => number | null }[] = [
  ...COUNT_METRICS.map((metric) => ({ header: metric, value: (row: Totals) => row[metric] })),
  { header: 'spend_minor', value: (row) => row.spend_minor },
  { header: 'ctr', value: (row) => row.ctr },
  { header: 'engagement_rate', value: (row) => row.engagement_rate },
  { header: 'cvr', value: (row) => row.cvr },
  { header: 'cpa_minor', value: (row) => row.cpa_minor },
];

/** Sums plus the rates they imply (null where the denominator is 0). */
function withRates(sums: MetricSums): Totals {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  return {
    impressions: sums.impressions,
    reach: sums.reach,
    engagements: sums.engagements,
    clicks: sums.clicks,
    conversions: sums.conversions,
    spend_minor: sums.spend_minor,
    ctr: ratio(sums.clicks, sums.impressions),
    engagement_rate: ratio(sums.engagements, sums.impressions),
    cvr: ratio(sums.conversions, sums.clicks),
    cpa_minor: ratio(sums.spend_minor, sums.conversions),
  };
}

/** Days summed into ISO weeks, each labelled by its Monday. */
function byWeek(days: readonly (MetricSums & { day: string })[]): (MetricSums & { period: string })[] {
  const weeks = new Map<string, MetricSums & { period: string }>();
  for (const { day, ...sums } of days) {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
    const period = date.toISOString().slice(0, 10);
    const week = weeks.get(period) ?? {
      period,
      impressions: 0,
      reach: 0,
      engagements: 0,
      clicks: 0,
      conversions: 0,
      spend_minor: 0,
    };
    for (const key of [...COUNT_METRICS, 'spend_minor'] as const) week[key] += sums[key];
    weeks.set(period, week);
  }
  return [...weeks.values()];
}

function actualValue(metric: ForecastMetric, actual: Totals): number | null {
  if (metric === 'spend') return actual.spend_minor;
  if (metric === 'cpa') return actual.cpa_minor;
  if (metric === 'roas') return null;
  return actual[metric];
}

/**
 * The actual so far carried to the end at the same pace (actual ÷ share elapsed): what the status judges.
 * Null before the start (no pace yet) and for costs, which compare as they stand.
 */
export function projectedValue(
  metric: ForecastMetric | null,
  actual: number | null,
  share: number,
): number | null {
  if (!metric || actual === null || share <= 0 || lowerIsBetter(metric)) return null;
  return actual / share;
}

/**
 * Met: the target is reached already. Otherwise, once the campaign has started, the pace so far is
 * projected to the end: at or over target is on track, within 80% at risk, else behind. Before the start
 * there is no pace to judge: not started (the forecast's chance is reported beside it, not as a status).
 * Costs (CPA) compare as they stand: at or under target is on track. A started campaign whose metric has no
 * actuals (return on ad spend) falls back on the forecast (≥ 50% on track, ≥ 20% at risk).
 */
export function kpiStatus(
  metric: ForecastMetric | null,
  actual: number | null,
  target: number,
  share: number,
  probability: number | null,
): KpiStatus {
  if (!metric) return 'no_forecast';
  if (share <= 0) return 'not_started';
  if (actual !== null) {
    if (lowerIsBetter(metric)) return actual <= target ? 'on_track' : 'behind';
    if (actual >= target) return 'met';
    const projected = actual / share;
    return projected >= target ? 'on_track' : projected >= 0.8 * target ? 'at_risk' : 'behind';
  }
  if (probability === null) return 'no_forecast';
  return probability >= 0.5 ? 'on_track' : probability >= 0.2 ? 'at_risk' : 'behind';
}

/** A campaign row as the shared type the forecast's plan reads. */
function campaignOf(row: {
  id: string;
  business_id: string;
  name: string;
  objective: Campaign['objective'];
  channels: string;
  budget_minor: number;
  currency: string;
  start_date: string;
  end_date: string;
  kpis: string;
  status: Campaign['status'];
  created_by: string | null;
  created_at: string;
  updated_at: string;
}): Campaign {
  return {
    ...row,
    channels: JSON.parse(row.channels) as ChannelId[],
    budget_minor: Number(row.budget_minor),
    kpis: JSON.parse(row.kpis) as Campaign['kpis'],
  };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function firstLine(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
