import { type Kysely, sql } from 'kysely';
import type { ChannelId } from '#shared/channel-ids.js';
import type { DB, NewMetrics } from '../db/schema.js';

/** Summed counts of a group of metric rows (numbers, whatever the driver returned). */
export interface MetricSums {
  impressions: number;
  reach: number;
  engagements: number;
  clicks: number;
  conversions: number;
  spend_minor: number;
}

/** A date range, inclusive at both ends (`YYYY-MM-DD`), optionally one campaign's content only. */
export interface MetricRange {
  from: string;
  to: string;
  campaignId?: string;
}

/** One channel's history, for updating the benchmark priors. */
export interface ChannelHistory extends MetricSums {
  channel: ChannelId;
  /** Impressions of rows that had spend: the denominator of the business's own CPM. */
  paid_impressions: number;
}

const SUM_COLUMNS = ['impressions', 'reach', 'engagements', 'clicks', 'conversions', 'spend_minor'] as const;
/** Rows written per statement: 13 columns × 500 stays under SQLite's bound-parameter limit. */
const UPSERT_CHUNK = 500;

/** The metric rows of a workspace in a range, joined to their content items. */
function metricsIn(db: Kysely<DB>, businessId: string, range: MetricRange) {
  let query = db
    .selectFrom('metrics')
    .innerJoin('content_items', 'content_items.id', 'metrics.content_item_id')
    .where('metrics.business_id', '=', businessId)
    // A deleted item's results leave the reports with it (and come back if it is restored).
    .where('content_items.deleted_at', 'is', null)
    .where('metrics.day', '>=', range.from)
    .where('metrics.day', '<=', range.to);
  if (range.campaignId) query = query.where('content_items.campaign_id', '=', range.campaignId);
  return query;
}

/** `sum(column)` for every count, zero for an empty group. */
function sums() {
  return SUM_COLUMNS.map((column) =>
    sql<number>`coalesce(sum(${sql.ref(`metrics.${column}`)}), 0)`.as(column),
  );
}

function toSums<T extends Record<(typeof SUM_COLUMNS)[number], unknown>>(row: T): T & MetricSums {
  const out = { ...row } as T & MetricSums;
  for (const column of SUM_COLUMNS) out[column] = Number(row[column]);
  return out;
}

/** Actual results per content item and day. Every method is scoped by the workspace id. */
export class MetricRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Insert rows; an existing (item, day) row is replaced by the new counts (upsert). */
  async upsertMany(rows: readonly NewMetrics[]): Promise<void> {
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      await this.db
        .insertInto('metrics')
        .values(rows.slice(start, start + UPSERT_CHUNK))
        .onConflict((conflict) =>
          conflict.columns(['content_item_id', 'day']).doUpdateSet((eb) => ({
            impressions: eb.ref('excluded.impressions'),
            reach: eb.ref('excluded.reach'),
            engagements: eb.ref('excluded.engagements'),
            clicks: eb.ref('excluded.clicks'),
            conversions: eb.ref('excluded.conversions'),
            spend_minor: eb.ref('excluded.spend_minor'),
            currency: eb.ref('excluded.currency'),
            source: eb.ref('excluded.source'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /**
   * Results read from a network: insert, or replace an earlier reading; a row people entered for that
   * item and day (source `manual`) wins and is left as it is. True when the row was written.
   */
  async upsertFromNetwork(row: NewMetrics): Promise<boolean> {
    const result = await this.db
      .insertInto('metrics')
      .values(row)
      .onConflict((conflict) =>
        conflict
          .columns(['content_item_id', 'day'])
          .doUpdateSet((eb) => ({
            impressions: eb.ref('excluded.impressions'),
            reach: eb.ref('excluded.reach'),
            engagements: eb.ref('excluded.engagements'),
            clicks: eb.ref('excluded.clicks'),
            source: eb.ref('excluded.source'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where('metrics.source', '<>', 'manual'),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  /** One item's rows, the latest day first. */
  forItem(businessId: string, itemId: string, limit: number) {
    return this.db
      .selectFrom('metrics')
      .select([
        'content_item_id',
        'day',
        'impressions',
        'reach',
        'engagements',
        'clicks',
        'conversions',
        'spend_minor',
        'currency',
        'source',
        'updated_at',
      ])
      .where('business_id', '=', businessId)
      .where('content_item_id', '=', itemId)
      .orderBy('day', 'desc')
      .limit(limit)
      .execute();
  }

  async totals(businessId: string, range: MetricRange): Promise<MetricSums> {
    const row = await metricsIn(this.db, businessId, range).select(sums()).executeTakeFirstOrThrow();
    return toSums(row);
  }

  /** Sums per day, in day order (only days with rows). */
  async byDay(businessId: string, range: MetricRange): Promise<(MetricSums & { day: string })[]> {
    const rows = await metricsIn(this.db, businessId, range)
      .select(['metrics.day', ...sums()])
      .groupBy('metrics.day')
      .orderBy('metrics.day')
      .execute();
    return rows.map(toSums);
  }

  async byChannel(businessId: string, range: MetricRange): Promise<(MetricSums & { channel: ChannelId })[]> {
    const rows = await metricsIn(this.db, businessId, range)
      .select(['content_items.channel', ...sums()])
      .groupBy('content_items.channel')
      .orderBy('content_items.channel')
      .execute();
    return rows.map(toSums);
  }

  /** Sums per campaign (null: content outside any campaign), with the campaign's name. */
  async byCampaign(
    businessId: string,
    range: MetricRange,
  ): Promise<(MetricSums & { campaign_id: string | null; campaign_name: string | null })[]> {
    const rows = await metricsIn(this.db, businessId, range)
      .leftJoin('campaigns', 'campaigns.id', 'content_items.campaign_id')
      .select(['content_items.campaign_id', 'campaigns.name as campaign_name', ...sums()])
      .groupBy(['content_items.campaign_id', 'campaigns.name'])
      .orderBy('campaigns.name')
      .execute();
    return rows.map(toSums);
  }

  /**
   * The `limit` best (or worst) content items in the range by conversions, then clicks, then engagements;
   * the worst are among items that were shown at all.
   */
  async rankItems(
    businessId: string,
    range: MetricRange,
    order: 'best' | 'worst',
    limit: number,
  ): Promise<(MetricSums & { content_item_id: string; title: string; body: string; channel: ChannelId })[]> {
    const direction = order === 'best' ? 'desc' : 'asc';
    const rows = await metricsIn(this.db, businessId, range)
      .select([
        'metrics.content_item_id',
        'content_items.title',
        'content_items.body',
        'content_items.channel',
        ...sums(),
      ])
      .groupBy([
        'metrics.content_item_id',
        'content_items.title',
        'content_items.body',
        'content_items.channel',
      ])
      .having(sql`sum(metrics.impressions)`, '>', 0)
      .orderBy(sql`sum(metrics.conversions)`, direction)
      .orderBy(sql`sum(metrics.clicks)`, direction)
      .orderBy(sql`sum(metrics.engagements)`, direction)
      .orderBy('metrics.content_item_id')
      .limit(limit)
      .execute();
    return rows.map(toSums);
  }

  /** All-time sums per channel, the input of the Bayesian update of the benchmark rates. */
  async channelHistory(businessId: string): Promise<ChannelHistory[]> {
    const rows = await this.db
      .selectFrom('metrics')
      .innerJoin('content_items', 'content_items.id', 'metrics.content_item_id')
      .where('metrics.business_id', '=', businessId)
      .where('content_items.deleted_at', 'is', null)
      .select([
        'content_items.channel',
        ...sums(),
        sql<number>`coalesce(sum(case when metrics.spend_minor > 0 then metrics.impressions else 0 end), 0)`.as(
          'paid_impressions',
        ),
      ])
      .groupBy('content_items.channel')
      .execute();
    return rows.map((row) => ({ ...toSums(row), paid_impressions: Number(row.paid_impressions) }));
  }
}
